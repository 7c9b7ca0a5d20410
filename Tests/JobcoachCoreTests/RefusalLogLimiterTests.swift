import Foundation
import JobcoachCore
import Testing

@Suite struct RefusalLogLimiterTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func tenAMinutePerActorThenTheNextEntryCountsTheRest() {
        var limiter = RefusalLogLimiter(perActor: 10, overall: 200, window: 60)
        let admissions = (0..<15).map { limiter.admit(actor: "user:a", at: start.addingTimeInterval(Double($0))) }
        #expect(admissions.prefix(10).allSatisfy { $0 == .write(heldBackBefore: 0) })
        #expect(admissions.suffix(5).allSatisfy { $0 == .holdBack })
        // Another actor is not held back by the first.
        #expect(limiter.admit(actor: "user:b", at: start.addingTimeInterval(20)) == .write(heldBackBefore: 0))
        // The last second of the minute still counts to it; the next minute writes and names the five.
        #expect(limiter.admit(actor: "user:a", at: start.addingTimeInterval(59)) == .holdBack)
        #expect(limiter.admit(actor: "user:a", at: start.addingTimeInterval(60)) == .write(heldBackBefore: 6))
        #expect(limiter.admit(actor: "user:a", at: start.addingTimeInterval(61)) == .write(heldBackBefore: 0))
    }

    @Test func manyActorsTogetherAreHeldToTheOverallRate() {
        var limiter = RefusalLogLimiter(perActor: 10, overall: 50, window: 60)
        let written = (0..<80).count { limiter.admit(actor: "anonymous@192.0.2.\($0)", at: start) != .holdBack }
        #expect(written == 50)
        #expect(limiter.admit(actor: "anonymous@192.0.2.1", at: start.addingTimeInterval(60)) == .write(heldBackBefore: 0))
        #expect(limiter.admit(actor: "anonymous@192.0.2.70", at: start.addingTimeInterval(61)) == .write(heldBackBefore: 1))
    }
}
