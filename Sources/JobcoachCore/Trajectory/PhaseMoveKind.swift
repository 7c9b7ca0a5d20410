/// What a move between phases means, which decides what it needs.
public enum PhaseMoveKind: String, Codable, Sendable {
    /// On to the next phase.
    case forward
    /// Back to an earlier phase: it always needs a reason.
    case back
    /// Ending the trajectory before aftercare is over: it needs a reason.
    case stop
    /// Ending after aftercare, the normal end.
    case finish
}
