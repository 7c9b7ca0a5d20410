import Foundation

/// Places to pick a home or a workplace from: every place of 500 inhabitants or more in the
/// Netherlands, Belgium, the United Kingdom, Poland and the Nordic countries, from GeoNames
/// (`Resources/Places/places.tsv`, made by `scripts/extract-places.py`; centres rounded to 0.01°,
/// about a kilometre, which is as precise as a straight-line travel distance needs).
///
/// A name is unique in the catalog: where two countries have a place of the same name, the more
/// populous keeps it and the other is "Name (CC)". A place is found by that name, by its plain name,
/// or by an alternative name (the most populous first), compared without case or accents.
public struct PlaceCatalog: Sendable {
    public let places: [Place]
    private let byName: [String: Place]
    private let byOtherName: [String: Place]
    /// Folded names and alternative names with their place, sorted, for prefix search.
    private let searchIndex: [(key: String, place: Place)]
    /// Each country's places, the most populous first.
    private let byCountry: [String: [Place]]
    /// What a place field suggests (`suggestionShares`), made once.
    public let suggested: [Place]

    /// How many places of each country a place field suggests: the larger places of the countries
    /// the product serves, the Netherlands first. Any place can still be typed, and coordinates too.
    public static let suggestionShares = [("NL", 400), ("BE", 120), ("GB", 60), ("PL", 60), ("DK", 15), ("SE", 15), ("NO", 15),
                                          ("FI", 15), ("IS", 5)]

    public init(places: [Place]) {
        // The more populous place of a shared name keeps it.
        let ranked = places.sorted { ($0.population, $1.name) > ($1.population, $0.name) }
        var taken: Set<String> = []
        var unique: [Place] = []
        for place in ranked {
            var named = place
            if taken.contains(OccupationCatalog.fold(place.name)) {
                named.name = "\(place.name) (\(place.country))"
                named.alternativeNames = [place.name] + place.alternativeNames
            }
            taken.insert(OccupationCatalog.fold(named.name))
            unique.append(named)
        }
        self.places = unique.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        var byName: [String: Place] = [:]
        var byOtherName: [String: Place] = [:]
        var index: [(String, Place)] = []
        // `unique` is most populous first, so the first to claim a name keeps it.
        for place in unique {
            byName[OccupationCatalog.fold(place.name)] = place
            index.append((OccupationCatalog.fold(place.name), place))
            for other in place.alternativeNames {
                let key = OccupationCatalog.fold(other)
                if byOtherName[key] == nil { byOtherName[key] = place }
                index.append((key, place))
            }
        }
        self.byName = byName
        self.byOtherName = byOtherName
        self.searchIndex = index.sorted { $0.0 < $1.0 }
        let byCountry = Dictionary(grouping: unique, by: \.country)
        self.byCountry = byCountry
        self.suggested = Self.suggestionShares.flatMap { country, count in (byCountry[country] ?? []).prefix(count) }
    }

    /// The place of a name or an alternative name, compared without case or accents.
    public func place(named name: String) -> Place? {
        let key = OccupationCatalog.fold(name.trimmingCharacters(in: .whitespaces))
        return byName[key] ?? byOtherName[key]
    }

    /// Places whose name or an alternative name starts with the text, the most populous first.
    public func suggestions(for text: String, limit: Int = 10) -> [Place] {
        let key = OccupationCatalog.fold(text.trimmingCharacters(in: .whitespaces))
        guard !key.isEmpty else { return [] }
        var low = 0, high = searchIndex.count
        while low < high {
            let middle = (low + high) / 2
            if searchIndex[middle].key < key { low = middle + 1 } else { high = middle }
        }
        var found: [String: Place] = [:]
        var position = low
        while position < searchIndex.count, searchIndex[position].key.hasPrefix(key) {
            found[searchIndex[position].place.name] = searchIndex[position].place
            position += 1
        }
        return found.values.sorted { ($0.population, $1.name) > ($1.population, $0.name) }.prefix(limit).map { $0 }
    }

    /// Places of one country, the most populous first.
    public func places(in country: String, limit: Int) -> [Place] {
        Array((byCountry[country] ?? []).prefix(limit))
    }

    /// The place nearest to a point (straight line), for coordinates typed instead of a name.
    public func nearest(to point: GeoPoint) -> Place? {
        places.min { $0.point.kilometres(to: point) < $1.point.kilometres(to: point) }
    }

    /// A place for what was typed in a place field: a name of the catalog, or coordinates, which keep
    /// their own point under the name of the nearest place.
    public func place(typed text: String) -> Place? {
        if let point = Self.coordinates(in: text) {
            guard var near = nearest(to: point) else { return nil }
            near.point = point
            return near
        }
        return place(named: text)
    }

    /// Coordinates typed as "52.09, 5.12" (decimal degrees, latitude first), or nil.
    public static func coordinates(in text: String) -> GeoPoint? {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).filter { !$0.isEmpty }
        guard parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]) else { return nil }
        let point = GeoPoint(lat: lat, lon: lon)
        return point.isValid ? point : nil
    }

    static let header = "name\tcountry\tlat\tlon\tpopulation\talternativeNames"

    public static func load(tsv: String, file: String) throws -> PlaceCatalog {
        var places: [Place] = []
        var issues: [FrameworkDataIssue] = []
        let lines = tsv.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map(String.init)?.trimmingCharacters(in: .whitespaces) == header else {
            throw FrameworkDataError(issues: [FrameworkDataIssue(file: file, line: 1, message: "expected the header '\(header)'")])
        }
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6, !fields[0].isEmpty, fields[1].count == 2, let lat = Double(fields[2]), let lon = Double(fields[3]),
                  let population = Int(fields[4]), GeoPoint(lat: lat, lon: lon).isValid else {
                issues.append(FrameworkDataIssue(file: file, line: index + 1,
                                                 message: "expected a name, a country code, a latitude, a longitude, a population and alternative names separated by tabs"))
                continue
            }
            places.append(Place(name: fields[0], point: GeoPoint(lat: lat, lon: lon), country: fields[1], population: population,
                                alternativeNames: fields[5].split(separator: "|").map(String.init)))
        }
        if !issues.isEmpty { throw FrameworkDataError(issues: issues) }
        return PlaceCatalog(places: places)
    }

    public static var bundledURL: URL { ProfessionalStandard.resourceDirectory.appendingPathComponent("Places/places.tsv") }

    public static func loadBundled() throws -> PlaceCatalog {
        try load(tsv: String(contentsOf: bundledURL, encoding: .utf8), file: "Places/places.tsv")
    }
}
