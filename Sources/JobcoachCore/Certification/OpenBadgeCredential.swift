import Foundation

/// An Open Badges 3.0 `OpenBadgeCredential` (a W3C Verifiable Credential) for a register certificate:
/// who issued it, to whom, for which achievement (aligned to the framework version, its EQF level and
/// the ESCO occupation), how long it is valid, and where its revocation status is kept.
public struct OpenBadgeCredential: Codable, Hashable, Sendable {
    public struct Profile: Codable, Hashable, Sendable {
        public var id: String
        public var type: [String]
        public var name: String
    }

    public struct Identifier: Codable, Hashable, Sendable {
        public var type: String
        public var identityHash: String
        public var identityType: String
        public var hashed: Bool
    }

    public struct Alignment: Codable, Hashable, Sendable {
        public var type: [String]
        public var targetName: String
        public var targetUrl: String
        public var targetFramework: String?
        public var targetCode: String?
        public var targetType: String?
    }

    public struct Criteria: Codable, Hashable, Sendable {
        public var narrative: String
    }

    public struct Achievement: Codable, Hashable, Sendable {
        public var id: String
        public var type: [String]
        public var achievementType: String
        public var name: String
        public var description: String
        public var criteria: Criteria
        public var alignment: [Alignment]
        public var inLanguage: String
    }

    public struct Subject: Codable, Hashable, Sendable {
        public var id: String
        public var type: [String]
        public var name: String
        public var identifier: [Identifier]
        public var achievement: Achievement
    }

    public struct Status: Codable, Hashable, Sendable {
        public var id: String
        public var type: String
    }

    public var context: [String]
    public var id: String
    public var type: [String]
    public var issuer: Profile
    public var validFrom: String
    public var validUntil: String
    public var name: String
    public var credentialSubject: Subject
    public var credentialStatus: Status

    enum CodingKeys: String, CodingKey {
        case context = "@context"
        case id, type, issuer, validFrom, validUntil, name, credentialSubject, credentialStatus
    }

    public static let contexts = ["https://www.w3.org/ns/credentials/v2",
                                  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]

    /// The credential for a certificate under a framework version.
    public init(facts: CertificateFacts, framework: FrameworkVersion, occupation: Occupation?,
                levels: QualificationLevelCatalog) {
        let base = facts.issuerURL.hasSuffix("/") ? String(facts.issuerURL.dropLast()) : facts.issuerURL
        let frameworkURL = "\(base)/frameworks/\(framework.id)/versions/\(framework.version)"
        var alignments = [Alignment(type: ["Alignment"], targetName: "\(framework.title.nl) (\(framework.version))",
                                    targetUrl: frameworkURL, targetFramework: framework.id, targetCode: framework.version,
                                    targetType: "ext:ProfessionalProfile")]
        if let level = framework.level, let eqf = levels.level(level)?.eqf {
            alignments.append(Alignment(type: ["Alignment"], targetName: "EQF \(eqf)",
                                        targetUrl: "https://europass.europa.eu/en/description-eight-eqf-levels",
                                        targetFramework: "EQF", targetCode: String(eqf), targetType: "ext:EQFLevel"))
        }
        if let occupation {
            alignments.append(Alignment(type: ["Alignment"], targetName: occupation.preferredLabel, targetUrl: occupation.uri,
                                        targetFramework: "ESCO", targetCode: occupation.iscoCode, targetType: "ext:ESCOOccupation"))
        }
        context = Self.contexts
        id = "urn:uuid:\(facts.id.lowercased())"
        type = ["VerifiableCredential", "OpenBadgeCredential"]
        issuer = Profile(id: base, type: ["Profile"], name: facts.issuerName)
        validFrom = Self.timestamp(facts.validFrom)
        validUntil = Self.timestamp(facts.validUntil)
        name = framework.title.nl
        credentialSubject = Subject(
            id: "urn:jobcoach:register:\(facts.registrationNumber)", type: ["AchievementSubject"], name: facts.holderName,
            identifier: [Identifier(type: "IdentityObject", identityHash: facts.registrationNumber,
                                    identityType: "identifier", hashed: false)],
            achievement: Achievement(
                id: frameworkURL, type: ["Achievement"], achievementType: "Certification", name: framework.title.nl,
                description: framework.summary.en,
                criteria: Criteria(narrative: "Meets the entry requirements of \(framework.title.en) (\(framework.version)) and was assessed by two assessors against its knowledge areas, tasks, competencies and professional attitude."),
                alignment: alignments, inLanguage: framework.sourceLanguage.rawValue))
        credentialStatus = Status(id: RevocationList.url(issuer: base), type: "1EdTechRevocationList")
    }

    /// `2026-11-22T00:00:00Z`.
    public static func timestamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CalendarDate(Date(timeIntervalSince1970: TimeInterval(seconds)), in: TimeZone(identifier: "UTC")!)
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        return "\(day)T" + String(format: "%02d:%02d:%02dZ", secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60)
    }
}
