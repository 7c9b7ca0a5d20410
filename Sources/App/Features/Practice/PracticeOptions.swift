import Foundation
import JobcoachCore
import Vapor

/// Choices and small texts the practice pages share.
enum PracticeOptions {
    /// Suggestions for a place field (a `datalist`, `PlaceCatalog.suggested`).
    static func places(_ catalog: PlaceCatalog, selected: String, language: Language) -> [ChoiceOption] {
        catalog.suggested.map { ChoiceOption(value: $0.name, label: $0.name, selected: $0.name == selected) }
    }

    /// The checkboxes of one use of the condition vocabulary; `prefix` keeps the field names apart
    /// (`need.quiet-environment`).
    static func conditions(_ vocabulary: ConditionVocabulary, use: ConditionUse, prefix: String, checked: Set<String>,
                           language: Language) -> [CheckOption] {
        vocabulary.terms(use).map { term in
            CheckOption(name: "\(prefix).\(term.id)", id: "\(prefix)-\(term.id)", label: term.label[language],
                        hint: term.description[language], checked: checked.contains(term.id))
        }
    }

    /// "1.2" for `task-1-2`: the number the framework document gives an indicator.
    static func indicatorNumber(_ id: String) -> String {
        let parts = id.split(separator: "-")
        guard parts.count >= 3 else { return id }
        return parts.suffix(2).joined(separator: ".")
    }

    static func days(_ count: Int, _ request: Request) -> String {
        request.t(count == 1 ? "practiceDay" : "practiceDays", ["days": NumberText.format(count, in: request.language)])
    }

    static func dateTime(_ date: Date, timeZone: TimeZone, language: Language) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return CalendarDate(date, in: timeZone).text(in: language) + String(format: ", %02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
