/// All loaded framework versions, in memory. Which version applies is a question of the day:
/// the one with the latest `effectiveFrom` on or before it.
public struct FrameworkCatalog: Sendable {
    /// Per framework id, versions oldest first.
    private let versionsByID: [String: [FrameworkVersion]]
    /// Framework ids in a stable display order.
    public let ids: [String]

    public init(versions: [FrameworkVersion]) {
        let grouped = Dictionary(grouping: versions, by: \.id)
        self.versionsByID = grouped.mapValues { $0.sorted { $0.effectiveFrom < $1.effectiveFrom } }
        self.ids = Self.displayOrder(Array(grouped.keys))
    }

    /// The register first, then the other profiles: the order of the product's own emphasis, then
    /// anything added later by name.
    private static func displayOrder(_ ids: [String]) -> [String] {
        let preferred = ["register-jobcoach", "jobcoach-profile-nl", "uk-qualification-concept",
                         "pl-training-guidelines", "se-quality"]
        return preferred.filter(ids.contains) + ids.filter { !preferred.contains($0) }.sorted()
    }

    public func versions(of id: String) -> [FrameworkVersion] {
        versionsByID[id] ?? []
    }

    public func contains(_ id: String) -> Bool {
        versionsByID[id] != nil
    }

    public func version(_ id: String, _ version: String) -> FrameworkVersion? {
        versionsByID[id]?.first { $0.version == version }
    }

    /// The version in force on a day, or nil when the framework is unknown or not yet in force.
    public func version(_ id: String, on day: CalendarDate) -> FrameworkVersion? {
        versionsByID[id]?.last { $0.effectiveFrom <= day }
    }

    public var summaries: [FrameworkSummary] {
        ids.compactMap { id in
            guard let versions = versionsByID[id], let latest = versions.last else { return nil }
            return FrameworkSummary(
                id: id, title: latest.title,
                versions: versions.map { .init(version: $0.version, effectiveFrom: $0.effectiveFrom) })
        }
    }

    /// Versions in force on a day, one per framework, in display order.
    public func inForce(on day: CalendarDate) -> [FrameworkVersion] {
        ids.compactMap { version($0, on: day) }
    }

    public var allVersions: [FrameworkVersion] {
        ids.flatMap { versions(of: $0) }
    }
}
