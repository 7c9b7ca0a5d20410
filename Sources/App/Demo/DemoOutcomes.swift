import Foundation
import JobcoachCore

/// Synthetic intake factors and whether a client finds a regular job, so that the outcome pages
/// have something true to show: harder clients (high support need, long out of work, no work
/// experience) are placed less often, and two coaches stand out once that is taken into account.
struct DemoOutcomes {
    struct Draw {
        var supportNeed: SupportNeed
        var targetGroups: [TargetGroup]
        var monthsOutOfWork: Int
        var age: Int
        var workExperience: Bool
        var employedAtIntake: Bool
        var placed: Bool
    }

    /// The coach (by index) who takes on the easy clients but places fewer of them than expected, and
    /// the one who takes on the hard ones and places more than expected.
    static let creamingCoach = 1
    static let strongCoach = 2

    static func draw(coach: Int, random: inout SeededRandom) -> Draw {
        let roll = random.unit()
        let need: SupportNeed
        switch coach {
        case creamingCoach: need = roll < 0.9 ? .low : .medium
        case strongCoach: need = roll < 0.05 ? .low : roll < 0.25 ? .medium : .high
        default: need = roll < 0.35 ? .low : roll < 0.75 ? .medium : .high
        }
        let months = coach == creamingCoach ? random.next(12) : coach == strongCoach ? 48 + random.next(96) : random.next(72)
        let age = coach == creamingCoach ? 18 + random.next(25) : 18 + random.next(47)
        let experience = random.unit() < (coach == creamingCoach ? 0.95 : coach == strongCoach ? 0.4 : 0.6)
        var groups = [random.pick(TargetGroup.allCases)]
        if random.next(4) == 0 { groups.append(random.pick(TargetGroup.allCases)) }
        // The chance of a regular job from the factors alone, then what the coach adds or loses.
        var logit = 0.9 - (need == .medium ? 0.7 : need == .high ? 1.5 : 0) - 0.012 * Double(months) + (experience ? 0.5 : 0)
            - 0.01 * Double(max(0, age - 45))
        if coach == creamingCoach { logit -= 0.8 }
        if coach == strongCoach { logit += 1.0 }
        let probability = 1 / (1 + exp(-logit))
        return Draw(supportNeed: need, targetGroups: Array(Set(groups)).sorted { $0.rawValue < $1.rawValue }, monthsOutOfWork: months,
                    age: age, workExperience: experience, employedAtIntake: random.next(12) == 0, placed: random.unit() < probability)
    }
}
