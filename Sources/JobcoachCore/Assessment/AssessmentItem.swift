/// A task or competency an assessor scores, with the indicators to score it against.
public struct AssessmentItem: Hashable, Sendable {
    public var kind: ItemGroupKind
    public var group: ItemGroup

    public var id: String { group.id }

    /// Every task and competency of a framework version, in document order: what two assessors score.
    public static func items(of version: FrameworkVersion) -> [AssessmentItem] {
        version.tasks.map { AssessmentItem(kind: .tasks, group: $0) }
            + version.competencies.map { AssessmentItem(kind: .competencies, group: $0) }
    }
}
