import Foundation
import JobcoachCore

/// Checks the practice's forms share, each on a form's own fields.
extension PostedForm {
    /// A text the form may leave empty, of at most `maxLength` characters.
    mutating func limit(_ field: Field, to maxLength: Int) {
        if self[field].count > maxLength { problem(field, "formTooLong") }
    }

    /// An e-mail address the form may leave empty.
    @discardableResult
    mutating func email(_ field: Field) -> String {
        let email = self[field]
        if !email.isEmpty, !(email.contains("@") && !email.contains(" ") && email.count <= 200) { problem(field, "clientEmailInvalid") }
        return email
    }

    /// The place of the catalogue named, when one is named.
    @discardableResult
    mutating func place(_ field: Field, in places: PlaceCatalog) -> Place? {
        let name = self[field]
        let place = places.place(typed: name)
        if !name.isEmpty, place == nil {
            let near = places.suggestions(for: String(name.prefix(3)), limit: 3).map(\.name)
            if near.isEmpty {
                problem(field, "practicePlaceUnknown")
            } else {
                problem(field, "practicePlaceUnknownLike", ["places": near.joined(separator: ", ")])
            }
        }
        return place
    }

    /// Hours a week from `min` to `max`: both or neither.
    mutating func hours(_ min: Field, _ max: Field) -> HoursRange? {
        let low = amount(min), high = amount(max)
        if (low == nil) != (high == nil) {
            problem(low == nil ? min : max, "profileHoursBoth")
            return nil
        }
        guard let low, let high else { return nil }
        let hours = HoursRange(min: low, max: high)
        if !hours.isValid { problem(min, "profileHoursRange") }
        return hours
    }

    /// The point of the coordinates given (a decimal comma read as a point), `otherwise` when none are.
    mutating func point(lat: Field, lon: Field, otherwise: GeoPoint?) -> GeoPoint? {
        let latText = self[lat].replacingOccurrences(of: ",", with: "."), lonText = self[lon].replacingOccurrences(of: ",", with: ".")
        guard !latText.isEmpty || !lonText.isEmpty else { return otherwise }
        if let latitude = Double(latText), let longitude = Double(lonText), GeoPoint(lat: latitude, lon: longitude).isValid {
            return GeoPoint(lat: latitude, lon: longitude)
        }
        problem(Double(latText) == nil ? lat : lon, "practiceCoordinatesInvalid")
        return otherwise
    }
}
