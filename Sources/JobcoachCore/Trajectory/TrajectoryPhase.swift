/// The phases of a client's trajectory. Phases 1-7 follow the process tasks of the framework
/// version in force when the trajectory starts (task 0 runs through all of them); aftercare follows
/// the closing; `ended` is final. Raw values are stored and used in URLs and the API.
public enum TrajectoryPhase: String, CaseIterable, Codable, Sendable, Comparable {
    case intake
    case employeeProfile = "employee-profile"
    case workplaceProfile = "workplace-profile"
    case matching
    case coachingPlan = "coaching-plan"
    case onTheJob = "on-the-job"
    case closing
    case aftercare
    case ended

    /// The process task whose indicators make this phase's checklist.
    public var taskNumber: Int? {
        switch self {
        case .intake: 1
        case .employeeProfile: 2
        case .workplaceProfile: 3
        case .matching: 4
        case .coachingPlan: 5
        case .onTheJob: 6
        case .closing: 7
        case .aftercare, .ended: nil
        }
    }

    /// The phases a trajectory goes through, in order (without `ended`).
    public static let sequence: [TrajectoryPhase] = [
        .intake, .employeeProfile, .workplaceProfile, .matching, .coachingPlan, .onTheJob, .closing, .aftercare,
    ]

    /// Position in the walk of a client; `ended` comes last.
    public var order: Int {
        Self.sequence.firstIndex(of: self) ?? Self.sequence.count
    }

    public static func < (lhs: TrajectoryPhase, rhs: TrajectoryPhase) -> Bool {
        lhs.order < rhs.order
    }

    /// Whether the trajectory is still open (everything but `ended`).
    public var isOpen: Bool { self != .ended }

    public var title: LocalizedText {
        switch self {
        case .intake: LocalizedText(nl: "Intake", en: "Intake")
        case .employeeProfile: LocalizedText(nl: "Werknemersprofiel", en: "Employee profile")
        case .workplaceProfile: LocalizedText(nl: "Werkplekprofiel en functieanalyse", en: "Workplace profile and job analysis")
        case .matching: LocalizedText(nl: "Werk vinden en matchen", en: "Job finding and matching")
        case .coachingPlan: LocalizedText(nl: "Begeleidingsplan", en: "Coaching plan")
        case .onTheJob: LocalizedText(nl: "Begeleiding op de werkplek", en: "On-the-job support")
        case .closing: LocalizedText(nl: "Afsluiting", en: "Closing")
        case .aftercare: LocalizedText(nl: "Nazorg", en: "Aftercare")
        case .ended: LocalizedText(nl: "Beëindigd", en: "Ended")
        }
    }
}
