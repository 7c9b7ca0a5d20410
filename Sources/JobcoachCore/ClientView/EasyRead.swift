/// What a client's own page puts first, and the plain words (language level B1) it uses for the parts
/// that professionals name in their own terms.
public enum EasyRead {
    /// The goal to work on now: the open goal (not reached, not dropped) with the earliest date. A goal
    /// whose date has passed stays first: it is still the one to talk about.
    public static func currentGoal<Goal>(_ goals: [Goal], dueOn: (Goal) -> CalendarDate, isOpen: (Goal) -> Bool) -> Goal? {
        goals.filter(isOpen).min { dueOn($0) < dueOn($1) }
    }

    /// The letters in the round picture of a coach who has no photo: the first letters of the first
    /// and the last name ("Jan van der Berg" → "JB").
    public static func avatarLetters(_ name: String) -> String {
        let parts = name.split(whereSeparator: \.isWhitespace)
        let letters = [parts.first, parts.count > 1 ? parts.last : nil].compactMap { $0?.first(where: \.isLetter) }
        return letters.isEmpty ? "?" : String(letters).uppercased()
    }
}

extension ReportKind {
    /// The report's name for the client.
    public var clientTitle: LocalizedText {
        switch self {
        case .planOfApproach: LocalizedText(nl: "het plan", en: "the plan")
        case .progress: LocalizedText(nl: "het verslag over hoe het gaat", en: "the report on how it is going")
        case .closing: LocalizedText(nl: "het verslag aan het einde", en: "the report at the end")
        }
    }

    /// One line on what the report holds, for the consent question.
    public var clientContents: LocalizedText {
        switch self {
        case .planOfApproach:
            LocalizedText(nl: "Daarin staat wat je wilt bereiken. En hoe we dat samen doen.",
                          en: "It says what you want to reach. And how we do that together.")
        case .progress:
            LocalizedText(nl: "Daarin staat wat goed gaat op je werk. En wat nog moeilijk is.",
                          en: "It says what goes well at your work. And what is still hard.")
        case .closing:
            LocalizedText(nl: "Daarin staat wat je hebt bereikt. En hoe het verder gaat.",
                          en: "It says what you have reached. And what happens next.")
        }
    }
}

extension AppointmentKind {
    /// The kind of appointment in the client's words.
    public var clientTitle: LocalizedText {
        switch self {
        case .conversation: LocalizedText(nl: "Praten met je coach", en: "A talk with your coach")
        case .workplaceVisit: LocalizedText(nl: "Je coach komt op je werk", en: "Your coach visits your work")
        case .employerMeeting: LocalizedText(nl: "Praten met je baas", en: "A talk with your boss")
        case .evaluation: LocalizedText(nl: "Praten over hoe het gaat", en: "A talk about how it goes")
        case .jobSearch: LocalizedText(nl: "Samen werk zoeken", en: "Looking for work together")
        case .other: LocalizedText(nl: "Afspraak", en: "Appointment")
        }
    }
}

/// A telephone number as people write it: digits with spaces, dashes, dots or brackets, and a
/// leading `+` for a country code; 8 to 15 digits.
public struct PhoneNumber: Hashable, Sendable {
    /// As written, with runs of spaces made one.
    public let text: String

    public init?(_ written: String) {
        let trimmed = written.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let allowed = Set("0123456789 -.()")
        let body = trimmed.hasPrefix("+") ? trimmed.dropFirst() : Substring(trimmed)
        guard !body.isEmpty, body.allSatisfy(allowed.contains) else { return nil }
        let digits = body.filter(\.isNumber).count
        guard (8...15).contains(digits) else { return nil }
        text = trimmed
    }

    /// The `tel:` link: the digits, with the `+` when there is one.
    public var uri: String {
        "tel:" + (text.hasPrefix("+") ? "+" : "") + text.filter(\.isNumber)
    }
}

extension EasyRead {
    static let weekdayNames: [Language: [String]] = [
        .nl: ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
        .en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    ]

    /// A day as a client reads it: "morgen, donderdag 3 december"; the year only when it is not this
    /// year's.
    public static func day(_ date: CalendarDate, today: CalendarDate, in language: Language) -> String {
        let month = CalendarDate.monthNames[language]![date.month - 1]
        var text = "\(weekdayNames[language]![date.weekday - 1]) \(date.day) \(month)"
        if date.year != today.year { text += " \(date.year)" }
        switch date {
        case today: return (language == .nl ? "vandaag, " : "today, ") + text
        case today.adding(days: 1): return (language == .nl ? "morgen, " : "tomorrow, ") + text
        default: return text
        }
    }
}
