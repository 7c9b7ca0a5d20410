/// The state machine's answer to a proposed move.
public enum MoveRuling: Hashable, Sendable {
    case allowed(PhaseMoveKind)
    case forbidden(LocalizedText)

    public var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }
}
