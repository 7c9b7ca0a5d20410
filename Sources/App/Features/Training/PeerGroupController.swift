import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Peer groups (intervision, 001): coaches who work with the same target group, across regions and
/// agencies, with members, meetings and a short shared log. Attending a meeting counts as CPD
/// intervision, within the framework's cap (the CPD evaluation applies it). A member can share their own
/// anonymised case summaries (made for peer review in their agency) with the group. Only members reach
/// a group.
enum PeerGroupController {
    static func list(_ request: Request) async throws -> Response {
        try await renderList(request, values: [:], errors: [])
    }

    static func renderList(_ request: Request, values: [String: String], errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let user = try request.auth.require(User.self)
        let language = request.language
        let memberships = try await PeerGroupMember.query(on: request.db).filter(\.$userID == user.requireID()).all()
        let groups = try await PeerGroup.query(on: request.db).filter(\.$id ~~ memberships.map(\.groupID)).sort(\.$name).all()
        var counts: [UUID: Int] = [:]
        for member in try await PeerGroupMember.query(on: request.db).filter(\.$groupID ~~ groups.compactMap(\.id)).all() { counts[member.groupID, default: 0] += 1 }
        let words = request.standard.outcomeWords.targetGroups
        let table = TableView(id: "groups-table", caption: request.t("peerGroupsCaption"),
                              headers: [request.t("peerGroupName"), request.t("peerTargetGroup"), request.t("peerMembers")],
                              rows: groups.map { group in
                                  [.init(text: group.name, url: SiteURL.peerGroup(.value(group.id!)).path),
                                   .init(text: TargetGroup(rawValue: group.targetGroup).flatMap { words[$0]?[language] } ?? group.targetGroup),
                                   .init(text: String(counts[group.id!] ?? 0))]
                              }, empty: request.t("peerNoGroups"))
        let byField = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let make = FormFieldMaker(request: request, values: values, errors: byField)
        let form = FormView(id: "group-form", url: SiteURL.peerGroups.path, csrfToken: request.csrfToken, sections: [
            FormSectionView(legend: request.t("peerNewGroup"), fields: [
                make.field("name", labelKey: "peerGroupName", optional: false),
                make.field("targetGroup", labelKey: "peerTargetGroup", kind: "select", optional: false, options: TargetGroup.allCases.map {
                    ChoiceOption(value: $0.rawValue, label: words[$0]?[language] ?? $0.rawValue, selected: values["targetGroup"] == $0.rawValue)
                }),
                make.field("region", labelKey: "peerRegion", hintKey: "peerRegionHint", optional: false),
            ]),
        ], submitLabel: request.t("peerCreate"), readOnly: false)
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("peerTitle"), current: .peerGroups),
            heading: request.t("peerTitle"), subtitle: "", lead: request.t("peerLead"),
            backURL: SiteURL.home.path, backLabel: request.t("navHome"), notice: nil,
            blocks: [WorkBlock(id: "groups", heading: request.t("peerMyGroups"), tables: [table]),
                     WorkBlock(id: "new-group", heading: request.t("peerNewGroup"), forms: [form])],
            errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.work, context, status: status)
    }

    static func create(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let values = try CohortController.posted(request)
        var errors: [FieldError] = []
        let name = values["name"] ?? "", region = values["region"] ?? ""
        if name.isEmpty || name.count > 200 { errors.append(FieldError(field: "name", message: request.t("trainingNameProblem"))) }
        let target = TargetGroup(rawValue: values["targetGroup"] ?? "")
        if target == nil { errors.append(FieldError(field: "targetGroup", message: request.t("peerTargetProblem"))) }
        if region.isEmpty || region.count > 200 { errors.append(FieldError(field: "region", message: request.t("trainingRegionProblem"))) }
        guard errors.isEmpty, let target else { return try await renderList(request, values: values, errors: errors, status: .unprocessableEntity) }
        let group = PeerGroup(name: name, targetGroup: target.rawValue, createdBy: try user.requireID())
        try await request.change { db in
            try await group.create(on: db)
            try await PeerGroupMember(groupID: group.id!, userID: try user.requireID(), region: region).create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "peer-group.created", subject: "peer-group:\(group.id!.uuidString)")
        }
        return request.redirect(to: SiteURL.peerGroup(.value(group.id!)).path)
    }

    /// The group in the path when the user is a member; 404 (and an audited refusal) otherwise.
    static func group(_ request: Request) async throws -> (User, PeerGroup) {
        let user = try request.auth.require(User.self)
        if let id = request.parameters.get("group", as: UUID.self), let group = try await PeerGroup.find(id, on: request.db),
           try await PeerGroupMember.query(on: request.db).filter(\.$groupID == id).filter(\.$userID == user.requireID()).first() != nil {
            return (user, group)
        }
        let path = request.url.path
        _ = try await request.change { db in
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "peer-group.refused", subject: user.auditName,
                                                              details: ["path": path])
        }
        throw Abort(.notFound)
    }

    static func show(_ request: Request) async throws -> Response {
        let (user, group) = try await group(request)
        _ = try await request.change { db in
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "peer-group.viewed", subject: "peer-group:\(group.id!.uuidString)")
        }
        return try await render(request, group, values: [:], errors: [])
    }

    static func render(_ request: Request, _ group: PeerGroup, values: [String: String], errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let groupID = try group.requireID()
        let members = try await PeerGroupMember.query(on: request.db).filter(\.$groupID == groupID).all()
        let users = Dictionary(try await User.query(on: request.db).filter(\.$id ~~ members.map(\.userID)).all().map { ($0.id!, $0.displayName) },
                               uniquingKeysWith: { first, _ in first })
        let meetings = try await PeerMeeting.query(on: request.db).filter(\.$groupID == groupID).sort(\.$heldOn, .descending).all()
        var attended: [UUID: Int] = [:]
        for row in try await PeerMeetingAttendance.query(on: request.db).filter(\.$meetingID ~~ meetings.compactMap(\.id)).all() {
            attended[row.meetingID, default: 0] += 1
        }
        let regions = Set(members.map(\.region)).count
        let memberTable = TableView(id: "members-table", caption: request.t("peerMembersCaption"),
                                    headers: [request.t("peerMember"), request.t("peerRegion")],
                                    rows: members.sorted { (users[$0.userID] ?? "") < (users[$1.userID] ?? "") }.map {
                                        [.init(text: users[$0.userID] ?? ""), .init(text: $0.region)]
                                    }, empty: "")
        let meetingTable = TableView(id: "meetings-table", caption: request.t("peerMeetingsCaption"),
                                     headers: [request.t("mentorMeetingDate"), request.t("trainingSessionHours"), request.t("trainingPresent"), request.t("peerLog")],
                                     rows: meetings.map { meeting in
                                         [.init(text: CalendarDate(meeting.heldOn)?.text(in: language) ?? meeting.heldOn),
                                          .init(text: NumberText.format(meeting.hours, in: language)),
                                          .init(text: "\(attended[meeting.id!] ?? 0) / \(members.count)"), .init(text: meeting.log)]
                                     }, empty: request.t("peerNoMeetings"))
        let byField = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let make = FormFieldMaker(request: request, values: values, errors: byField)
        let invite = FormView(id: "member-form", url: SiteURL.peerGroupMembers(.value(groupID)).path, csrfToken: request.csrfToken, sections: [
            FormSectionView(legend: request.t("peerInvite"), hint: request.t("peerInviteHint"), fields: [
                make.field("email", labelKey: "peerMemberEmail", kind: "email", optional: false),
                make.field("region", labelKey: "peerRegion", optional: false),
            ]),
        ], submitLabel: request.t("peerInviteSave"), readOnly: false)
        let meetingForm = FormView(id: "peer-meeting-form", url: SiteURL.peerGroupMeetings(.value(groupID)).path, csrfToken: request.csrfToken, sections: [
            FormSectionView(legend: request.t("peerNewMeeting"), hint: request.t("peerNewMeetingHint"), fields: [
                make.field("heldOn", labelKey: "mentorMeetingDate", kind: "date", optional: false),
                make.field("hours", labelKey: "trainingSessionHours", optional: false, inputMode: "decimal"),
                make.field("log", labelKey: "peerLog", hintKey: "peerLogHint", kind: "textarea", optional: false),
            ], checkGroups: [CheckGroupView(id: "attended", legend: request.t("trainingPresent"), hint: "", error: byField["attended"],
                                            options: members.map { member in
                                                CheckOption(name: "attended.\(member.userID.uuidString)", id: "attended-\(member.userID.uuidString)",
                                                            label: users[member.userID] ?? "", hint: "", checked: values["attended.\(member.userID.uuidString)"] == "yes")
                                            })]),
        ], submitLabel: request.t("peerSaveMeeting"), readOnly: false)
        // The anonymised case summaries shared with the group, and the viewer's own that could be.
        let user = try request.auth.require(User.self)
        let shared = try await PeerGroupCase.query(on: request.db).filter(\.$groupID == groupID).sort(\.$createdAt, .descending).all()
        let reviews = Dictionary(try await PeerReview.query(on: request.db).filter(\.$id ~~ shared.map(\.peerReviewID)).all().map { ($0.id!, $0) },
                                 uniquingKeysWith: { first, _ in first })
        let caseTable = TableView(id: "cases-table", caption: request.t("peerCasesCaption"),
                                  headers: [request.t("peerCaseShared"), request.t("peerCaseQuestion"), request.t("peerCaseSummary")],
                                  rows: shared.compactMap { row in
                                      reviews[row.peerReviewID].map { review in
                                          [.init(text: "\(users[row.sharedBy] ?? "") · \(CalendarDate(review.sharedAt, in: request.application.configuration.timeZone).text(in: language))"),
                                           .init(text: review.question), .init(text: review.summary)]
                                      }
                                  }, empty: request.t("peerNoCases"))
        let sharedIDs = Set(shared.map(\.peerReviewID))
        let mine = try await PeerReview.query(on: request.db).filter(\.$sharedBy == user.requireID()).sort(\.$sharedAt, .descending).all()
            .filter { !sharedIDs.contains($0.id!) }
        let shareForm = FormView(id: "case-form", url: SiteURL.peerGroupCases(.value(groupID)).path, csrfToken: request.csrfToken, sections: [
            FormSectionView(legend: request.t("peerShareCase"), hint: request.t("peerShareCaseHint"), fields: [
                make.field("review", labelKey: "peerCaseQuestion", kind: "select", optional: false, options: mine.map {
                    ChoiceOption(value: $0.id!.uuidString, label: String($0.question.prefix(120)), selected: values["review"] == $0.id!.uuidString)
                }),
            ]),
        ], submitLabel: request.t("peerShareCaseSave"), readOnly: false)
        let words = request.standard.outcomeWords.targetGroups
        let context = WorkPageContext(
            layout: Layout(request: request, title: group.name, current: .peerGroups),
            heading: group.name,
            subtitle: TargetGroup(rawValue: group.targetGroup).flatMap { words[$0]?[language] } ?? group.targetGroup,
            lead: request.t("peerGroupLead", ["members": String(members.count), "regions": String(regions)]),
            backURL: SiteURL.peerGroups.path, backLabel: request.t("peerTitle"), notice: nil,
            blocks: [WorkBlock(id: "members", heading: request.t("peerMembers"), tables: [memberTable], forms: [invite]),
                     WorkBlock(id: "meetings", heading: request.t("peerMeetings"), tables: [meetingTable], forms: [meetingForm]),
                     WorkBlock(id: "cases", heading: request.t("peerCases"), text: request.t("peerCasesText"), tables: [caseTable],
                               forms: mine.isEmpty ? [] : [shareForm], links: mine.isEmpty ? [LinkView(url: SiteURL.caseload.path, label: request.t("peerCasesHow"))] : [])],
            errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.work, context, status: status)
    }

    static func addMember(_ request: Request) async throws -> Response {
        let (user, group) = try await group(request)
        let values = try CohortController.posted(request)
        var errors: [FieldError] = []
        let invited = try await User.query(on: request.db).filter(\.$email == (values["email"] ?? "").lowercased()).first()
        if let invited {
            if !invited.role.may(.joinPeerGroups) { errors.append(FieldError(field: "email", message: request.t("peerNotACoach"))) }
            if try await PeerGroupMember.query(on: request.db).filter(\.$groupID == group.requireID()).filter(\.$userID == invited.requireID()).first() != nil {
                errors.append(FieldError(field: "email", message: request.t("peerAlreadyMember")))
            }
        } else {
            errors.append(FieldError(field: "email", message: request.t("trainingNoAccount")))
        }
        let region = values["region"] ?? ""
        if region.isEmpty || region.count > 200 { errors.append(FieldError(field: "region", message: request.t("trainingRegionProblem"))) }
        guard errors.isEmpty, let invited else { return try await render(request, group, values: values, errors: errors, status: .unprocessableEntity) }
        try await request.change { db in
            try await PeerGroupMember(groupID: group.id!, userID: try invited.requireID(), region: region).create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "peer-group.member-added",
                                                              subject: "peer-group:\(group.id!.uuidString)", details: ["member": invited.auditName])
        }
        return request.redirect(to: SiteURL.peerGroup(.value(group.id!)).path + "#members")
    }

    static func shareCase(_ request: Request) async throws -> Response {
        let (user, group) = try await group(request)
        let groupID = try group.requireID()
        let values = try CohortController.posted(request)
        let review = try await values["review"].flatMap(UUID.init(uuidString:)).asyncMap { id in
            try await PeerReview.query(on: request.db).filter(\.$id == id).filter(\.$sharedBy == user.requireID()).first()
        } ?? nil
        guard let review, try await PeerGroupCase.query(on: request.db).filter(\.$groupID == groupID).filter(\.$peerReviewID == review.requireID()).first() == nil else {
            return try await render(request, group, values: values, errors: [FieldError(field: "review", message: request.t("peerShareCaseProblem"))],
                                    status: .unprocessableEntity)
        }
        try await request.change { db in
            try await PeerGroupCase(groupID: groupID, peerReviewID: try review.requireID(), sharedBy: try user.requireID()).create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "peer-group.case-shared",
                                                              subject: "peer-group:\(groupID.uuidString)", details: ["review": review.id!.uuidString])
        }
        return request.redirect(to: SiteURL.peerGroup(.value(groupID)).path + "#cases")
    }

    static func addMeeting(_ request: Request) async throws -> Response {
        let (user, group) = try await group(request)
        let groupID = try group.requireID()
        let values = try CohortController.posted(request)
        var errors: [FieldError] = []
        let day = CalendarDate(values["heldOn"] ?? "")
        if day == nil || day! > request.today { errors.append(FieldError(field: "heldOn", message: request.t("trainingPastDateProblem"))) }
        let hours = Double((values["hours"] ?? "").replacingOccurrences(of: ",", with: "."))
        if hours == nil || !(0.25...12).contains(hours!) { errors.append(FieldError(field: "hours", message: request.t("trainingHoursProblem"))) }
        let log = values["log"] ?? ""
        if log.isEmpty || log.count > 2_000 { errors.append(FieldError(field: "log", message: request.t("peerLogProblem"))) }
        let members = Set(try await PeerGroupMember.query(on: request.db).filter(\.$groupID == groupID).all().map(\.userID))
        let attended = Set(values.filter { $0.key.hasPrefix("attended.") && $0.value == "yes" }.compactMap { UUID(uuidString: String($0.key.dropFirst("attended.".count))) })
        if attended.isEmpty || !attended.isSubset(of: members) { errors.append(FieldError(field: "attended", message: request.t("peerAttendedProblem"))) }
        guard errors.isEmpty, let day, let hours else { return try await render(request, group, values: values, errors: errors, status: .unprocessableEntity) }
        let meeting = PeerMeeting()
        meeting.groupID = groupID
        meeting.heldOn = day.description
        meeting.hours = hours
        meeting.log = log
        meeting.createdBy = try user.requireID()
        try await request.change { db in
            try await meeting.create(on: db)
            for member in attended {
                try await PeerMeetingAttendance(meetingID: meeting.id!, userID: member).create(on: db)
                // Counts as CPD intervision; the framework's cap is applied where the points are added up.
                let row = CPDActivityRow()
                row.$user.id = member
                row.title = "\(group.name) (intervisie)"
                row.category = "cpd-intervision"
                row.hours = hours
                row.points = nil
                row.completedOn = day.description
                row.sourceKey = "peer:\(meeting.id!.uuidString):\(member.uuidString)"
                try await row.create(on: db)
            }
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "peer-group.meeting-recorded",
                                                              subject: "peer-group:\(groupID.uuidString)", details: ["attended": String(attended.count)])
        }
        return request.redirect(to: SiteURL.peerGroup(.value(groupID)).path + "#meetings")
    }
}
