import Foundation

/// An occupation as matching compares it: an ESCO occupation (with its ISCO unit group) or an ISCO
/// group code of one to four digits. Codes are kept as numbers so comparing 100,000 workplaces
/// costs no string work.
public struct OccupationTarget: Hashable, Sendable {
    /// The ESCO URI, when the occupation was named by one.
    public var uri: String?
    /// The ISCO code as a number, and how many digits it has (`94` is 94 with 2 digits).
    public var isco: Int
    public var digits: Int
    /// What people read: the ESCO label or the ISCO group title.
    public var label: String

    public init(uri: String?, iscoCode: String, label: String) {
        self.uri = uri
        self.isco = Int(iscoCode) ?? 0
        self.digits = iscoCode.count
        self.label = label
    }

    public var iscoCode: String {
        let text = String(isco)
        return String(repeating: "0", count: Swift.max(0, digits - text.count)) + text
    }

    /// The first `count` digits of the code (all of them when it has fewer).
    func prefix(_ count: Int) -> Int {
        guard count < digits else { return isco }
        var value = isco
        for _ in 0..<(digits - count) { value /= 10 }
        return value
    }
}

extension OccupationCatalog {
    /// Reads an occupation reference from the input: an ESCO URI of the shipped data or an ISCO code
    /// of one to four digits that exists.
    public func target(_ reference: String, field: String) throws(InputFieldError) -> OccupationTarget {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        if let occupation = occupation(uri: trimmed) {
            return OccupationTarget(uri: occupation.uri, iscoCode: occupation.iscoCode, label: occupation.preferredLabel)
        }
        if (1...4).contains(trimmed.count), trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let group = iscoGroups[trimmed] else {
                throw InputFieldError(field: field, message: "'\(trimmed)' is not an ISCO-08 group code")
            }
            return OccupationTarget(uri: nil, iscoCode: trimmed, label: group.label)
        }
        throw InputFieldError(field: field, message: "'\(trimmed)' is neither an ESCO occupation URI nor an ISCO-08 code")
    }
}

extension OccupationCatalog {
    /// An occupation as a coach writes it: an ESCO URI, an ISCO code, or exactly one of the ESCO labels
    /// (preferred or alternative, without regard to case or accents). Nil when none fits.
    public func target(describedBy text: String) -> OccupationTarget? {
        if let target = try? target(text, field: "") { return target }
        let folded = Self.fold(text)
        guard !folded.isEmpty else { return nil }
        let exact = occupations.first { Self.fold($0.preferredLabel) == folded }
            ?? occupations.first { $0.altLabels.contains { Self.fold($0) == folded } }
        return exact.map { OccupationTarget(uri: $0.uri, iscoCode: $0.iscoCode, label: $0.preferredLabel) }
    }

    /// How a stored reference is written back into a form: the ESCO label, or the ISCO code.
    public func formText(for reference: String) -> String {
        occupation(uri: reference)?.preferredLabel ?? reference
    }
}
