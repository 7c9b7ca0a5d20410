/// A knowledge area, process task, competency, attitude or module, with its indicators.
public struct ItemGroup: Hashable, Codable, Sendable {
    public var id: String
    /// The number the document gives it (tasks 0-7, modules 1-6), if any.
    public var number: Int?
    public var title: LocalizedText
    /// The "is able to ..." line of a task or competency, if the document has one.
    public var description: LocalizedText?
    public var indicators: [TextItem]
}
