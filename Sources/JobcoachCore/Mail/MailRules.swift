import Foundation

/// When a message that could not be sent is tried again: after 1, 2, 4, … minutes (never more than 6
/// hours apart), and given up after 10 attempts, about 8.5 hours after the first. A refusal the mail
/// server calls permanent (a 5xx reply, such as an unknown recipient) is not tried again.
public enum MailRetry {
    public static let maximumAttempts = 10
    public static let firstDelay: TimeInterval = 60
    public static let longestDelay: TimeInterval = 6 * 3_600

    public enum Decision: Equatable, Sendable {
        case tryAgain(after: TimeInterval)
        case giveUp
    }

    /// What to do after attempt number `attempts` (1 for the first) failed.
    public static func afterFailure(attempts: Int, permanent: Bool) -> Decision {
        guard !permanent, attempts < maximumAttempts else { return .giveUp }
        let exponent = Double(max(0, attempts - 1))
        return .tryAgain(after: min(longestDelay, firstDelay * pow(2, exponent)))
    }
}

/// A link sent by mail that sets a password: an invitation to a new account (valid 72 hours) or a
/// password reset (valid 1 hour). Each works once.
public enum AccountLinkPurpose: String, CaseIterable, Codable, Sendable {
    case invitation
    case passwordReset = "password-reset"

    public var validity: TimeInterval {
        switch self {
        case .invitation: 72 * 3_600
        case .passwordReset: 3_600
        }
    }

    /// A link opens the page only before it expires and before it was used.
    public static func isUsable(expiresAt: Date, usedAt: Date?, now: Date) -> Bool {
        usedAt == nil && now < expiresAt
    }

    /// Reset requests per address per hour that send mail; more get the same answer and no mail, so
    /// that nobody can flood someone's mailbox.
    public static let resetRequestsPerHour = 3
}

/// The reminders of a certificate's end: six months before and two months before. Only the latest
/// one due is sent, so a register that starts late does not send both at once.
public enum CertificateExpiryNotice: String, CaseIterable, Codable, Sendable {
    case sixMonths = "6-months"
    case twoMonths = "2-months"

    public var monthsBefore: Int {
        switch self {
        case .sixMonths: 6
        case .twoMonths: 2
        }
    }

    /// The notice due on `today` for a certificate that ends on `endsOn`; none once it has ended or
    /// while the end is more than six months away.
    public static func due(endsOn: CalendarDate, today: CalendarDate) -> CertificateExpiryNotice? {
        guard today <= endsOn else { return nil }
        if today >= endsOn.adding(months: -2) { return .twoMonths }
        if today >= endsOn.adding(months: -6) { return .sixMonths }
        return nil
    }
}

/// What a coach's reminder says: how many follow-up checks and goals are late, counted, never named
/// (a mail holds no client name or health data).
public struct CoachReminder: Equatable, Sendable {
    public var lateChecks: Int
    public var lateGoals: Int

    public init(lateChecks: Int, lateGoals: Int) {
        self.lateChecks = lateChecks
        self.lateGoals = lateGoals
    }

    /// The counts of an agenda's late items; nil when nothing is late (no mail).
    public init?(agenda: Agenda) {
        var checks = 0, goals = 0
        for item in agenda.overdue {
            switch item.what {
            case .followUp: checks += 1
            case .goal: goals += 1
            case .appointment: break
            }
        }
        guard checks + goals > 0 else { return nil }
        self.init(lateChecks: checks, lateGoals: goals)
    }
}
