/// A qualification framework with its levels, lowest first.
public struct QualificationFramework: Hashable, Codable, Sendable {
    public var id: QualificationFrameworkID
    public var title: LocalizedText
    public var description: LocalizedText
    public var levels: [QualificationLevel]
}
