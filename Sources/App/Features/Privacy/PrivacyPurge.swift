import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Erases closed trajectories (and clients with nothing else) once the agency's retention period has
/// passed: one transaction per client, anonymous outcome counts kept, each erasure in the audit trail
/// by id only. A dry run counts what would go and changes nothing.
struct PrivacyPurge {
    struct Summary: Sendable {
        var clientsChecked = 0
        var clientsErased = 0
        var trajectoriesErased = 0
        var outcomes: [String: Int] = [:]
    }

    let application: Application

    func run(execute: Bool, progress: @Sendable (Int, Int) -> Void) async throws -> Summary {
        let database = application.db
        let today = CalendarDate(application.clock.now(), in: application.configuration.timeZone)
        let timeZone = application.configuration.timeZone
        var summary = Summary()
        for organisation in try await Organisation.query(on: database).all() {
            let organisationID = try organisation.requireID()
            let policy = try await OrganisationPolicy.of(organisationID, on: database)
            let cutoff = RetentionRule.cutoff(today: today, retentionMonths: policy.retentionMonths)
            // Only clients with at least one trajectory ended before the cut-off are looked at.
            let candidates = try await Trajectory.query(on: database).filter(\.$organisationID == organisationID)
                .filter(\.$endedAt != nil).all()
                .filter { $0.endedAt.map { CalendarDate($0, in: timeZone) < cutoff } ?? false }
                .map { $0.$client.id }
            let clientIDs = Array(Set(candidates)).sorted { $0.uuidString < $1.uuidString }
            for (index, clientID) in clientIDs.enumerated() {
                progress(index, clientIDs.count)
                summary.clientsChecked += 1
                guard let client = try await Client.query(on: database).filter(\.$id == clientID)
                    .filter(\.$organisationID == organisationID).first() else { continue }
                try await purge(client, cutoff: cutoff, timeZone: timeZone, execute: execute, summary: &summary)
            }
            progress(clientIDs.count, clientIDs.count)
        }
        return summary
    }

    private func purge(_ client: Client, cutoff: CalendarDate, timeZone: TimeZone, execute: Bool, summary: inout Summary) async throws {
        let records = try await ClientRecords.load(client, at: application.clock.now(), on: application.db, withAccess: false)
        let decision = RetentionRule.decide(records.trajectories.map {
            RetentionRule.Trajectory(id: $0.trajectory.id!, endedOn: $0.trajectory.endedAt.map { CalendarDate($0, in: timeZone) })
        }, cutoff: cutoff)
        let erased: [ClientRecords.TrajectoryRecords]
        switch decision {
        case .keep: return
        case .wholeClient: erased = records.trajectories
        case .trajectories(let ids): erased = records.trajectories.filter { ids.contains($0.trajectory.id!) }
        }
        let kept = Self.anonymousCounts(of: erased, timeZone: timeZone)
        summary.trajectoriesErased += erased.count
        if decision == .wholeClient { summary.clientsErased += 1 }
        for (key, count) in kept.outcomes { summary.outcomes[String(key.split(separator: "|")[1]), default: 0] += count }
        guard execute else { return }

        let ids = erased.compactMap(\.trajectory.id)
        let doomed = erased
        let wholeClient = decision == .wholeClient
        let clock = application.clock
        try await application.changes.perform(on: application.db) { db in
            try await Self.erase(doomed, of: client, wholeClient: wholeClient, keeping: kept, on: db)
            try await AuditTrail(clock: clock).record(
                on: db, chain: .organisation(client.organisationID), actor: "system:privacy-purge", action: wholeClient ? "client.purged" : "trajectories.purged",
                subject: client.auditName,
                details: ["organisation": client.organisationID.uuidString, "trajectories": String(ids.count)])
        }
        try await Self.eraseFiles(Set(doomed.flatMap(\.attachments).map(\.sha256)), application: application)
    }

    /// What an erasure keeps: outcomes per closing year, and per quarter what the outcome figures
    /// count by group, without the client.
    struct AnonymousCounts: Sendable {
        var outcomes: [String: Int] = [:]
        var periods: [String: Int] = [:]
    }

