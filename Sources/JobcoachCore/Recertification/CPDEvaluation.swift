/// How a set of activities measures up to a recertification policy on a day: points counted per
/// category, what the caps took off, and what is still missing.
public struct CPDEvaluation: Hashable, Codable, Sendable {
    public struct CategoryTotal: Hashable, Codable, Sendable {
        public var category: String
        public var title: LocalizedText
        public var points: Double
    }

    public struct CapEffect: Hashable, Codable, Sendable {
        public var categories: [String]
        public var maximumPoints: Double
        public var pointsGiven: Double
        public var pointsCounted: Double
    }

    public var periodStart: CalendarDate
    public var referenceDate: CalendarDate
    public var minimumPoints: Double
    public var pointsCounted: Double
    public var categories: [CategoryTotal]
    public var caps: [CapEffect]
    public var met: Bool
    public var explanation: LocalizedText

    /// Counts activities completed from `periodStart` up to and including `date`. An activity in
    /// hours only counts at the policy's points per hour; an unknown category does not count.
    public init(policy: RecertificationPolicy, activities: [CPDActivity], from periodStart: CalendarDate, on date: CalendarDate) {
        self.periodStart = periodStart
        referenceDate = date
        minimumPoints = policy.minimumPoints
        var perCategory: [String: Double] = [:]
        for activity in activities where activity.completedOn >= periodStart && activity.completedOn <= date {
            guard policy.category(activity.category) != nil else { continue }
            let points = activity.points ?? (activity.hours.map { $0 * policy.pointsPerHour } ?? 0)
            perCategory[activity.category, default: 0] += max(0, points)
        }
        categories = policy.categories.compactMap { category in
            perCategory[category.id].map { CategoryTotal(category: category.id, title: category.title, points: $0) }
        }
        var capped: Set<String> = []
        caps = policy.caps.map { cap in
            let given = cap.categories.reduce(0) { $0 + (perCategory[$1] ?? 0) }
            capped.formUnion(cap.categories)
            return CapEffect(categories: cap.categories, maximumPoints: cap.maximumPoints, pointsGiven: given,
                             pointsCounted: min(given, cap.maximumPoints))
        }
        let uncapped = perCategory.filter { !capped.contains($0.key) }.values.reduce(0, +)
        pointsCounted = uncapped + caps.reduce(0) { $0 + $1.pointsCounted }
        met = pointsCounted >= policy.minimumPoints
        explanation = Self.explain(policy: policy, counted: pointsCounted, since: periodStart, met: met, caps: caps)
    }

    /// "62 of 100 points since 1 May 2023: 38 to go; at most 20 points count from intervision and
    /// professional literature together". A cap is named when it took points off or points are short.
    static func explain(policy: RecertificationPolicy, counted: Double, since: CalendarDate, met: Bool, caps: [CapEffect]) -> LocalizedText {
        let points = NumberText.localized(counted), needed = NumberText.localized(policy.minimumPoints), day = since.localized
        var nl = "\(points.nl) van \(needed.nl) punten sinds \(day.nl)", en = "\(points.en) of \(needed.en) points since \(day.en)"
        if !met {
            let missing = NumberText.localized(policy.minimumPoints - counted)
            nl += ": nog \(missing.nl) te gaan"
            en += ": \(missing.en) to go"
        }
        for cap in caps where !met || cap.pointsGiven > cap.maximumPoints {
            let titles = cap.categories.compactMap { policy.category($0)?.title }
            let maximum = NumberText.localized(cap.maximumPoints)
            let names = LocalizedText(nl: Self.list(titles.map { Self.lowercasedFirst($0.nl) }, and: "en"),
                                      en: Self.list(titles.map { Self.lowercasedFirst($0.en) }, and: "and"))
            nl += "; uit \(names.nl) \(titles.count > 1 ? "samen " : "")tellen ten hoogste \(maximum.nl) punten"
            en += "; at most \(maximum.en) points count from \(names.en)\(titles.count > 1 ? " together" : "")"
            if cap.pointsGiven > cap.maximumPoints {
                let given = NumberText.localized(cap.pointsGiven)
                nl += " (\(given.nl) opgegeven)"
                en += " (\(given.en) recorded)"
            }
        }
        return LocalizedText(nl: nl, en: en)
    }

    private static func lowercasedFirst(_ text: String) -> String {
        text.prefix(1).lowercased() + text.dropFirst()
    }

    private static func list(_ items: [String], and word: String) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " \(word) " + items.last!
    }
}
