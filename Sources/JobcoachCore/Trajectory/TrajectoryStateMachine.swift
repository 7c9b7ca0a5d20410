import Foundation

/// The allowed moves between phases, written out as a table so that the whole policy can be read
/// (and tested) in one place. Forward moves go one phase at a time; some need a record first. Moves
/// back and early endings need a reason, which is kept with the move.
public enum TrajectoryStateMachine {
    public static let moves: [TrajectoryPhase: [AllowedMove]] = [
        .intake: [
            AllowedMove(to: .employeeProfile, kind: .forward, prerequisite: .intake),
            AllowedMove(to: .ended, kind: .stop),
        ],
        .employeeProfile: [
            AllowedMove(to: .workplaceProfile, kind: .forward, prerequisite: .agreedEmployeeProfile),
            AllowedMove(to: .intake, kind: .back),
            AllowedMove(to: .ended, kind: .stop),
        ],
        .workplaceProfile: [
            AllowedMove(to: .matching, kind: .forward),
            AllowedMove(to: .employeeProfile, kind: .back),
            AllowedMove(to: .ended, kind: .stop),
        ],
        .matching: [
            AllowedMove(to: .coachingPlan, kind: .forward, prerequisite: .placement),
            AllowedMove(to: .workplaceProfile, kind: .back),
            AllowedMove(to: .employeeProfile, kind: .back),
            AllowedMove(to: .ended, kind: .stop),
        ],
        .coachingPlan: [
            AllowedMove(to: .onTheJob, kind: .forward, prerequisite: .placement),
            AllowedMove(to: .matching, kind: .back),
            AllowedMove(to: .ended, kind: .stop),
        ],
        .onTheJob: [
            AllowedMove(to: .closing, kind: .forward),
            AllowedMove(to: .coachingPlan, kind: .back),
            AllowedMove(to: .matching, kind: .back),
            AllowedMove(to: .ended, kind: .stop),
        ],
        .closing: [
            AllowedMove(to: .aftercare, kind: .forward),
            AllowedMove(to: .onTheJob, kind: .back),
            AllowedMove(to: .ended, kind: .stop),
        ],
        .aftercare: [
            AllowedMove(to: .ended, kind: .finish),
            AllowedMove(to: .onTheJob, kind: .back),
            AllowedMove(to: .matching, kind: .back),
        ],
        .ended: [],
    ]

    /// The moves open from a phase, forward first.
    public static func moves(from phase: TrajectoryPhase) -> [AllowedMove] {
        moves[phase] ?? []
    }

    public static func move(from: TrajectoryPhase, to: TrajectoryPhase) -> AllowedMove? {
        moves(from: from).first { $0.to == to }
    }

    /// Whether a move may be made now, and if not, why in words a coach can act on.
    public static func rule(from: TrajectoryPhase, to: TrajectoryPhase, reason: String, facts: TrajectoryFacts) -> MoveRuling {
        if from == .ended {
            return .forbidden(LocalizedText(
                nl: "Dit traject is beëindigd. Begin een nieuw traject als de cliënt opnieuw begeleiding krijgt.",
                en: "This trajectory has ended. Start a new trajectory if the client is supported again."))
        }
        if from == to {
            return .forbidden(LocalizedText(nl: "Het traject is al in de fase \(to.title.nl).",
                                            en: "The trajectory is already in the phase \(to.title.en)."))
        }
        guard let move = move(from: from, to: to) else {
            if to > from, to != .ended {
                let next = moves(from: from).first { $0.kind == .forward }?.to
                let nextName = next.map { LocalizedText(nl: $0.title.nl, en: $0.title.en) }
                return .forbidden(LocalizedText(
                    nl: "Fasen worden op volgorde doorlopen: na \(from.title.nl) komt \(nextName?.nl ?? "geen fase meer").",
                    en: "Phases are taken in order: after \(from.title.en) comes \(nextName?.en ?? "no other phase")."))
            }
            return .forbidden(LocalizedText(
                nl: "Van \(from.title.nl) kan het traject niet terug naar \(to.title.nl).",
                en: "From \(from.title.en) the trajectory cannot go back to \(to.title.en)."))
        }
        if move.needsReason, reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return .forbidden(move.kind == .back
                ? LocalizedText(nl: "Geef een reden om terug te gaan naar \(to.title.nl).",
                                en: "Give a reason for going back to \(to.title.en).")
                : LocalizedText(nl: "Geef een reden om het traject te beëindigen.",
                                en: "Give a reason for ending the trajectory."))
        }
        if let prerequisite = move.prerequisite, !prerequisite.isMet(by: facts) {
            return .forbidden(prerequisite.missing)
        }
        return .allowed(move.kind)
    }
}
