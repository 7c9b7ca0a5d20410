/// One line of the move table: from a phase to another, of a kind, with what it needs.
public struct AllowedMove: Hashable, Sendable {
    public var to: TrajectoryPhase
    public var kind: PhaseMoveKind
    public var prerequisite: PhasePrerequisite?

    public var needsReason: Bool { kind == .back || kind == .stop }
}
