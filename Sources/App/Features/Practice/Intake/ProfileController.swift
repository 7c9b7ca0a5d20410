import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The employee profile (task 2): who the client is as an employee, what they need to work lastingly,
/// the goals and plan of approach agreed with them, and what matching reads: desired occupations
/// (ESCO), hours, home and travel distance, needs and what they cannot work with.
enum ProfileController {
    static let textFields = ["motivators", "values", "skills", "interests", "wishes", "learningStyle", "attentionPoints",
                             "limitations", "possibilities", "lastingParticipation", "goals", "planOfApproach"]

    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let client = try request.scopedClient
        let file = try await ClientFile.load(client, on: request)
        return try await render(request, actor: actor, file: file, values: values(file.profile, standard: request.standard), problems: [])
    }

    static func values(_ profile: EmployeeProfile?, standard: ProfessionalStandard) -> [String: String] {
        guard let profile else { return [:] }
        var values: [String: String] = [
            "motivators": profile.motivators, "values": profile.values, "skills": profile.skills, "interests": profile.interests,
            "wishes": profile.wishes, "learningStyle": profile.learningStyle, "attentionPoints": profile.attentionPoints,
            "limitations": profile.limitations, "possibilities": profile.possibilities,
            "lastingParticipation": profile.lastingParticipation, "goals": profile.goals, "planOfApproach": profile.planOfApproach,
            "agreedOn": profile.agreedOn ?? "",
            "desiredOccupations": PracticeMapping.lines(profile.desiredOccupations).map(standard.occupations.formText).joined(separator: "\n"),
            "hoursMin": profile.hoursMin.map { NumberText.format($0, in: .en) } ?? "",
            "hoursMax": profile.hoursMax.map { NumberText.format($0, in: .en) } ?? "",
            "homePlace": profile.homePlace,
            "homeLat": profile.homeLat.map { String($0) } ?? "", "homeLon": profile.homeLon.map { String($0) } ?? "",
            "maxTravelKm": profile.maxTravelKm.map { NumberText.format($0, in: .en) } ?? "",
        ]
        if let place = standard.places.place(named: profile.homePlace), place.point.lat == profile.homeLat, place.point.lon == profile.homeLon {
            values["homeLat"] = ""
            values["homeLon"] = ""
        }
        for id in PracticeMapping.ids(profile.needs) { values["need.\(id)"] = "yes" }
        for id in PracticeMapping.ids(profile.cannot) { values["cannot.\(id)"] = "yes" }
        return values
    }

    static func render(_ request: Request, actor: PracticeActor, file: ClientFile, values: [String: String], problems: [FormProblem],
                       extraErrors: [FieldError] = [], status: HTTPStatus = .ok) async throws -> Response {
        // Every showing of the record is a read, also when a refused change shows it again.
        try await ClientAudit.read(request, actor, "profile.viewed", client: file.client)
        let language = request.language
        let clientID = try file.client.requireID()
        let errors = problems.fieldErrors(request) + extraErrors
        let byField = errors.byField
        let make = FormFieldMaker(request: request, prefix: "profile", values: values, errors: byField)
        func area(_ id: String) -> FormFieldView { make.field(id, kind: "textarea") }
        let vocabulary = request.standard.conditions
        func checked(_ prefix: String) -> Set<String> {
            Set(values.keys.filter { $0.hasPrefix(prefix + ".") && values[$0] == "yes" }.map { String($0.dropFirst(prefix.count + 1)) })
        }
        let sections = [
            FormSectionView(legend: request.t("profileWho"), fields: ["motivators", "values", "skills", "interests", "wishes", "learningStyle"].map(area)),
            FormSectionView(legend: request.t("profileNeedsSection"), fields: ["attentionPoints", "limitations", "possibilities", "lastingParticipation"].map(area)),
            FormSectionView(legend: request.t("profilePlan"), fields: [area("goals"), area("planOfApproach"), make.field("agreedOn", kind: "date")]),
            FormSectionView(legend: request.t("profileMatching"), hint: request.t("profileMatchingHint"), fields: [
                make.field("desiredOccupations", kind: "textarea"),
                make.field("hoursMin", inputMode: "decimal"), make.field("hoursMax", inputMode: "decimal"),
                make.field("homePlace", kind: "select", options: PracticeOptions.places(request.standard.places, selected: values["homePlace"] ?? "", language: language)),
                make.field("homeLat", inputMode: "decimal"), make.field("homeLon", inputMode: "decimal"),
                make.field("maxTravelKm", inputMode: "decimal"),
            ], checkGroups: [
                CheckGroupView(id: "needs", legend: request.t("profileNeeds"), hint: request.t("profileNeedsHint"), error: byField["needs"],
                               options: PracticeOptions.conditions(vocabulary, use: .need, prefix: "need", checked: checked("need"), language: language)),
                CheckGroupView(id: "cannot", legend: request.t("profileCannot"), hint: request.t("profileCannotHint"), error: byField["cannot"],
                               options: PracticeOptions.conditions(vocabulary, use: .demand, prefix: "cannot", checked: checked("cannot"), language: language)),
            ]),
        ]
        return try await ClientFormPageContext.render(request, actor: actor, file: file, titleKey: "profileTitle", leadKey: "profileLead",
                                                      formID: "profile-form", url: SiteURL.clientProfile(.value(clientID)).path,
                                                      sections: sections, errors: errors, status: status)
    }

    static func save(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request)
        var form = posted
        let standard = request.standard
        for field in textFields where form.value(field).count > 10_000 { form.problem(field, "formTooLong") }
        let agreedOn = form.date("agreedOn", required: false)
        if let agreedOn, agreedOn > request.today { form.problem("agreedOn", "cpdInFuture") }
        if agreedOn != nil, form.value("goals").isEmpty { form.problem("goals", "profileGoalsMissing") }
        if agreedOn != nil, form.value("planOfApproach").isEmpty { form.problem("planOfApproach", "profilePlanMissing") }

        var extra: [FieldError] = []
        var occupations: [String] = []
        for line in PracticeMapping.lines(form.value("desiredOccupations")) {
            if let target = standard.occupations.target(describedBy: line) {
                occupations.append(target.uri ?? target.iscoCode)
            } else {
                extra.append(FieldError(field: "desiredOccupations", message: request.t("profileOccupationUnknown").replacingOccurrences(of: "{text}", with: line)))
            }
        }
        let hoursMin = form.amount("hoursMin"), hoursMax = form.amount("hoursMax")
        if (hoursMin == nil) != (hoursMax == nil) {
            form.problem(hoursMin == nil ? "hoursMin" : "hoursMax", "profileHoursBoth")
        } else if let hoursMin, let hoursMax, !HoursRange(min: hoursMin, max: hoursMax).isValid {
            form.problem("hoursMin", "profileHoursRange")
        }
        let place = form.value("homePlace")
        let known = standard.places.place(named: place)
        if !place.isEmpty, known == nil { form.problem("homePlace", "practicePlaceUnknown") }
        var home = known?.point
        let lat = form.value("homeLat"), lon = form.value("homeLon")
        if !lat.isEmpty || !lon.isEmpty {
            if let latitude = Double(lat.replacingOccurrences(of: ",", with: ".")), let longitude = Double(lon.replacingOccurrences(of: ",", with: ".")),
               GeoPoint(lat: latitude, lon: longitude).isValid {
                home = GeoPoint(lat: latitude, lon: longitude)
            } else {
                form.problem(lat.isEmpty || Double(lat.replacingOccurrences(of: ",", with: ".")) == nil ? "homeLat" : "homeLon", "practiceCoordinatesInvalid")
            }
        }
        let maxTravel = form.amount("maxTravelKm")
        if let maxTravel, maxTravel > 1_000 { form.problem("maxTravelKm", "profileTravelTooFar") }
        let needs = PracticeOptions.checked(form, prefix: "need", vocabulary: standard.conditions, use: .need)
        let cannot = PracticeOptions.checked(form, prefix: "cannot", vocabulary: standard.conditions, use: .demand)

        guard form.problems.isEmpty, extra.isEmpty else {
            return try await render(request, actor: actor, file: file, values: form.values, problems: form.problems, extraErrors: extra,
                                    status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let profile = file.profile ?? EmployeeProfile()
        let isNew = file.profile == nil
        let input = form
        let occupationList = occupations, homePoint = home
        try await request.change { db in
            profile.organisationID = actor.organisationID
            profile.$trajectory.id = trajectoryID
            profile.motivators = input.value("motivators")
            profile.values = input.value("values")
            profile.skills = PracticeMapping.lines(input.value("skills")).joined(separator: "\n")
            profile.interests = input.value("interests")
            profile.wishes = input.value("wishes")
            profile.learningStyle = input.value("learningStyle")
            profile.attentionPoints = input.value("attentionPoints")
            profile.limitations = input.value("limitations")
            profile.possibilities = input.value("possibilities")
            profile.lastingParticipation = input.value("lastingParticipation")
            profile.goals = input.value("goals")
            profile.planOfApproach = input.value("planOfApproach")
            profile.agreedOn = agreedOn?.description
            profile.desiredOccupations = occupationList.joined(separator: "\n")
            profile.hoursMin = hoursMin
            profile.hoursMax = hoursMax
            profile.homePlace = known?.name ?? ""
            profile.homeLat = homePoint?.lat
            profile.homeLon = homePoint?.lon
            profile.maxTravelKm = maxTravel
            profile.needs = PracticeMapping.stored(needs)
            profile.cannot = PracticeMapping.stored(cannot)
            try await profile.save(on: db)
            try await ClientAudit.record(on: db, request, actor, isNew ? "profile.created" : "profile.updated", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "agreed": agreedOn?.description ?? ""])
        }
        return request.redirect(to: SiteURL.client(.value(try client.requireID())).path)
    }
}
