import Foundation
import JobcoachCore

/// Reads the job analysis and workplace profile form, with every check, into the values a workplace
/// row stores.
struct WorkplaceForm {
    static let sources = ["vacancy", "interview"]
    static let statuses = ["open", "filled", "closed"]

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

    static func read(_ form: inout FormFields, standard: ProfessionalStandard, extra: inout [(String, String, String)]) -> WorkplaceForm? {
        let title = form.text("title", missing: "workplaceTitleMissing", maxLength: 200)
        let source = form.value("source")
        if !sources.contains(source) { form.problem("source", "workplaceSourceMissing") }
        for field in ["tasks", "environment", "requiredSkills"] where form.value(field).count > 10_000 { form.problem(field, "formTooLong") }
        let hoursMin = form.amount("hoursMin"), hoursMax = form.amount("hoursMax")
        var hours: HoursRange?
        if (hoursMin == nil) != (hoursMax == nil) {
            form.problem(hoursMin == nil ? "hoursMin" : "hoursMax", "profileHoursBoth")
        } else if let hoursMin, let hoursMax {
            hours = HoursRange(min: hoursMin, max: hoursMax)
            if !hours!.isValid { form.problem("hoursMin", "profileHoursRange") }
        }
        var occupation: OccupationTarget?
        let occupationText = form.value("occupation")
        if !occupationText.isEmpty {
            occupation = standard.occupations.target(describedBy: occupationText)
            if occupation == nil { extra.append(("occupation", "profileOccupationUnknown", occupationText)) }
        }
        let place = form.value("place")
        let known = standard.places.place(named: place)
        if !place.isEmpty, known == nil { form.problem("place", "practicePlaceUnknown") }
        var location = known?.point
        let lat = form.value("lat").replacingOccurrences(of: ",", with: "."), lon = form.value("lon").replacingOccurrences(of: ",", with: ".")
        if !lat.isEmpty || !lon.isEmpty {
            if let latitude = Double(lat), let longitude = Double(lon), GeoPoint(lat: latitude, lon: longitude).isValid {
                location = GeoPoint(lat: latitude, lon: longitude)
            } else {
                form.problem(Double(lat) == nil ? "lat" : "lon", "practiceCoordinatesInvalid")
            }
        }
        let status = form.value("status").isEmpty ? "open" : form.value("status")
        if !statuses.contains(status) { form.problem("status", "workplaceStatusInvalid") }
        let vocabulary = standard.conditions
        let demands = PracticeOptions.checked(form, prefix: "demand", vocabulary: vocabulary, use: .demand)
        let adjustable = PracticeOptions.checked(form, prefix: "adjustable", vocabulary: vocabulary, use: .demand)
        let offers = PracticeOptions.checked(form, prefix: "offer", vocabulary: vocabulary, use: .need)
        let notDemanded = adjustable.filter { !demands.contains($0) }
        if !notDemanded.isEmpty {
            let names = notDemanded.compactMap { vocabulary.term($0)?.label.en }.joined(separator: ", ")
            extra.append(("adjustable", "workplaceAdjustableNotDemanded", names))
        }
        guard let title else { return nil }
        return WorkplaceForm(title: title, source: source, tasks: form.value("tasks"), hours: hours, occupation: occupation,
                             requiredSkills: PracticeMapping.lines(form.value("requiredSkills")), environment: form.value("environment"),
                             place: known?.name ?? "", location: location, status: status,
                             demands: demands, adjustable: adjustable, offers: offers)
    }

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
