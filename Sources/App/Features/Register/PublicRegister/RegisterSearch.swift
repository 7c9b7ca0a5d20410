import Fluent
import Foundation
import JobcoachCore
import SQLKit

/// The public register's search: every query word must be the beginning of one of a certificate's
/// search terms. Prefixes are matched with `term >= word AND term < next(word)` so that B-tree indexes
/// serve them on SQLite and PostgreSQL alike (measured: docs/ARCHITECTURE.md, scripts/benchmark-register).
enum RegisterSearch {
    /// The terms a certificate is found under.
    static func terms(name: String, place: String, registrationNumber: String) -> [String] {
        let number = OccupationCatalog.fold(registrationNumber)
        var words = Set(OccupationCatalog.fold(name + " " + place).split(separator: " ").map(String.init))
        words.insert(number)
        words.formUnion(number.split(separator: "-").map(String.init))
        return words.filter { !$0.isEmpty }.sorted()
    }

    /// The smallest string greater than every string that starts with `prefix`.
    static func upperBound(_ prefix: String) -> String {
        var scalars = Array(prefix.unicodeScalars)
        while let last = scalars.popLast() {
            if let next = Unicode.Scalar(last.value + 1) {
                return String(String.UnicodeScalarView(scalars + [next]))
            }
        }
        return String(Unicode.Scalar(0x10FFFF)!)
    }

    static func addTerms(for certificate: Certificate, on database: any Database) async throws {
        let id = try certificate.requireID()
        for term in terms(name: certificate.holderName, place: certificate.place, registrationNumber: certificate.registrationNumber) {
            try await RegisterSearchTerm(certificateID: id, term: term).create(on: database)
        }
    }

    /// Valid or suspended certificates matching every word, by name.
    static func search(_ text: String, limit: Int, on database: any Database, at moment: Date) async throws -> [Certificate] {
        let words = Array(Set(OccupationCatalog.fold(text).split(separator: " ").map(String.init))).sorted().prefix(5)
        guard !words.isEmpty, let sql = database as? any SQLDatabase else { return [] }
        // The longest word (the most selective prefix) drives the search through the term index; the
        // other words are checked per candidate through the (certificate, term) index.
        let ordered = words.sorted { ($0.count, $0) > ($1.count, $1) }
        var query = SQLQueryString("SELECT DISTINCT c.id, c.holder_name, c.registration_number FROM register_search_terms t ")
        query.appendInterpolation(unsafeRaw: "JOIN certificates c ON c.id = t.certificate_id WHERE t.term >= ")
        query.appendInterpolation(bind: ordered[0])
        query.appendInterpolation(unsafeRaw: " AND t.term < ")
        query.appendInterpolation(bind: upperBound(ordered[0]))
        for word in ordered.dropFirst() {
            query.appendInterpolation(unsafeRaw: " AND EXISTS (SELECT 1 FROM register_search_terms o WHERE o.certificate_id = c.id AND o.term >= ")
            query.appendInterpolation(bind: word)
            query.appendInterpolation(unsafeRaw: " AND o.term < ")
            query.appendInterpolation(bind: upperBound(word))
            query.appendInterpolation(unsafeRaw: ")")
        }
        query.appendInterpolation(unsafeRaw: " AND c.standing IN ('active', 'suspended') AND c.valid_from <= ")
        query.appendInterpolation(bind: moment)
        query.appendInterpolation(unsafeRaw: " AND c.valid_until > ")
        query.appendInterpolation(bind: moment)
        query.appendInterpolation(unsafeRaw: " ORDER BY c.holder_name, c.registration_number LIMIT \(limit)")
        let ids = try await sql.raw(query).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        let found = try await Certificate.query(on: database).filter(\.$id ~~ ids).all()
        let order = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        return found.sorted { order[$0.id!, default: 0] < order[$1.id!, default: 0] }
    }
}
