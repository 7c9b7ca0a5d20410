import Foundation
import JobcoachCore
import Vapor

/// The team lead's caseload settings: the agency's limit, full-time hours and retention, and each
/// coach's hours (`hours.<coach id>`), with one validation step.
struct CaseloadSettingsForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case caseloadPerFullTime, fullTimeHours, retentionMonths
    }

    static let hoursPrefix = "hours."

    struct Valid: Sendable {
        let perFullTime: Int
        let fullTimeHours: Double
        let retentionMonths: Int
        let hours: [UUID: Double]
    }

    var posted: PostedForm<Field>
    /// The coaches' hours as posted, by field name.
    var coachHours: FormFields

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
        let container = try decoder.container(keyedBy: AnyKey.self)
        var hours: [String: String] = [:]
        for key in container.allKeys where key.stringValue.hasPrefix(Self.hoursPrefix) {
            hours[key.stringValue] = try container.decodeIfPresent(String.self, forKey: key)
        }
        coachHours = FormFields(hours)
    }

    /// The values to show the form again.
    var values: [String: String] { posted.values.merging(coachHours.values) { first, _ in first } }

    var problems: [FormProblem] { posted.problems + coachHours.problems }

    static func hoursField(_ coach: UUID) -> String { hoursPrefix + coach.uuidString }

    mutating func validate(coaches: [UUID]) -> Valid? {
        let perFullTime = Int(posted[.caseloadPerFullTime])
        if perFullTime == nil || !(1...200).contains(perFullTime!) { posted.problem(.caseloadPerFullTime, "settingsPerFullTimeInvalid") }
        let fullTime = posted.amount(.fullTimeHours)
        if let fullTime, !(8...60).contains(fullTime) { posted.problem(.fullTimeHours, "settingsFullTimeInvalid") }
        if posted[.fullTimeHours].isEmpty { posted.problem(.fullTimeHours, "settingsFullTimeInvalid") }
        let retention = Int(posted[.retentionMonths])
        if retention == nil || !(1...240).contains(retention!) { posted.problem(.retentionMonths, "settingsRetentionInvalid") }
        var hours: [UUID: Double] = [:]
        for coach in coaches {
            let field = Self.hoursField(coach)
            if let value = coachHours.amount(field), (1...60).contains(value) { hours[coach] = value }
            else if !coachHours.problems.contains(where: { $0.field == field }) { coachHours.problem(field, "settingsHoursInvalid") }
        }
        guard problems.isEmpty, let perFullTime, let fullTime, let retention else { return nil }
        return Valid(perFullTime: perFullTime, fullTimeHours: fullTime, retentionMonths: retention, hours: hours)
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
