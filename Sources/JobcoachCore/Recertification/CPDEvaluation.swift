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

    /// Counts activities completed after `date` minus the period and on or before `date`. An activity
    /// in hours only counts at the policy's points per hour; an unknown category does not count.
    public init(policy: RecertificationPolicy, activities: [CPDActivity], on date: CalendarDate) {
        periodStart = date.adding(years: -policy.periodYears)
        referenceDate = date
        minimumPoints = policy.minimumPoints
        var perCategory: [String: Double] = [:]
        for activity in activities where activity.completedOn > periodStart && activity.completedOn <= date {
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
        let counted = NumberText.localized(pointsCounted), needed = NumberText.localized(policy.minimumPoints)
        let since = periodStart.localized
        if met {
            explanation = LocalizedText(nl: "\(counted.nl) van \(needed.nl) punten sinds \(since.nl)",
                                        en: "\(counted.en) of \(needed.en) points since \(since.en)")
        } else {
            let missing = NumberText.localized(policy.minimumPoints - pointsCounted)
            explanation = LocalizedText(nl: "\(counted.nl) van \(needed.nl) punten sinds \(since.nl): nog \(missing.nl) te gaan",
                                        en: "\(counted.en) of \(needed.en) points since \(since.en): \(missing.en) to go")
        }
    }
}
