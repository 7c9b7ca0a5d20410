/// The two sides of a working condition. A *need* is something a client needs in order to work,
/// which a workplace may *offer*. A *demand* is something a workplace asks of whoever does the job,
/// which a client may not be able to work with (*cannot*) and the employer may be willing to
/// adjust (*adjustable*).
public enum ConditionUse: String, CaseIterable, Codable, Sendable {
    case need
    case demand

    /// The fields of the matching input that take terms of this use.
    public var fields: [String] {
        switch self {
        case .need: ["needs", "offers"]
        case .demand: ["demands", "cannot", "adjustable"]
        }
    }
}
