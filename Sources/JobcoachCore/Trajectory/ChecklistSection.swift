/// One part of a phase's checklist: the indicators of one process task of the trajectory's
/// framework version.
public struct ChecklistSection: Hashable, Sendable {
    public var taskID: String
    public var taskNumber: Int
    public var title: LocalizedText
    public var description: LocalizedText?
    /// The task's indicators, as in the data file.
    public var items: [TextItem]
    /// Task 0: it applies in every phase.
    public var isThroughout: Bool
}
