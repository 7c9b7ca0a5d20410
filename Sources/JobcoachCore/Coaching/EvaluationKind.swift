/// An evaluation of the coaching plan: during support, or the closing one (task 7), and who must be
/// there: the client always, and for the closing one the employer and the commissioner too.
public enum EvaluationKind: String, CaseIterable, Codable, Sendable {
    case interim
    case closing

    public enum Absence: String, Sendable {
        case client
        case closingParties = "closing-parties"
    }

    /// Who is missing, or nil when the right people were there.
    public func absence(client: Bool, employer: Bool, commissioner: Bool) -> Absence? {
        if !client { return .client }
        if self == .closing, !(employer && commissioner) { return .closingParties }
        return nil
    }
}
