import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Mentoring (001): an experienced job coach as mentor of a trainee or of a new coach. The mentor logs
/// the meetings (date, topics, next steps) and the mentee reads them; a team lead assigns a mentor to
/// a coach of the team, a trainer to a trainee of their cohorts. Reads and changes are audited.
enum MentoringController {
    static func page(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        _ = try await request.change { db in
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "mentoring.viewed", subject: user.auditName)
        }
        return try await render(request, values: [:], errors: [])
    }

    static func render(_ request: Request, values: [String: String], errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let user = try request.auth.require(User.self)
        let userID = try user.requireID()
        let language = request.language
        let asMentor = try await Mentorship.query(on: request.db).filter(\.$mentorID == userID).all()
        let asMentee = try await Mentorship.query(on: request.db).filter(\.$menteeID == userID).all()
        let people = Dictionary(try await User.query(on: request.db).filter(\.$id ~~ (asMentor.map(\.menteeID) + asMentee.map(\.mentorID))).all()
            .map { ($0.id!, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let all = asMentor + asMentee
        let meetings = try await MentorMeeting.query(on: request.db).filter(\.$mentorshipID ~~ all.compactMap(\.id)).sort(\.$heldOn, .descending).all()
        func day(_ text: String) -> String { CalendarDate(text)?.text(in: language) ?? text }
        func table(_ id: String, _ caption: String, _ mentorships: [Mentorship], other: (Mentorship) -> UUID) -> TableView {
            let byID = Dictionary(mentorships.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
            return TableView(id: id, caption: caption,
                             headers: [request.t("mentorMeetingDate"), request.t("mentorPerson"), request.t("mentorTopics"), request.t("mentorNextSteps")],
                             rows: meetings.compactMap { meeting in
                                 guard let mentorship = byID[meeting.mentorshipID] else { return nil }
                                 return [.init(text: day(meeting.heldOn)), .init(text: people[other(mentorship)] ?? ""), .init(text: meeting.topics),
                                         .init(text: meeting.nextSteps)]
                             }, empty: request.t("mentorNoMeetings"))
        }
        let byField = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let make = FormFieldMaker(request: request, values: values, errors: byField)
        var blocks: [WorkBlock] = []
        if !asMentor.isEmpty {
            let form = FormView(id: "meeting-form", url: SiteURL.mentoringMeetings.path, csrfToken: request.csrfToken, sections: [
                FormSectionView(legend: request.t("mentorNewMeeting"), fields: [
                    make.field("mentorship", labelKey: "mentorMentee", kind: "select", optional: false, options: asMentor.map {
                        ChoiceOption(value: $0.id!.uuidString, label: people[$0.menteeID] ?? "", selected: values["mentorship"] == $0.id!.uuidString)
                    }),
                    make.field("heldOn", labelKey: "mentorMeetingDate", kind: "date", optional: false),
                    make.field("topics", labelKey: "mentorTopics", kind: "textarea", optional: false),
                    make.field("nextSteps", labelKey: "mentorNextSteps", kind: "textarea", optional: false),
                ]),
            ], submitLabel: request.t("mentorSaveMeeting"), readOnly: false)
            blocks.append(WorkBlock(id: "mentees", heading: request.t("mentorMenteesTitle"),
                                    text: asMentor.map { people[$0.menteeID] ?? "" }.sorted().joined(separator: ", "),
                                    tables: [table("mentor-meetings", request.t("mentorMeetingsAsMentor"), asMentor, other: \.menteeID)], forms: [form]))
        }
        if !asMentee.isEmpty {
            blocks.append(WorkBlock(id: "my-mentor", heading: request.t("mentorMyMentorTitle"),
                                    text: request.t("mentorMyMentor", ["names": asMentee.map { people[$0.mentorID] ?? "" }.sorted().joined(separator: ", ")]),
                                    tables: [table("mentee-meetings", request.t("mentorMeetingsAsMentee"), asMentee, other: \.mentorID)]))
        }
        if user.role.may(.assignMentors) {
            let form = FormView(id: "assign-form", url: SiteURL.mentoring.path, csrfToken: request.csrfToken, sections: [
                FormSectionView(legend: request.t("mentorAssign"), hint: request.t(user.role.may(.teachCohorts) ? "mentorAssignHintTrainer" : "mentorAssignHintLead"),
                                fields: [
                                    make.field("mentee", labelKey: "mentorMenteeEmail", kind: "email", optional: false),
                                    make.field("mentor", labelKey: "mentorMentorEmail", hintKey: "mentorMentorEmailHint", kind: "email", optional: false),
                                ]),
            ], submitLabel: request.t("mentorAssignSave"), readOnly: false)
            blocks.append(WorkBlock(id: "assign", heading: request.t("mentorAssign"), forms: [form]))
        }
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("mentorTitle"), current: .mentoring),
            heading: request.t("mentorTitle"), subtitle: "", lead: request.t(blocks.isEmpty ? "mentorNone" : "mentorLead"),
            backURL: SiteURL.home.path, backLabel: request.t("navHome"), notice: nil, blocks: blocks, errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.work, context, status: status)
    }

    /// Whom the assigner may give a mentor: a team lead the coaches of their team, a trainer the
    /// trainees of their cohorts.
    static func mayAssign(_ assigner: User, mentee: User, on database: any Database) async throws -> Bool {
        let assignerID = try assigner.requireID(), menteeID = try mentee.requireID()
        if assigner.role.may(.teachCohorts) {
            let cohorts = try await CohortTrainer.query(on: database).filter(\.$userID == assignerID).all().map(\.cohortID)
            return try await Enrolment.query(on: database).filter(\.$cohortID ~~ cohorts).filter(\.$userID == menteeID).first() != nil
        }
        guard assigner.role.may(.leadTeam),
              let lead = try await Membership.query(on: database).filter(\.$user.$id == assignerID).first(), let team = lead.teamID else { return false }
        return try await Membership.query(on: database).filter(\.$user.$id == menteeID).filter(\.$teamID == team).first() != nil
    }

    static func assign(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        guard user.role.may(.assignMentors) else { throw Abort(.forbidden) }
        let values = try CohortController.posted(request)
        var errors: [FieldError] = []
        let mentee = try await User.query(on: request.db).filter(\.$email == (values["mentee"] ?? "").lowercased()).first()
        let mentor = try await User.query(on: request.db).filter(\.$email == (values["mentor"] ?? "").lowercased()).first()
        if let mentee {
            if try await !mayAssign(user, mentee: mentee, on: request.db) { errors.append(FieldError(field: "mentee", message: request.t("mentorMenteeProblem"))) }
        } else {
            errors.append(FieldError(field: "mentee", message: request.t("trainingNoAccount")))
        }
        if let mentor {
            if !mentor.role.may(.mentor) || mentor.id == mentee?.id {
                errors.append(FieldError(field: "mentor", message: request.t("mentorMentorProblem")))
            }
        } else {
            errors.append(FieldError(field: "mentor", message: request.t("trainingNoAccount")))
        }
        if let mentor, let mentee, try await Mentorship.query(on: request.db).filter(\.$mentorID == mentor.requireID())
            .filter(\.$menteeID == mentee.requireID()).first() != nil {
            errors.append(FieldError(field: "mentor", message: request.t("mentorAlready")))
        }
        guard errors.isEmpty, let mentor, let mentee else { return try await render(request, values: values, errors: errors, status: .unprocessableEntity) }
        let mentorship = Mentorship(mentorID: try mentor.requireID(), menteeID: try mentee.requireID(), assignedBy: try user.requireID(),
                                    startedOn: request.today.description)
        try await request.change { db in
            try await mentorship.create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "mentoring.assigned", subject: mentee.auditName,
                                                              details: ["mentor": mentor.auditName])
        }
        return request.redirect(to: SiteURL.mentoring.path)
    }

    static func addMeeting(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let values = try CohortController.posted(request)
        var errors: [FieldError] = []
        let mentorship = try await values["mentorship"].flatMap(UUID.init(uuidString:)).asyncMap { id in
            try await Mentorship.query(on: request.db).filter(\.$id == id).filter(\.$mentorID == user.requireID()).first()
        } ?? nil
        if mentorship == nil { errors.append(FieldError(field: "mentorship", message: request.t("mentorMenteeChoose"))) }
        let day = CalendarDate(values["heldOn"] ?? "")
        if day == nil || day! > request.today { errors.append(FieldError(field: "heldOn", message: request.t("trainingPastDateProblem"))) }
        let topics = values["topics"] ?? "", next = values["nextSteps"] ?? ""
        if topics.isEmpty || topics.count > 2_000 { errors.append(FieldError(field: "topics", message: request.t("mentorTextProblem"))) }
        if next.isEmpty || next.count > 2_000 { errors.append(FieldError(field: "nextSteps", message: request.t("mentorTextProblem"))) }
        guard errors.isEmpty, let mentorship, let day else { return try await render(request, values: values, errors: errors, status: .unprocessableEntity) }
        let meeting = MentorMeeting(mentorshipID: try mentorship.requireID(), heldOn: day.description, topics: topics, nextSteps: next)
        try await request.change { db in
            try await meeting.create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "mentoring.meeting-logged",
                                                              subject: "mentorship:\(mentorship.id!.uuidString)")
        }
        return request.redirect(to: SiteURL.mentoring.path)
    }
}
