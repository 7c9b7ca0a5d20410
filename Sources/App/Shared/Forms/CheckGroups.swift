import Foundation

/// Groups of checkboxes whose ids come from data, not from Swift: `<group>.<id>`
/// (`need.quiet-environment`), one group per case of `Group`. Read from a posted form beside its
/// `PostedForm`, trimmed; only inputs of the groups are read.
struct CheckGroups<Group: FormFieldName>: Decodable, Sendable {
    /// The posted boxes by input name.
    private(set) var values: [String: String] = [:]

    /// The boxes of stored ids, ticked, to show a stored record.
    init(_ ticked: [Group: [String]]) {
        for (group, ids) in ticked {
            for id in ids { values[Self.name(group, id)] = "yes" }
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        for key in container.allKeys where Group.allCases.contains(where: { key.stringValue.hasPrefix($0.rawValue + ".") }) {
            values[key.stringValue] = try container.decodeIfPresent(String.self, forKey: key)?
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// The input name of one box.
    static func name(_ group: Group, _ id: String) -> String { "\(group.rawValue).\(id)" }

    /// The ids among `ids` whose box in `group` was sent with a value, in the order of `ids`.
    func ticked(_ group: Group, among ids: [String]) -> [String] {
        ids.filter { !(values[Self.name(group, $0)] ?? "").isEmpty }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
