import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The history of a written record: each change stores the values before it (`RecordChange`) in the
/// same transaction as the change and its audit entry, which holds the old and the new values.
enum RecordHistory {
    /// Records one change: the values that differ between `before` and `after` are kept as they were.
    /// `before` lists the record's fields in the order a history line names them.
    static func record(on db: any Database, _ request: Request, _ actor: PracticeActor, client: Client, trajectoryID: UUID,
                       kind: RecordRevision.Kind, recordID: UUID, change: RecordRevision.Change,
                       before: [(String, String)], after: [String: String], reason: String) async throws {
        let previous = RecordRevision.previousValues(before: before, after: after)
        let row = RecordChange()
        row.organisationID = actor.organisationID
        row.$trajectory.id = trajectoryID
        row.recordKind = kind.rawValue
        row.recordID = recordID
        row.change = change.rawValue
        row.previous = String(decoding: try JSONEncoder.sorted.encode(Dictionary(previous.map { ($0.field, $0.value) }, uniquingKeysWith: { a, _ in a })),
                              as: UTF8.self)
        row.reason = reason
        row.changedBy = actor.userID
        row.changedByName = actor.user.displayName
        row.changedAt = request.clock.now()
        try await row.create(on: db)
        var details = ["trajectory": trajectoryID.uuidString, "record": recordID.uuidString, "change": change.rawValue]
        for (field, old) in previous {
            details["old \(field)"] = old
            details["new \(field)"] = after[field] ?? ""
        }
        if !reason.isEmpty { details["reason"] = reason }
        try await ClientAudit.record(on: db, request, actor, "\(kind.rawValue).\(change.rawValue)", client: client, details: details)
    }

    /// The changes of records of a trajectory, oldest first, by record.
    static func changes(of trajectoryID: UUID, organisationID: UUID, on db: any Database) async throws -> [UUID: [RecordChange]] {
        let rows = try await RecordChange.query(on: db).filter(\.$organisationID == organisationID).filter(\.$trajectory.$id == trajectoryID)
            .sort(\.$changedAt).all()
        return Dictionary(grouping: rows, by: \.recordID)
    }

    /// "Changed on 3 December 2026 by Sanne de Boer, was: due on 1 December 2026 (reason: ill)", one
    /// line per change. `label` names a field in the visitor's words; `show` writes a stored value.
    static func lines(_ changes: [RecordChange], _ request: Request, label: (String) -> String,
                      show: (String, String) -> String = { _, value in value }) -> [String] {
        let language = request.language
        let timeZone = request.application.configuration.timeZone
        return changes.map { change in
            let previous = (try? JSONDecoder().decode([String: String].self, from: Data(change.previous.utf8))) ?? [:]
            let was = previous.keys.sorted().map { "\(label($0)): \(show($0, previous[$0] ?? ""))" }.joined(separator: "; ")
            let kind = RecordRevision.Change(rawValue: change.change) ?? .edited
            var line = request.t("historyLine", [
                "change": request.t(changeKey(kind)),
                "date": CalendarDate(change.changedAt, in: timeZone).text(in: language),
                "who": change.changedByName,
            ])
            if !was.isEmpty { line += ", " + request.t("historyWas", ["was": was]) }
            if !change.reason.isEmpty { line += " (" + request.t("historyReason", ["reason": change.reason]) + ")" }
            return line
        }
    }

    static func changeKey(_ change: RecordRevision.Change) -> String {
        switch change {
        case .edited: "historyEdited"
        case .postponed: "historyPostponed"
        case .dropped: "historyDropped"
        case .moved: "historyMoved"
        case .cancelled: "historyCancelled"
        case .takenBack: "historyTakenBack"
        }
    }

    /// The message of a refused change.
    static func refusalKey(_ refusal: RecordRevision.Refusal) -> String {
        switch refusal {
        case .goalReached: "changeRefusedGoalReached"
        case .goalDropped: "changeRefusedGoalDropped"
        case .notLater: "changeRefusedNotLater"
        case .reasonMissing: "changeReasonMissing"
        case .appointmentCancelled: "changeRefusedCancelled"
        case .milestoneTakenBack: "changeRefusedTakenBack"
        case .nothingChanged: "changeNothingChanged"
        }
    }
}

extension JSONEncoder {
    /// Keys in order, so the same values always give the same text.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
