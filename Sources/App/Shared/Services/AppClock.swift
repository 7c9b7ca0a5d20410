import Foundation
import JobcoachCore
import Vapor

/// The time, behind a protocol so tests can fix it (the core takes "today" as an argument).
protocol AppClock: Sendable {
    func now() -> Date
    /// Waits before going on (a slowed login): tests move their clock instead of waiting.
    func pause(seconds: TimeInterval) async throws
}

struct SystemClock: AppClock {
    func now() -> Date { Date() }

    func pause(seconds: TimeInterval) async throws {
        try await Task.sleep(for: .milliseconds(Int(seconds * 1_000)))
    }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = any AppClock }

    var clock: any AppClock {
        get { storage[ClockKey.self] ?? SystemClock() }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    var clock: any AppClock { application.clock }

    /// Today in the configured time zone: which framework version is in force.
    var today: CalendarDate {
        CalendarDate(clock.now(), in: application.configuration.timeZone)
    }
}
