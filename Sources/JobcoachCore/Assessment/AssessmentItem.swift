/// A knowledge area, task, competency or attitude an assessor scores, with the indicators to score
/// it against.
public struct AssessmentItem: Hashable, Sendable {
    public var kind: ItemGroupKind
    public var group: ItemGroup

    public var id: String { group.id }

    /// What two assessors score, in the order of the document: the knowledge areas, the process tasks,
    /// the competencies and the professional attitude.
    public static func items(of version: FrameworkVersion) -> [AssessmentItem] {
        [ItemGroupKind.knowledgeAreas, .tasks, .competencies, .attitudes].flatMap { kind in
            version.groups(kind).map { AssessmentItem(kind: kind, group: $0) }
        }
    }
}
