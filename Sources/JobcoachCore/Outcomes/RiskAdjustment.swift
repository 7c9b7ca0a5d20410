import Foundation

/// A client as risk adjustment sees them: the unit compared (a coach, a team), whether the outcome
/// was reached, and the factors known at intake.
public struct RiskAdjustedClient: Hashable, Sendable {
    public var id: String
    public var unit: String
    public var outcome: Bool
    public var factors: IntakeFactors

    public init(id: String, unit: String, outcome: Bool, factors: IntakeFactors) {
        self.id = id
        self.unit = unit
        self.outcome = outcome
        self.factors = factors
    }
}

/// Outcomes compared fairly: each unit's observed outcomes against the outcomes expected for the
/// clients it took on, from a logistic regression on the intake factors fitted over all clients in
/// scope (as Australia's DES star ratings did). A unit that takes on the easy clients has a high
/// raw rate but a ratio near or below 1; one with hard clients can have a low rate and a ratio above 1.
public struct RiskAdjustment: Hashable, Sendable, Encodable {
    public struct Term: Hashable, Sendable, Encodable {
        public var term: String
        public var coefficient: Double
    }

    public struct Model: Hashable, Sendable, Encodable {
        public var method: String
        public var clients: Int
        public var intercept: Double
        public var terms: [Term]
        /// The support need the `supportNeed=` terms are compared with (not part of the answer).
        public var supportNeedBaseline: SupportNeed?

        enum CodingKeys: String, CodingKey { case method, clients, intercept, terms }
    }

    public struct Unit: Hashable, Sendable, Encodable {
        public var unit: String
        public var clients: Int
        public var outcomes: Int
        public var rate: Double
        public var expected: Double
        public var ratio: Double
        public var low: Double
        public var high: Double
    }

    public var model: Model
    public var units: [Unit]
    /// Each client's fitted probability and outcome, in the order given: to sum the same fit over
    /// another grouping (not part of the answer).
    public var fitted: [Double]
    public var observed: [Bool]

    enum CodingKeys: String, CodingKey { case model, units }

    public static let minimumClients = 20
    public static let method = "logistic regression fitted by maximum likelihood (IRLS); ratio = observed / expected, "
        + "95% interval by Byar's approximation to the exact Poisson interval of the observed count"

    /// The candidate terms of the model, in order, with each client's value. Categorical factors take
    /// their first value that occurs as the baseline; target groups are one indicator each.
    static func candidateTerms(_ clients: [RiskAdjustedClient]) -> [(name: String, values: [Double])] {
        var terms: [(String, [Double])] = []
        let needs = clients.compactMap(\.factors.supportNeed)
        if !needs.isEmpty {
            let present = SupportNeed.allCases.filter { need in needs.contains(need) }
            for need in present.dropFirst() {
                terms.append(("supportNeed=\(need.rawValue)", clients.map { $0.factors.supportNeed == need ? 1 : 0 }))
            }
        }
        if clients.contains(where: { $0.factors.targetGroups != nil }) {
            for group in TargetGroup.allCases {
                terms.append(("targetGroups=\(group.rawValue)",
                              clients.map { ($0.factors.targetGroups ?? []).contains(group) ? 1 : 0 }))
            }
        }
        if clients.contains(where: { $0.factors.monthsOutOfWork != nil }) {
            terms.append(("monthsOutOfWork", clients.map { $0.factors.monthsOutOfWork ?? 0 }))
        }
        if clients.contains(where: { $0.factors.age != nil }) {
            terms.append(("age", clients.map { $0.factors.age ?? 0 }))
        }
        if clients.contains(where: { $0.factors.workExperience != nil }) {
            terms.append(("workExperience=true", clients.map { $0.factors.workExperience == true ? 1 : 0 }))
        }
        return terms
    }

