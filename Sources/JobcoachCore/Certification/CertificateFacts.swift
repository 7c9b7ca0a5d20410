import Foundation

/// What the register knows about one certificate, from which the credential is made.
public struct CertificateFacts: Hashable, Sendable {
    /// The certificate's id (a UUID), also the credential's `urn:uuid:` id.
    public var id: String
    public var registrationNumber: String
    public var holderName: String
    public var validFrom: Date
    public var validUntil: Date
    /// Where the register lives (`https://register.example`), the credential's issuer id.
    public var issuerURL: String
    public var issuerName: String

    public init(id: String, registrationNumber: String, holderName: String, validFrom: Date, validUntil: Date,
                issuerURL: String, issuerName: String) {
        self.id = id
        self.registrationNumber = registrationNumber
        self.holderName = holderName
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.issuerURL = issuerURL
        self.issuerName = issuerName
    }

    /// The validity of a certificate decided on `day` under a policy: from the start of that day
    /// (UTC) for the policy's number of years.
    public static func validity(from day: CalendarDate, policy: CertificationPolicy) -> (from: Date, until: Date) {
        (day.startOfDayUTC, day.adding(years: policy.validityYears).startOfDayUTC)
    }

    /// The validity of a certificate issued at a moment on its local `day`: as `validity(from:policy:)`,
    /// but never starting after the moment of issue, so that a certificate issued in the hours when
    /// the local day is ahead of UTC's is valid at once.
    public static func validity(from day: CalendarDate, policy: CertificationPolicy, issuedAt: Date) -> (from: Date, until: Date) {
        let (from, until) = validity(from: day, policy: policy)
        return (min(from, issuedAt), until)
    }
}

extension CalendarDate {
    /// Midnight at the start of this day in UTC.
    public var startOfDayUTC: Date {
        Date(timeIntervalSince1970: TimeInterval(days(since: CalendarDate(year: 1970, month: 1, day: 1)!)) * 86_400)
    }
}
