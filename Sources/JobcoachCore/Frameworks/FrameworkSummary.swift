/// A framework and its versions, for lists.
public struct FrameworkSummary: Hashable, Encodable, Sendable {
    public struct VersionInfo: Hashable, Encodable, Sendable {
        public var version: String
        public var effectiveFrom: CalendarDate
    }

    public var id: String
    public var title: LocalizedText
    /// Oldest first.
    public var versions: [VersionInfo]
}
