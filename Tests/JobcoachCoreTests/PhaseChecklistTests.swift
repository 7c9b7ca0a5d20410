import Testing
@testable import JobcoachCore

@Suite struct PhaseChecklistTests {
    static var standard: ProfessionalStandard { get throws { try ShippedFrameworkTests.standard.get() } }

    /// The checklist of every phase is its task's indicators, then task 0's, exactly as in the data
    /// of every version of the process framework.
    @Test func checklistsEqualTheFrameworksIndicators() throws {
        let catalog = try Self.standard.frameworks
        let versions = catalog.versions(of: ProcessFramework.defaultID)
        #expect(versions.count >= 3)
        for version in versions {
            for phase in TrajectoryPhase.allCases {
                let sections = PhaseChecklist.sections(for: phase, in: version)
                var expected: [ItemGroup] = []
                if let number = phase.taskNumber { expected.append(try #require(version.task(number: number))) }
                if phase.isOpen { expected.append(try #require(version.task(number: 0))) }
                #expect(sections.map(\.taskID) == expected.map(\.id), "\(version.version) \(phase)")
                #expect(sections.map(\.items) == expected.map(\.indicators), "\(version.version) \(phase)")
            }
        }
    }

    @Test func task4HasElevenIndicatorsAndTask0SevenIn2021() throws {
        let version = try #require(try Self.standard.frameworks.version("register-jobcoach", "2021"))
        let sections = PhaseChecklist.sections(for: .matching, in: version)
        #expect(sections.map(\.items.count) == [11, 7])
        #expect(sections.map(\.isThroughout) == [false, true])
        #expect(PhaseChecklist.indicatorIDs(in: version).count == 45)
    }

    @Test func aftercareKeepsTask0AndAnEndedTrajectoryHasNoChecklist() throws {
        let version = try #require(try Self.standard.frameworks.version("register-jobcoach", "2023"))
        #expect(PhaseChecklist.sections(for: .aftercare, in: version).map(\.taskNumber) == [0])
        #expect(PhaseChecklist.sections(for: .ended, in: version).isEmpty)
    }

    @Test func theProcessFrameworkIsTheVersionInForceOnTheStartDay() throws {
        let catalog = try Self.standard.frameworks
        #expect(ProcessFramework.version(on: CalendarDate("2022-06-01")!, in: catalog)?.version == "2021")
        #expect(ProcessFramework.version(on: CalendarDate("2026-11-22")!, in: catalog)?.version == "2023")
        #expect(ProcessFramework.version(on: CalendarDate("2020-12-31")!, in: catalog) == nil)
        #expect(ProcessFramework.candidates(in: catalog) == ["register-jobcoach"])
    }

    @Test func aVersionWithoutAllTasksCannotDriveTrajectories() throws {
        var version = try #require(try Self.standard.frameworks.version("register-jobcoach", "2023"))
        version.tasks.removeAll { $0.number == 5 }
        #expect(ProcessFramework.problems(in: version) == ["register-jobcoach 2023 has no process task 5"])
    }
}
