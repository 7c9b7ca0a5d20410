import Foundation
import Testing
@testable import JobcoachCore

@Suite struct TrajectoryTimelineTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)
    static func day(_ n: Double) -> Date { start.addingTimeInterval(n * 86_400) }

    @Test func leadTimePerPhaseAddsUpEveryVisit() {
        let timeline = TrajectoryTimeline(startedAt: Self.start, moves: [
            TrajectoryMove(from: .intake, to: .employeeProfile, at: Self.day(7)),
            TrajectoryMove(from: .employeeProfile, to: .workplaceProfile, at: Self.day(21)),
            TrajectoryMove(from: .workplaceProfile, to: .matching, at: Self.day(30)),
            TrajectoryMove(from: .matching, to: .employeeProfile, at: Self.day(50), reason: "Other wishes"),
            TrajectoryMove(from: .employeeProfile, to: .workplaceProfile, at: Self.day(55)),
            TrajectoryMove(from: .workplaceProfile, to: .matching, at: Self.day(60)),
        ])
        let times = timeline.leadTimes(now: Self.day(75))
        #expect(times.map(\.phase) == [.intake, .employeeProfile, .workplaceProfile, .matching])
        #expect(times.map(\.days) == [7, 19, 14, 35])
        #expect(times.map(\.visits) == [1, 2, 2, 2])
        #expect(times.map(\.isCurrent) == [false, false, false, true])
        #expect(timeline.currentPhase == .matching)
        #expect(timeline.currentPhaseSince == Self.day(60))
        #expect(timeline.totalDays(now: Self.day(75)) == 75)
    }

    @Test func anEndedTrajectoryStopsCounting() {
        let timeline = TrajectoryTimeline(startedAt: Self.start, moves: [
            TrajectoryMove(from: .intake, to: .ended, at: Self.day(3), reason: "Moved away"),
        ])
        let times = timeline.leadTimes(now: Self.day(300))
        #expect(times.map(\.days) == [3])
        #expect(times.first?.isCurrent == false)
        #expect(timeline.totalDays(now: Self.day(300)) == 3)
    }

    @Test func movesAreTakenInTimeOrderWhateverOrderTheyComeIn() {
        let timeline = TrajectoryTimeline(startedAt: Self.start, moves: [
            TrajectoryMove(from: .employeeProfile, to: .workplaceProfile, at: Self.day(4)),
            TrajectoryMove(from: .intake, to: .employeeProfile, at: Self.day(2)),
        ])
        #expect(timeline.currentPhase == .workplaceProfile)
        #expect(timeline.leadTimes(now: Self.day(5)).map(\.days) == [2, 2, 1])
    }

    @Test(arguments: [(0.0, 0), (0.5, 0), (0.999, 0), (1.0, 1), (1.5, 1), (30.0, 30), (-0.5, 0), (-3.0, 0)])
    func daysInAPhaseAreWholeDaysRoundedDownAndNeverNegative(_ elapsed: Double, _ expected: Int) {
        #expect(TrajectoryTimeline.daysInPhase(since: Self.start, now: Self.day(elapsed)) == expected)
    }

    @Test func theLastSecondBeforeAFullDayStillCountsAsTheDayBefore() {
        #expect(TrajectoryTimeline.daysInPhase(since: Self.start, now: Self.day(7).addingTimeInterval(-1)) == 6)
        #expect(TrajectoryTimeline.daysInPhase(since: Self.start, now: Self.day(7)) == 7)
    }
}
