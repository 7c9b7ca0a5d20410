import Foundation
import JobcoachCore
import Vapor

/// What the inputs of a per-kind report form are called: `<prefix>-<kind>`.
protocol ReportInputName: Sendable {
    static var prefix: String { get }
}

/// The input of one kind of report in a form that has one per kind.
struct ReportKindField<Name: ReportInputName>: FormFieldName {
    let kind: ReportKind

    init(_ kind: ReportKind) { self.kind = kind }

    init?(rawValue: String) {
        guard let kind = ReportKind.allCases.first(where: { Self($0).rawValue == rawValue }) else { return nil }
        self.init(kind)
    }

    var rawValue: String { "\(Name.prefix)-\(kind.rawValue)" }

    static var allCases: [Self] { ReportKind.allCases.map { Self($0) } }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.kind == rhs.kind }

    func hash(into hasher: inout Hasher) { hasher.combine(kind) }
}

/// The client's consent for one kind of report, as the coach records it on the reports page: one
/// select per kind (`consent-<kind>`), each in a form of its own.
struct ReportConsentForm: Decodable, Sendable {
    enum Input: ReportInputName { static let prefix = "consent" }
    typealias Field = ReportKindField<Input>

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// The one validation step: yes or no for `kind`. Whether consent is given, or nil with the problem.
    mutating func validate(_ kind: ReportKind) -> Bool? {
        let field = Field(kind)
        guard ["yes", "no"].contains(posted[field]) else {
            posted.problem(field, "reportConsentMissing")
            return nil
        }
        return posted[field] == "yes"
    }
}

/// The sending of one kind of report to the commissioner, in a language chosen per kind
/// (`send-<kind>`).
struct ReportSendForm: Decodable, Sendable {
    enum Input: ReportInputName { static let prefix = "send" }
    typealias Field = ReportKindField<Input>

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// The language chosen for `kind`, `otherwise` when none is.
    func language(_ kind: ReportKind, otherwise: Language) -> Language {
        Language(rawValue: posted[Field(kind)]) ?? otherwise
    }

    /// The one validation step: a commissioner to send to, then the client's consent for `kind`
    /// (`consentGiven`, asked only when there is a commissioner). False with the problem on the kind's
    /// input.
    mutating func validate(_ kind: ReportKind, hasCommissioner: Bool, consentGiven: () async throws -> Bool) async rethrows -> Bool {
        let field = Field(kind)
        guard hasCommissioner else {
            posted.problem(field, "reportNoCommissionerToSend")
            return false
        }
        guard try await consentGiven() else {
            posted.problem(field, "reportConsentRequired")
            return false
        }
        return true
    }
}
