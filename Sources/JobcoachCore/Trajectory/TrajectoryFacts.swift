/// What the state machine needs to know about a trajectory's records to allow a move. The shell
/// reads them from storage; the rules stay here.
public struct TrajectoryFacts: Hashable, Sendable {
    /// The intake conversation is recorded.
    public var hasIntake: Bool
    /// The employee profile is recorded and agreed with the client.
    public var hasAgreedEmployeeProfile: Bool
    /// A placement in a workplace is recorded and not ended.
    public var hasPlacement: Bool

    public init(hasIntake: Bool = false, hasAgreedEmployeeProfile: Bool = false, hasPlacement: Bool = false) {
        self.hasIntake = hasIntake
        self.hasAgreedEmployeeProfile = hasAgreedEmployeeProfile
        self.hasPlacement = hasPlacement
    }
}
