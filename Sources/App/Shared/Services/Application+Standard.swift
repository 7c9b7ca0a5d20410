import JobcoachCore
import Vapor

extension Application {
    private struct StandardKey: StorageKey { typealias Value = ProfessionalStandard }

    /// The profession's standard, loaded and checked at start.
    var standard: ProfessionalStandard {
        get {
            guard let value = storage[StandardKey.self] else { fatalError("configure(_:) has not loaded the standard") }
            return value
        }
        set { storage[StandardKey.self] = newValue }
    }
}

extension Request {
    var standard: ProfessionalStandard { application.standard }
}
