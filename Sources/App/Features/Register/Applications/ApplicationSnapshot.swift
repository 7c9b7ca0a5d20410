import Foundation
import JobcoachCore

/// The frozen parts of an application, as JSON in its row: the portfolio and the eligibility verdict
/// (and for recertification the CPD evaluation) of the day it was submitted.
enum ApplicationSnapshot {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func portfolio(_ application: CertificationApplication) -> Portfolio? {
        try? JSONDecoder().decode(Portfolio.self, from: Data(application.portfolioSnapshot.utf8))
    }

    static func verdict(_ application: CertificationApplication) -> EligibilityVerdict? {
        try? JSONDecoder().decode(EligibilityVerdict.self, from: Data(application.eligibilitySnapshot.utf8))
    }

    static func cpd(_ application: CertificationApplication) -> CPDEvaluation? {
        application.cpdSnapshot.flatMap { try? JSONDecoder().decode(CPDEvaluation.self, from: Data($0.utf8)) }
    }
}