    static func anonymousCounts(of erased: [ClientRecords.TrajectoryRecords], timeZone: TimeZone) -> AnonymousCounts {
        var kept = AnonymousCounts()
        for trajectory in erased {
            let closing = trajectory.closing.first
            let year = closing.flatMap { CalendarDate($0.closedOn)?.year }
                ?? trajectory.trajectory.endedAt.map { CalendarDate($0, in: timeZone).year } ?? 0
            kept.outcomes["\(year)|\(closing?.outcome ?? "ended-without-closing")", default: 0] += 1
            if trajectory.followUps.contains(where: { $0.monthsAfter == 12 && $0.stillEmployed }) {
                kept.outcomes["\(year)|employed-after-12-months", default: 0] += 1
            }
            let row = trajectory.trajectory
            let start = CalendarDate(row.startedAt, in: timeZone)
            let end = row.endedAt.map { CalendarDate($0, in: timeZone) }
            let factors = trajectory.intakeFactors.first
            let client = OutcomeClient(id: row.id?.uuidString ?? "", start: start, end: end, employedAtStart: factors?.employedAtIntake ?? false,
                                       jobs: trajectory.jobSpells.compactMap(\.job))
            var groupings = ["all"]
            if let need = factors?.supportNeed { groupings.append("supportNeed=\(need)") }
            if let group = factors?.paymentGroup, !group.isEmpty { groupings.append("paymentGroup=\(group)") }
            if let commissioner = row.$commissioner.id { groupings.append("commissioner=\(commissioner.uuidString)") }
            for (period, grouping, measure) in AnonymousOutcomeCounts.counts(client, groupings: groupings, firstYear: start.year,
                                                                              lastYear: (end ?? start).year) {
                kept.periods["\(period)|\(grouping)|\(measure)", default: 0] += 1
            }
        }
        return kept
    }

    /// Adds the counts and deletes the trajectories (and, for the whole client, their account,
    /// sessions, mail and the client), inside the caller's transaction.
    static func erase(_ doomed: [ClientRecords.TrajectoryRecords], of client: Client, wholeClient: Bool, keeping kept: AnonymousCounts,
                      on db: any Database) async throws {
        let organisationID = client.organisationID
        let clientID = try client.requireID()
        for (key, count) in kept.periods {
            let parts = key.split(separator: "|", maxSplits: 2).map(String.init)
            let row = try await OutcomePeriodCount.query(on: db).filter(\.$organisationID == organisationID)
                .filter(\.$quarter == parts[0]).filter(\.$grouping == parts[1]).filter(\.$measure == parts[2]).first() ?? OutcomePeriodCount()
            if row.id == nil {
                row.organisationID = organisationID
                row.quarter = parts[0]
                row.grouping = parts[1]
                row.measure = parts[2]
                row.count = 0
            }
            row.count += count
            try await row.save(on: db)
        }
        for (key, count) in kept.outcomes {
            let parts = key.split(separator: "|").map(String.init)
            let year = Int(parts[0]) ?? 0
            let row = try await OutcomeCount.query(on: db).filter(\.$organisationID == organisationID)
                .filter(\.$closedYear == year).filter(\.$outcome == parts[1]).first() ?? OutcomeCount()
            if row.id == nil {
                row.organisationID = organisationID
                row.closedYear = year
                row.outcome = parts[1]
                row.count = 0
            }
            row.count += count
            try await row.save(on: db)
        }
        for trajectory in doomed { try await trajectory.delete(on: db) }
        guard wholeClient else { return }
        if let account = try await ClientAccount.query(on: db).filter(\.$client.$id == clientID).with(\.$user).first() {
            let user = account.user
            try await account.delete(on: db)
            try await StoredSession.query(on: db).filter(\.$userID == user.id!).delete()
            try await LoginAttempt.query(on: db).filter(\.$email == user.email).delete()
            try await OutboxMessage.query(on: db).filter(\.$recipient == user.email).delete()
            try await RecoveryCode.query(on: db).filter(\.$user.$id == user.id!).delete()
            try await user.delete(on: db)
        }
        try await client.delete(on: db)
    }

    /// Removes the stored files no record names any more, once the records are gone: the same bytes
    /// may be another client's attachment or a coach's evidence, and stay then.
    static func eraseFiles(_ hashes: Set<String>, application: Application) async throws {
        for hash in hashes {
            let attachments = try await ClientAttachment.query(on: application.db).filter(\.$sha256 == hash).count()
            let evidence = try await EvidenceFile.query(on: application.db).filter(\.$sha256 == hash).count()
            if attachments == 0 && evidence == 0 { try application.evidence.delete(sha256: hash) }
        }
    }
}
