import Foundation

/// The phases a trajectory went through, worked out from its start and its recorded moves, so that
/// the lead time per phase is known.
public struct TrajectoryTimeline: Sendable {
    /// The phase the trajectory started in and when.
    public var startPhase: TrajectoryPhase
    public var startedAt: Date
    /// Moves oldest first.
    public var moves: [TrajectoryMove]

    public init(startPhase: TrajectoryPhase = .intake, startedAt: Date, moves: [TrajectoryMove]) {
        self.startPhase = startPhase
        self.startedAt = startedAt
        self.moves = moves.sorted { $0.at < $1.at }
    }

    /// The phase after the last move.
    public var currentPhase: TrajectoryPhase {
        moves.last?.to ?? startPhase
    }

    /// When the trajectory entered its current phase.
    public var currentPhaseSince: Date {
        moves.last?.at ?? startedAt
    }

    /// Time per phase in the order of the walk, for phases visited; the current phase counts up to
    /// `now` (an ended trajectory stops counting at its end).
    public func leadTimes(now: Date) -> [PhaseLeadTime] {
        var seconds: [TrajectoryPhase: Double] = [:]
        var visits: [TrajectoryPhase: Int] = [startPhase: 1]
        var phase = startPhase
        var since = startedAt
        for move in moves {
            seconds[phase, default: 0] += max(0, move.at.timeIntervalSince(since))
            phase = move.to
            since = move.at
            visits[phase, default: 0] += 1
        }
        if phase.isOpen {
            seconds[phase, default: 0] += max(0, now.timeIntervalSince(since))
        }
        return TrajectoryPhase.sequence.compactMap { candidate in
            guard let count = visits[candidate] else { return nil }
            return PhaseLeadTime(phase: candidate, seconds: seconds[candidate] ?? 0, visits: count,
                                 isCurrent: candidate == phase)
        }
    }

    /// Whole days from start to now, or to the end for an ended trajectory.
    public func totalDays(now: Date) -> Int {
        let end = currentPhase.isOpen ? now : currentPhaseSince
        return Self.wholeDays(from: startedAt, to: end)
    }

    /// Whole days a trajectory has been in its phase at `now`, entered at `since`: rounded down, and
    /// 0 for a phase entered after `now`.
    public static func daysInPhase(since: Date, now: Date) -> Int {
        wholeDays(from: since, to: now)
    }

    static func wholeDays(from start: Date, to end: Date) -> Int {
        Int(max(0, end.timeIntervalSince(start)) / 86_400)
    }
}
