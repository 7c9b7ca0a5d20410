/// The checklist of a phase, made from the framework version's data: the indicators of the
/// phase's task, then those of task 0, which apply throughout. Nothing is copied into code, so a
/// new framework version changes the checklists of trajectories that start under it.
public enum PhaseChecklist {
    public static func sections(for phase: TrajectoryPhase, in framework: FrameworkVersion) -> [ChecklistSection] {
        var numbers: [Int] = []
        if let number = phase.taskNumber { numbers.append(number) }
        if phase.isOpen { numbers.append(0) }
        return numbers.compactMap { number in
            framework.task(number: number).map { task in
                ChecklistSection(taskID: task.id, taskNumber: number, title: task.title, description: task.description,
                                 items: task.indicators, isThroughout: number == 0)
            }
        }
    }

    /// Every indicator id that may be ticked in a framework version (tasks 0-7).
    public static func indicatorIDs(in framework: FrameworkVersion) -> Set<String> {
        Set((0...7).compactMap { framework.task(number: $0) }.flatMap { $0.indicators.map(\.id) })
    }
}
