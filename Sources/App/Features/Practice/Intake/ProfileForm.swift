import JobcoachCore
import Vapor

/// The employee profile form (task 2): its fields, the condition checkboxes matching reads, and its
/// one validation.
struct ProfileForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case motivators, values, skills, interests, wishes, learningStyle
        case attentionPoints, limitations, possibilities, lastingParticipation
        case goals, planOfApproach, agreedOn
        case desiredOccupations, hoursMin, hoursMax, homePlace, homeLat, homeLon, maxTravelKm

        /// The free texts, checked for their length only.
        static let texts: [Field] = [.motivators, .values, .skills, .interests, .wishes, .learningStyle, .attentionPoints,
                                     .limitations, .possibilities, .lastingParticipation, .goals, .planOfApproach]
    }

    /// The groups of condition checkboxes (`need.<term>`, `cannot.<term>`).
    enum Group: String, FormFieldName {
        case need, cannot

        /// The use of the vocabulary whose terms the group shows.
        var use: ConditionUse { self == .need ? .need : .demand }
    }

    static let maximumTextLength = 10_000

    /// What the form stores beyond its texts, checked.
    struct Valid: Sendable {
        var agreedOn: CalendarDate?
        var occupations: [String]
        var hours: HoursRange?
        var homePlace: String
        var home: GeoPoint?
        var maxTravelKm: Double?
        var needs: [String]
        var cannot: [String]
    }

    var posted: PostedForm<Field>
    var checks: CheckGroups<Group>
    /// The lines of the desired occupations that name no occupation; their message names the line.
    private(set) var unknownOccupations: [String] = []

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
        checks = try CheckGroups(from: decoder)
    }

    /// The form filled in from a stored profile (empty for none).
    init(_ profile: EmployeeProfile?, standard: ProfessionalStandard) {
        guard let profile else { posted = PostedForm([:]); checks = CheckGroups([:]); return }
        // Coordinates that are just those of the home place are not shown as coordinates of their own.
        let atPlace = standard.places.place(named: profile.homePlace).map { $0.point.lat == profile.homeLat && $0.point.lon == profile.homeLon } ?? false
        posted = PostedForm([
            .motivators: profile.motivators, .values: profile.values, .skills: profile.skills, .interests: profile.interests,
            .wishes: profile.wishes, .learningStyle: profile.learningStyle, .attentionPoints: profile.attentionPoints,
            .limitations: profile.limitations, .possibilities: profile.possibilities,
            .lastingParticipation: profile.lastingParticipation, .goals: profile.goals, .planOfApproach: profile.planOfApproach,
            .agreedOn: profile.agreedOn ?? "",
            .desiredOccupations: PracticeMapping.lines(profile.desiredOccupations).map(standard.occupations.formText).joined(separator: "\n"),
            .hoursMin: profile.hoursMin.map { NumberText.format($0, in: .en) } ?? "",
            .hoursMax: profile.hoursMax.map { NumberText.format($0, in: .en) } ?? "",
            .homePlace: profile.homePlace,
            .homeLat: atPlace ? "" : profile.homeLat.map { String($0) } ?? "",
            .homeLon: atPlace ? "" : profile.homeLon.map { String($0) } ?? "",
            .maxTravelKm: profile.maxTravelKm.map { NumberText.format($0, in: .en) } ?? "",
        ])
        checks = CheckGroups([.need: PracticeMapping.ids(profile.needs), .cannot: PracticeMapping.ids(profile.cannot)])
    }

    /// The values by input id (the checkboxes included), to show the form again.
    var values: [String: String] { posted.values.merging(checks.values) { field, _ in field } }

    /// The problems naming a line that is no occupation, shown after the others.
    func occupationErrors(_ request: Request) -> [FieldError] {
        unknownOccupations.map {
            FieldError(field: Field.desiredOccupations.rawValue, message: request.t("profileOccupationUnknown", ["text": $0]))
        }
    }

    /// The one validation step: the length of the texts, the agreed date (not in the future) with the
    /// goals and plan it needs, the occupations, hours, home and travel distance matching reads, and
    /// the conditions ticked. Nil with the problems by field when the form cannot be saved.
    mutating func validate(today: CalendarDate, standard: ProfessionalStandard) -> Valid? {
        for field in Field.texts where posted[field].count > Self.maximumTextLength { posted.problem(field, "formTooLong") }
        let agreedOn = posted.date(.agreedOn, required: false)
        if let agreedOn, agreedOn > today { posted.problem(.agreedOn, "cpdInFuture") }
        if agreedOn != nil, posted[.goals].isEmpty { posted.problem(.goals, "profileGoalsMissing") }
        if agreedOn != nil, posted[.planOfApproach].isEmpty { posted.problem(.planOfApproach, "profilePlanMissing") }
        var occupations: [String] = []
        for line in PracticeMapping.lines(posted[.desiredOccupations]) {
            if let target = standard.occupations.target(describedBy: line) {
                occupations.append(target.uri ?? target.iscoCode)
            } else {
                unknownOccupations.append(line)
            }
        }
        let hours = posted.hours(.hoursMin, .hoursMax)
        let known = posted.place(.homePlace, in: standard.places)
        let home = posted.point(lat: .homeLat, lon: .homeLon, otherwise: known?.point)
        let maxTravel = posted.amount(.maxTravelKm)
        if let maxTravel, maxTravel > 1_000 { posted.problem(.maxTravelKm, "profileTravelTooFar") }
        let vocabulary = standard.conditions
        let needs = checks.ticked(.need, among: vocabulary.terms(Group.need.use).map(\.id))
        let cannot = checks.ticked(.cannot, among: vocabulary.terms(Group.cannot.use).map(\.id))
        guard posted.problems.isEmpty, unknownOccupations.isEmpty else { return nil }
        return Valid(agreedOn: agreedOn, occupations: occupations, hours: hours, homePlace: known?.name ?? "", home: home,
                     maxTravelKm: maxTravel, needs: needs, cannot: cannot)
    }

    /// Writes the form into the profile row.
    func apply(to profile: EmployeeProfile, _ valid: Valid) {
        profile.motivators = posted[.motivators]
        profile.values = posted[.values]
        profile.skills = PracticeMapping.lines(posted[.skills]).joined(separator: "\n")
        profile.interests = posted[.interests]
        profile.wishes = posted[.wishes]
        profile.learningStyle = posted[.learningStyle]
        profile.attentionPoints = posted[.attentionPoints]
        profile.limitations = posted[.limitations]
        profile.possibilities = posted[.possibilities]
        profile.lastingParticipation = posted[.lastingParticipation]
        profile.goals = posted[.goals]
        profile.planOfApproach = posted[.planOfApproach]
        profile.agreedOn = valid.agreedOn?.description
        profile.desiredOccupations = valid.occupations.joined(separator: "\n")
        profile.hoursMin = valid.hours?.min
        profile.hoursMax = valid.hours?.max
        profile.homePlace = valid.homePlace
        profile.homeLat = valid.home?.lat
        profile.homeLon = valid.home?.lon
        profile.maxTravelKm = valid.maxTravelKm
        profile.needs = PracticeMapping.stored(valid.needs)
        profile.cannot = PracticeMapping.stored(valid.cannot)
    }
}
