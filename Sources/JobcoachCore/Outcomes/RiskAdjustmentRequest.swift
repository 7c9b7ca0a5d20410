import Foundation

/// The body of `POST /api/v1/outcomes/risk-adjusted` as sent. Every factor is optional, but every
/// client gives the same ones; `prepare` names the first field it cannot use.
public struct RiskAdjustmentRequest: Decodable, Sendable {
    public struct Factors: Decodable, Sendable {
        public var supportNeed: String?
        public var targetGroups: [String]?
        public var monthsOutOfWork: Double?
        public var age: Double?
        public var workExperience: Bool?
    }

    public struct Client: Decodable, Sendable {
        public var id: String
        public var unit: String
        public var outcome: Bool
        public var factors: Factors?
    }

    public var clients: [Client]

    public static let maximumClients = 100_000

    public func prepare() throws(InputFieldError) -> [RiskAdjustedClient] {
        guard clients.count <= Self.maximumClients else {
            throw InputFieldError(field: "clients", message: "at most \(Self.maximumClients) clients per request")
        }
        var prepared: [RiskAdjustedClient] = []
        prepared.reserveCapacity(clients.count)
        var seen: Set<String> = []
        var firstSet: [String]?
        for (index, client) in clients.enumerated() {
            let field = "clients[\(index)]"
            let id = client.id.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !id.isEmpty else { throw InputFieldError(field: "\(field).id", message: "must not be empty") }
            guard seen.insert(id).inserted else { throw InputFieldError(field: "\(field).id", message: "'\(id)' is used by another client") }
            let unit = client.unit.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !unit.isEmpty else { throw InputFieldError(field: "\(field).unit", message: "must not be empty") }
            let factors = try Self.factors(client.factors, field: "\(field).factors")
            if let firstSet {
                guard factors.given == firstSet else {
                    throw InputFieldError(field: "\(field).factors", message: "gives \(Self.list(factors.given)), but clients[0] gives \(Self.list(firstSet)); every client must give the same factors")
                }
            } else {
                firstSet = factors.given
            }
            prepared.append(RiskAdjustedClient(id: id, unit: unit, outcome: client.outcome, factors: factors))
        }
        return prepared
    }

    static func factors(_ input: Factors?, field: String) throws(InputFieldError) -> IntakeFactors {
        guard let input else { return IntakeFactors() }
        var factors = IntakeFactors()
        if let need = input.supportNeed {
            guard let value = SupportNeed(rawValue: need) else {
                throw InputFieldError(field: "\(field).supportNeed", message: "'\(need)' is not one of \(SupportNeed.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            factors.supportNeed = value
        }
        if let groups = input.targetGroups {
            var set: Set<TargetGroup> = []
            for (index, name) in groups.enumerated() {
                guard let group = TargetGroup(rawValue: name) else {
                    throw InputFieldError(field: "\(field).targetGroups[\(index)]", message: "'\(name)' is not one of \(TargetGroup.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                set.insert(group)
            }
            factors.targetGroups = set
        }
        if let months = input.monthsOutOfWork {
            guard months.isFinite, (0...1_200).contains(months) else {
                throw InputFieldError(field: "\(field).monthsOutOfWork", message: "must be from 0 to 1200 months")
            }
            factors.monthsOutOfWork = months
        }
        if let age = input.age {
            guard age.isFinite, (14...100).contains(age) else {
                throw InputFieldError(field: "\(field).age", message: "must be from 14 to 100 years")
            }
            factors.age = age
        }
        factors.workExperience = input.workExperience
        return factors
    }

    static func list(_ names: [String]) -> String {
        names.isEmpty ? "no factors" : names.joined(separator: ", ")
    }
}
