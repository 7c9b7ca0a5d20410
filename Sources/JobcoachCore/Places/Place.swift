/// A town with the approximate coordinates of its centre, for travel distances when no exact
/// location is known.
public struct Place: Hashable, Sendable {
    /// The name a form shows and a record keeps: unique in the catalog.
    public var name: String
    public var point: GeoPoint
    /// ISO 3166 alpha-2.
    public var country: String
    public var population: Int
    /// Other names to find it by (other languages, older spellings).
    public var alternativeNames: [String]

    public init(name: String, point: GeoPoint, country: String = "NL", population: Int = 0, alternativeNames: [String] = []) {
        self.name = name
        self.point = point
        self.country = country
        self.population = population
        self.alternativeNames = alternativeNames
    }
}
