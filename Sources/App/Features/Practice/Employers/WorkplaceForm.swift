import Foundation
import JobcoachCore
import Vapor

/// The job analysis and workplace profile form: its fields, the condition checkboxes, and its one
/// validation into the values a workplace row stores.
struct WorkplaceForm: Decodable, Sendable {
    static let sources = WorkplaceSource.allCases.map(\.rawValue)
    static let statuses = WorkplaceStatus.allCases.map(\.rawValue)

    enum Field: String, FormFieldName {
        case title, source, occupation, tasks, hoursMin, hoursMax, requiredSkills, environment
        case place, lat, lon, status
    }

    /// The groups of condition checkboxes (`demand.<term>`, `adjustable.<term>`, `offer.<term>`).
    enum Group: String, FormFieldName {
        case demand, adjustable, offer

        /// The use of the vocabulary whose terms the group shows.
        var use: ConditionUse { self == .offer ? .need : .demand }
    }

    /// The values a workplace row stores, checked.
    struct Valid: Sendable {
        var title: String
        var source: String
        var tasks: String
        var hours: HoursRange?
        var occupation: OccupationTarget?
        var requiredSkills: [String]
        var environment: String
        var place: String
        var location: GeoPoint?
        var status: String
        var demands: [String]
        var adjustable: [String]
        var offers: [String]

        func apply(to row: Workplace) {
            row.title = title
            row.source = source
            row.tasks = tasks
            row.hoursMin = hours?.min
            row.hoursMax = hours?.max
            row.occupationURI = occupation?.uri
            row.iscoCode = occupation?.iscoCode
            row.requiredSkills = requiredSkills.joined(separator: "\n")
            row.environment = environment
            row.place = place
            row.lat = location?.lat
            row.lon = location?.lon
            row.status = status
            row.demands = PracticeMapping.stored(demands)
            row.adjustable = PracticeMapping.stored(adjustable)
            row.offers = PracticeMapping.stored(offers)
        }
    }

    var posted: PostedForm<Field>
    var checks: CheckGroups<Group>
    /// The occupation text that names no occupation; its message names it.
    private(set) var unknownOccupation: String?
    /// The labels of the adjustable conditions that are not demanded; their message names them.
    private(set) var notDemanded: String?

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
        checks = try CheckGroups(from: decoder)
    }

    /// The form with values from elsewhere (a line of an import file), no conditions ticked.
    init(_ values: [Field: String]) {
        posted = PostedForm(values)
        checks = CheckGroups([:])
    }

    /// The form for a new workplace of `employer`.
    init(newAt employer: Employer) {
        posted = PostedForm([.source: WorkplaceSource.interview.rawValue, .status: WorkplaceStatus.open.rawValue, .place: employer.place])
        checks = CheckGroups([:])
    }

    /// The form filled in from a stored workplace.
    init(_ workplace: Workplace, standard: ProfessionalStandard) {
        // Coordinates that are just those of the place are not shown as coordinates of their own.
        let atPlace = standard.places.place(named: workplace.place).map { $0.point.lat == workplace.lat && $0.point.lon == workplace.lon } ?? false
        posted = PostedForm([
            .title: workplace.title, .source: workplace.source, .tasks: workplace.tasks,
            .hoursMin: workplace.hoursMin.map { NumberText.format($0, in: .en) } ?? "",
            .hoursMax: workplace.hoursMax.map { NumberText.format($0, in: .en) } ?? "",
            .occupation: workplace.occupationURI.map(standard.occupations.formText) ?? workplace.iscoCode ?? "",
            .requiredSkills: workplace.requiredSkills, .environment: workplace.environment, .place: workplace.place,
            .lat: atPlace ? "" : workplace.lat.map { String($0) } ?? "", .lon: atPlace ? "" : workplace.lon.map { String($0) } ?? "",
            .status: workplace.status,
        ])
        checks = CheckGroups([.demand: PracticeMapping.ids(workplace.demands), .adjustable: PracticeMapping.ids(workplace.adjustable),
                              .offer: PracticeMapping.ids(workplace.offers)])
    }

    /// The values by input id (the checkboxes included), to show the form again.
    var values: [String: String] { posted.values.merging(checks.values) { field, _ in field } }

    /// The problems by field, then those whose message names what was posted.
    func errors(_ request: Request) -> [FieldError] {
        var errors = posted.problems.fieldErrors(request)
        if let unknownOccupation {
            errors.append(FieldError(field: Field.occupation.rawValue, message: request.t("profileOccupationUnknown", ["text": unknownOccupation])))
        }
        if let notDemanded {
            errors.append(FieldError(field: Group.adjustable.rawValue, message: request.t("workplaceAdjustableNotDemanded", ["text": notDemanded])))
        }
        return errors
    }

    /// The one validation step: the title, source and status, the length of the texts, the hours,
    /// occupation, place and coordinates matching reads, and the conditions ticked (what the employer
    /// will adjust must be demanded). Nil with the problems when the form cannot be saved.
    mutating func validate(standard: ProfessionalStandard) -> Valid? {
        let title = posted.text(.title, missing: "workplaceTitleMissing", maxLength: 200)
        if !Self.sources.contains(posted[.source]) { posted.problem(.source, "workplaceSourceMissing") }
        for field in [Field.tasks, .environment, .requiredSkills] { posted.limit(field, to: 10_000) }
        let hours = posted.hours(.hoursMin, .hoursMax)
        var occupation: OccupationTarget?
        if !posted[.occupation].isEmpty {
            occupation = standard.occupations.target(describedBy: posted[.occupation])
            if occupation == nil { unknownOccupation = posted[.occupation] }
        }
        let known = posted.place(.place, in: standard.places)
        let location = posted.point(lat: .lat, lon: .lon, otherwise: known?.point)
        let status = posted[.status].isEmpty ? WorkplaceStatus.open.rawValue : posted[.status]
        if !Self.statuses.contains(status) { posted.problem(.status, "workplaceStatusInvalid") }
        let vocabulary = standard.conditions, checks = self.checks
        func ticked(_ group: Group) -> [String] { checks.ticked(group, among: vocabulary.terms(group.use).map(\.id)) }
        let demands = ticked(.demand), adjustable = ticked(.adjustable), offers = ticked(.offer)
        let notDemanded = adjustable.filter { !demands.contains($0) }
        if !notDemanded.isEmpty { self.notDemanded = notDemanded.compactMap { vocabulary.term($0)?.label.en }.joined(separator: ", ") }
        guard posted.problems.isEmpty, unknownOccupation == nil, self.notDemanded == nil, let title else { return nil }
        return Valid(title: title, source: posted[.source], tasks: posted[.tasks], hours: hours, occupation: occupation,
                     requiredSkills: PracticeMapping.lines(posted[.requiredSkills]), environment: posted[.environment],
                     place: known?.name ?? "", location: location, status: status,
                     demands: demands, adjustable: adjustable, offers: offers)
    }
}
