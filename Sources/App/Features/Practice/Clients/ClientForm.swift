import Foundation
import JobcoachCore

/// Reads the new-client form: who the client is, who pays, which coach.
struct ClientForm {
    var name: String
    var dateOfBirth: CalendarDate?
    var email: String
    var phone: String
    var place: String
    var commissionerID: UUID?
    var coachID: UUID?

    /// Checks the fields; problems are kept in `form`.
    static func read(_ form: inout FormFields, today: CalendarDate, places: PlaceCatalog) -> ClientForm? {
        let name = form.text("name", missing: "clientNameMissing", maxLength: 200)
        let dateOfBirth = form.date("dateOfBirth", required: false)
        if let dateOfBirth, dateOfBirth >= today { form.problem("dateOfBirth", "clientBirthInFuture") }
        let email = form.value("email")
        if !email.isEmpty, !(email.contains("@") && email.count <= 200 && !email.contains(" ")) { form.problem("email", "clientEmailInvalid") }
        let phone = form.value("phone")
        if phone.count > 40 { form.problem("phone", "formTooLong") }
        let place = form.value("place")
        if !place.isEmpty, places.place(named: place) == nil { form.problem("place", "practicePlaceUnknown") }
        let commissioner = form.value("commissioner")
        let commissionerID = commissioner.isEmpty ? nil : UUID(uuidString: commissioner)
        if !commissioner.isEmpty, commissionerID == nil { form.problem("commissioner", "clientCommissionerUnknown") }
        let coach = form.value("coach")
        let coachID = coach.isEmpty ? nil : UUID(uuidString: coach)
        if !coach.isEmpty, coachID == nil { form.problem("coach", "clientCoachUnknown") }
        guard let name else { return nil }
        return ClientForm(name: name, dateOfBirth: dateOfBirth, email: email, phone: phone,
                          place: places.place(named: place)?.name ?? "", commissionerID: commissionerID, coachID: coachID)
    }
}
