/// How long a logged support contact or a planned appointment may last, in whole minutes.
public enum CoachingDuration: String, CaseIterable, Sendable {
    case supportEntry = "support-entry"
    case appointment

    public enum Problem: String, Sendable {
        /// Not a whole number of minutes.
        case notANumber = "not-a-number"
        case notPositive = "not-positive"
        case tooLong = "too-long"
    }

    /// A contact that happened can fill a day; an appointment is planned within a working day.
    public var maximumMinutes: Int {
        switch self {
        case .supportEntry: 24 * 60
        case .appointment: 8 * 60
        }
    }

    /// What is wrong with `minutes` (nil when it could not be read as a number), or nil when it is
    /// more than none and at most the maximum.
    public func problem(minutes: Int?) -> Problem? {
        guard let minutes else { return .notANumber }
        if minutes <= 0 { return .notPositive }
        if minutes > maximumMinutes { return .tooLong }
        return nil
    }

    /// Hours of support as they are shown, to the nearest quarter of an hour: the log is kept in
    /// minutes, but nobody reads "1.83 hours".
    public static func roundedToQuarterHour(_ hours: Double) -> Double {
        (hours * 4).rounded() / 4
    }
}
