import Foundation

/// A day in the calendar, without a time or a time zone: effective dates, diploma dates and
/// reference dates are days, and comparing them must not shift with the server's clock zone.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; anything else (including 2023-02-30) is not a date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day a moment falls on in a time zone.
    public init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.year = parts.year ?? 1970
        self.month = parts.month ?? 1
        self.day = parts.day ?? 1
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The same day a number of years later; 29 February becomes 28 February in a common year.
    public func adding(years: Int) -> CalendarDate {
        let targetYear = year + years
        let targetDay = min(day, CalendarDate.daysIn(month: month, year: targetYear))
        return CalendarDate(year: targetYear, month: month, day: targetDay) ?? self
    }

    /// The same day a number of months later; a day the month lacks becomes its last day
    /// (31 January plus one month is 28 or 29 February).
    public func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let targetYear = index >= 0 ? index / 12 : (index - 11) / 12
        let targetMonth = index - targetYear * 12 + 1
        let targetDay = min(day, CalendarDate.daysIn(month: targetMonth, year: targetYear))
        return CalendarDate(year: targetYear, month: targetMonth, day: targetDay) ?? self
    }

    /// The date a number of days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// The day of the week, ISO 8601: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        ((dayNumber % 7 + 7) % 7 + 3) % 7 + 1
    }

    /// The Monday of this date's week.
    public var startOfWeek: CalendarDate { adding(days: 1 - weekday) }

    /// The ISO 8601 week: its year and number (the week with the year's first Thursday is week 1).
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let firstOfYear = CalendarDate(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, thursday.days(since: firstOfYear) / 7 + 1)
    }

    /// Whole days from `other` to this date (negative when `other` is later).
    public func days(since other: CalendarDate) -> Int {
        dayNumber - other.dayNumber
    }

    /// Whole years from `start` to `end`, as an age is counted: a year is complete on the same month
    /// and day (someone born on 29 February completes it on 1 March in a common year). Negative when
    /// `end` is before `start`.
    public static func wholeYears(from start: CalendarDate, to end: CalendarDate) -> Int {
        if end < start { return -wholeYears(from: end, to: start) }
        var years = end.year - start.year
        if (end.month, end.day) < (start.month, start.day) { years -= 1 }
        return years
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar.
    private var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day number (Howard Hinnant's civil_from_days).
    private init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "'\(text)' is not a date (YYYY-MM-DD)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
