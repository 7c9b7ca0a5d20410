import Foundation
import JobcoachCore
import Vapor

/// The form on the list of employers that adds one: its name, sector and place.
struct NewEmployerForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case name, sector, place
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// The form with values from elsewhere (a line of an import file).
    init(_ values: [Field: String]) {
        posted = PostedForm(values)
    }

    /// The one validation step: a name, a sector of at most 200 characters, a known place if any.
    mutating func validate(places: PlaceCatalog) -> Bool {
        let name = posted.text(.name, missing: "employerNameMissing", maxLength: 200)
        posted.limit(.sector, to: 200)
        posted.place(.place, in: places)
        return posted.problems.isEmpty && name != nil
    }

    /// Writes the form into a new employer row; the profile from the interview is still empty.
    func apply(to employer: Employer) {
        employer.name = posted[.name]
        employer.sector = posted[.sector]
        employer.place = posted[.place]
        employer.profile = ""
        employer.inclusion = ""
        employer.jobCarving = false
        employer.newJob = false
        employer.adjustments = ""
    }
}

/// An employer's own form: the details and the profile from the employer interview.
struct EmployerForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case name, sector, place, interviewedOn, profile, inclusion, adjustments, jobCarving, newJob
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// The form filled in from a stored employer.
    init(_ employer: Employer) {
        posted = PostedForm([
            .name: employer.name, .sector: employer.sector, .place: employer.place, .profile: employer.profile,
            .inclusion: employer.inclusion, .jobCarving: employer.jobCarving ? "yes" : "", .newJob: employer.newJob ? "yes" : "",
            .adjustments: employer.adjustments, .interviewedOn: employer.interviewedOn ?? "",
        ])
    }

    /// The one validation step: a name, a known place if any, the interview's date (not in the
    /// future), the length of the texts.
    mutating func validate(today: CalendarDate, places: PlaceCatalog) -> Bool {
        posted.checkbox(.jobCarving)
        posted.checkbox(.newJob)
        let name = posted.text(.name, missing: "employerNameMissing", maxLength: 200)
        posted.place(.place, in: places)
        let interviewed = posted.date(.interviewedOn, required: false)
        if let interviewed, interviewed > today { posted.problem(.interviewedOn, "cpdInFuture") }
        for field in [Field.profile, .inclusion, .adjustments] { posted.limit(field, to: 10_000) }
        return posted.problems.isEmpty && name != nil
    }

    /// Writes the form into the employer row.
    func apply(to employer: Employer) {
        employer.name = posted[.name]
        employer.sector = posted[.sector]
        employer.place = posted[.place]
        employer.profile = posted[.profile]
        employer.inclusion = posted[.inclusion]
        employer.jobCarving = posted.isChecked(.jobCarving)
        employer.newJob = posted.isChecked(.newJob)
        employer.adjustments = posted[.adjustments]
        employer.interviewedOn = CalendarDate(posted[.interviewedOn])?.description
    }
}

/// The form on an employer's page that adds a contact person.
struct EmployerContactForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case contactName, contactRole, contactEmail, contactPhone
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// The one validation step: a name, a plausible e-mail address if any, short phone and role.
    mutating func validate() -> Bool {
        let name = posted.text(.contactName, missing: "contactNameMissing", maxLength: 200)
        posted.email(.contactEmail)
        posted.limit(.contactPhone, to: 40)
        posted.limit(.contactRole, to: 200)
        return posted.problems.isEmpty && name != nil
    }

    /// Writes the form into a new contact row.
    func apply(to contact: EmployerContact) {
        contact.name = posted[.contactName]
        contact.role = posted[.contactRole]
        contact.email = posted[.contactEmail]
        contact.phone = posted[.contactPhone]
    }
}

/// The form that adds a commissioner to the agency.
struct CommissionerForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case name, kind, contactName, contactEmail, contactPhone
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// The one validation step: a name, a kind, a plausible e-mail address if any, short contact
    /// name and phone. The kind, or nil with the problems by field.
    mutating func validate() -> CommissionerKind? {
        let name = posted.text(.name, missing: "commissionerNameMissing", maxLength: 200)
        let kind = CommissionerKind(rawValue: posted[.kind])
        if kind == nil { posted.problem(.kind, "commissionerKindMissing") }
        posted.email(.contactEmail)
        posted.limit(.contactName, to: 200)
        posted.limit(.contactPhone, to: 40)
        guard posted.problems.isEmpty, name != nil else { return nil }
        return kind
    }

    /// Writes the form into a new commissioner row.
    func apply(to row: Commissioner, kind: CommissionerKind) {
        row.name = posted[.name]
        row.kind = kind.rawValue
        row.contactName = posted[.contactName]
        row.contactEmail = posted[.contactEmail]
        row.contactPhone = posted[.contactPhone]
    }
}
