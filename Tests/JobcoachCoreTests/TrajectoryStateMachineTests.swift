import Foundation
import Testing
@testable import JobcoachCore

@Suite struct TrajectoryStateMachineTests {
    static let everything = TrajectoryFacts(hasIntake: true, hasAgreedEmployeeProfile: true, hasPlacement: true)

    /// Every pair of phases: the move table allows exactly its own lines, and nothing else.
    @Test func everyMoveIsAllowedOrForbiddenAsTheTableSays() {
        var allowed = 0, forbidden = 0
        for from in TrajectoryPhase.allCases {
            for to in TrajectoryPhase.allCases {
                let ruling = TrajectoryStateMachine.rule(from: from, to: to, reason: "reason", facts: Self.everything)
                if let move = TrajectoryStateMachine.move(from: from, to: to) {
                    #expect(ruling == .allowed(move.kind), "\(from) → \(to)")
                    allowed += 1
                } else {
                    #expect(!ruling.isAllowed, "\(from) → \(to) must be forbidden")
                    forbidden += 1
                }
            }
        }
        #expect(allowed == 25)
        #expect(forbidden == 81 - 25)
    }

    @Test func forwardMovesGoOnePhaseAtATimeInTheOrderOfTheTasks() {
        for (index, phase) in TrajectoryPhase.sequence.dropLast().enumerated() {
            let next = TrajectoryPhase.sequence[index + 1]
            #expect(TrajectoryStateMachine.move(from: phase, to: next)?.kind == .forward)
            #expect(next.taskNumber.map { $0 == (phase.taskNumber ?? -1) + 1 } ?? (phase == .closing))
        }
        #expect(TrajectoryStateMachine.move(from: .aftercare, to: .ended)?.kind == .finish)
    }

    @Test func skippingAPhaseIsForbiddenWithTheNextPhaseNamed() {
        let ruling = TrajectoryStateMachine.rule(from: .intake, to: .matching, reason: "", facts: Self.everything)
        #expect(ruling == .forbidden(LocalizedText(nl: "Fasen worden op volgorde doorlopen: na Intake komt Werknemersprofiel.",
                                                   en: "Phases are taken in order: after Intake comes Employee profile.")))
    }

    @Test func aStepBackFromMatchingToTheProfileNeedsAReason() {
        let without = TrajectoryStateMachine.rule(from: .matching, to: .employeeProfile, reason: "  ", facts: Self.everything)
        #expect(without == .forbidden(LocalizedText(nl: "Geef een reden om terug te gaan naar Werknemersprofiel.",
                                                    en: "Give a reason for going back to Employee profile.")))
        let with = TrajectoryStateMachine.rule(from: .matching, to: .employeeProfile, reason: "Wants other work after trial days", facts: Self.everything)
        #expect(with == .allowed(.back))
    }

    @Test func everyBackMoveAndEveryEarlyEndNeedsAReason() {
        for (from, moves) in TrajectoryStateMachine.moves {
            for move in moves {
                let ruling = TrajectoryStateMachine.rule(from: from, to: move.to, reason: "", facts: Self.everything)
                #expect(ruling.isAllowed == !(move.kind == .back || move.kind == .stop), "\(from) → \(move.to)")
            }
        }
    }

    @Test func leavingMatchingForwardNeedsAPlacement() {
        var facts = Self.everything
        facts.hasPlacement = false
        #expect(TrajectoryStateMachine.rule(from: .matching, to: .coachingPlan, reason: "", facts: facts)
            == .forbidden(LocalizedText(nl: "Leg eerst een plaatsing vast: het begeleidingsplan hoort bij een werkplek.",
                                        en: "Record a placement first: the coaching plan belongs to a workplace.")))
        #expect(TrajectoryStateMachine.rule(from: .matching, to: .coachingPlan, reason: "", facts: Self.everything) == .allowed(.forward))
    }

    @Test func theIntakeAndTheAgreedProfileComeFirst() {
        #expect(!TrajectoryStateMachine.rule(from: .intake, to: .employeeProfile, reason: "", facts: TrajectoryFacts()).isAllowed)
        #expect(TrajectoryStateMachine.rule(from: .intake, to: .employeeProfile, reason: "", facts: TrajectoryFacts(hasIntake: true)).isAllowed)
        #expect(!TrajectoryStateMachine.rule(from: .employeeProfile, to: .workplaceProfile, reason: "", facts: TrajectoryFacts(hasIntake: true)).isAllowed)
    }

    @Test func anEndedTrajectoryStaysEnded() {
        for phase in TrajectoryPhase.allCases {
            #expect(!TrajectoryStateMachine.rule(from: .ended, to: phase, reason: "reason", facts: Self.everything).isAllowed)
        }
    }

    @Test func aMoveToTheSamePhaseIsForbidden() {
        #expect(!TrajectoryStateMachine.rule(from: .matching, to: .matching, reason: "x", facts: Self.everything).isAllowed)
    }

    @Test func everyOpenPhaseCanBeEnded() {
        for phase in TrajectoryPhase.sequence {
            #expect(TrajectoryStateMachine.move(from: phase, to: .ended) != nil, "\(phase)")
        }
    }
}
