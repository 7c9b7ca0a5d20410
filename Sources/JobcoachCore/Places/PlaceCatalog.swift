import Foundation

/// Towns to pick a home or a workplace from (`Resources/Places/nl.tsv`: town centres rounded to
/// 0.01°, about a kilometre, which is as precise as a straight-line travel distance needs).
public struct PlaceCatalog: Sendable {
    public let places: [Place]
    private let byName: [String: Place]

    public init(places: [Place]) {
        self.places = places.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        self.byName = Dictionary(places.map { (OccupationCatalog.fold($0.name), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The place of a name, compared without case or accents.
    public func place(named name: String) -> Place? {
        byName[OccupationCatalog.fold(name)]
    }

    public static func load(tsv: String, file: String) throws -> PlaceCatalog {
        var places: [Place] = []
        var issues: [FrameworkDataIssue] = []
        for (index, line) in tsv.split(separator: "\n").enumerated().dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, let lat = Double(fields[1]), let lon = Double(fields[2]),
                  !fields[0].isEmpty, GeoPoint(lat: lat, lon: lon).isValid else {
                issues.append(FrameworkDataIssue(file: file, line: index + 1, message: "expected a name, a latitude and a longitude separated by tabs"))
                continue
            }
            places.append(Place(name: fields[0], point: GeoPoint(lat: lat, lon: lon)))
        }
        if !issues.isEmpty { throw FrameworkDataError(issues: issues) }
        return PlaceCatalog(places: places)
    }

    public static func loadBundled() throws -> PlaceCatalog {
        let url = ProfessionalStandard.resourceDirectory.appendingPathComponent("Places/nl.tsv")
        return try load(tsv: String(contentsOf: url, encoding: .utf8), file: "Places/nl.tsv")
    }
}