    public static func compute(_ clients: [RiskAdjustedClient]) throws(OutcomeModelError) -> RiskAdjustment {
        guard clients.count >= minimumClients else {
            throw OutcomeModelError(reason: "at least \(minimumClients) clients are needed to fit the model; there are \(clients.count)")
        }
        let reached = clients.count(where: \.outcome)
        guard reached > 0, reached < clients.count else {
            throw OutcomeModelError(reason: "every client has the same outcome (\(reached == 0 ? "none" : "all") reached it), so there is nothing to explain")
        }
        let rows = clients.count
        // Standardise the columns for the fit and keep only those that add information: a constant or
        // a combination of earlier columns cannot be estimated.
        var kept: [(name: String, values: [Double], mean: Double, scale: Double)] = []
        var basis: [[Double]] = [[Double](repeating: 1 / Double(rows).squareRoot(), count: rows)]
        for (name, values) in candidateTerms(clients) {
            let mean = values.reduce(0, +) / Double(rows)
            let spread = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rows)).squareRoot()
            guard spread > 1e-9 else { continue }
            let standardised = values.map { ($0 - mean) / spread }
            var residual = standardised
            for vector in basis {
                let projection = zip(residual, vector).reduce(0) { $0 + $1.0 * $1.1 }
                for index in 0..<rows { residual[index] -= projection * vector[index] }
            }
            let norm = residual.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 1e-6 * Double(rows).squareRoot() else { continue }
            basis.append(residual.map { $0 / norm })
            kept.append((name, standardised, mean, spread))
        }
        let columns = kept.count + 1
        var design = [Double](repeating: 0, count: rows * columns)
        for row in 0..<rows {
            design[row * columns] = 1
            for (index, term) in kept.enumerated() { design[row * columns + index + 1] = term.values[row] }
        }
        let fit = LogisticRegression.fit(design: design, columns: columns, outcomes: clients.map(\.outcome))
        // Back to the factors' own units: a coefficient per level, per month, per year.
        var intercept = fit.coefficients[0]
        var terms: [Term] = []
        for (index, term) in kept.enumerated() {
            let coefficient = fit.coefficients[index + 1] / term.scale
            intercept -= coefficient * term.mean
            terms.append(Term(term: term.name, coefficient: round(coefficient)))
        }
        var byUnit: [String: (clients: Int, outcomes: Int, expected: Double)] = [:]
        for (client, probability) in zip(clients, fit.fitted) {
            var entry = byUnit[client.unit] ?? (0, 0, 0)
            entry.clients += 1
            entry.outcomes += client.outcome ? 1 : 0
            entry.expected += probability
            byUnit[client.unit] = entry
        }
        let units = byUnit.keys.sorted().map { name in
            let entry = byUnit[name]!
            return unit(name, clients: entry.clients, outcomes: entry.outcomes, expected: entry.expected)
        }
        let baseline = SupportNeed.allCases.first { need in clients.contains { $0.factors.supportNeed == need } }
        return RiskAdjustment(model: Model(method: method, clients: rows, intercept: round(intercept), terms: terms,
                                           supportNeedBaseline: baseline), units: units,
                              fitted: fit.fitted, observed: clients.map(\.outcome))
    }

    /// The 95% interval of a Poisson count by Byar's approximation (Breslow and Day 1987).
    public static func byarInterval(observed: Int, z: Double = 1.959964) -> (low: Double, high: Double) {
        let count = Double(observed)
        let low: Double
        if observed == 0 {
            low = 0
        } else {
            low = count * pow(1 - 1 / (9 * count) - z / (3 * count.squareRoot()), 3)
        }
        let next = count + 1
        let high = next * pow(1 - 1 / (9 * next) + z / (3 * next.squareRoot()), 3)
        return (max(0, low), high)
    }

    /// The funnel plot's 95% control limits of the ratio for a unit with `expected` outcomes that does
    /// exactly as expected: Byar's limits with the expected count in place of the observed one.
    public static func funnelLimits(expected: Double, z: Double = 1.959964) -> (low: Double, high: Double) {
        guard expected > 0 else { return (0, 0) }
        let low = expected * pow(max(0, 1 - 1 / (9 * expected) - z / (3 * expected.squareRoot())), 3)
        let next = expected + 1
        let high = next * pow(1 - 1 / (9 * next) + z / (3 * next.squareRoot()), 3)
        return (low / expected, high / expected)
    }

    static func round(_ value: Double) -> Double { OutcomeRounding.round(value, places: 6) }
}

extension RiskAdjustment {
    /// The same fitted values summed over another grouping of the same clients (teams instead of
    /// coaches, payment groups): one group name per client in the fit's order, nil to leave a client out.
    public func grouped(by groups: [String?]) -> [Unit] {
        precondition(groups.count == fitted.count, "one group per fitted client")
        var byUnit: [String: (clients: Int, outcomes: Int, expected: Double)] = [:]
        for ((group, probability), outcome) in zip(zip(groups, fitted), observed) {
            guard let group else { continue }
            var entry = byUnit[group] ?? (0, 0, 0)
            entry.clients += 1
            entry.outcomes += outcome ? 1 : 0
            entry.expected += probability
            byUnit[group] = entry
        }
        return byUnit.keys.sorted().map { name in
            let entry = byUnit[name]!
            return Self.unit(name, clients: entry.clients, outcomes: entry.outcomes, expected: entry.expected)
        }
    }

    static func unit(_ name: String, clients: Int, outcomes: Int, expected: Double) -> Unit {
        let interval = byarInterval(observed: outcomes)
        return Unit(unit: name, clients: clients, outcomes: outcomes,
                    rate: OutcomeRounding.round(Double(outcomes) / Double(clients), places: 4),
                    expected: round(expected), ratio: round(Double(outcomes) / expected),
                    low: round(interval.low / expected), high: round(interval.high / expected))
    }
}
