import Foundation

/// Numbers for skill names, so that matching compares numbers, not texts. Names are compared
/// without case, accents or extra spaces ("Order picking" equals "order  picking").
public struct SkillIndex: Sendable {
    private var numbers: [String: Int] = [:]
    public private(set) var names: [String] = []

    public init() {}

    /// The number of a skill, adding it when new.
    public mutating func number(_ name: String) -> Int {
        let key = OccupationCatalog.fold(name)
        if let number = numbers[key] { return number }
        numbers[key] = names.count
        names.append(name.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        return names.count - 1
    }

    /// The number of a known skill, or nil: a client's skill nobody asks for needs no number.
    public func existing(_ name: String) -> Int? {
        numbers[OccupationCatalog.fold(name)]
    }

    public func name(_ number: Int) -> String {
        number < names.count ? names[number] : "?"
    }
}
