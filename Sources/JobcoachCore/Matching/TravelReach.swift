import Foundation

/// A client's home and maximum travel distance, prepared once per ranking: the cosine of the home's
/// latitude is worked out once, and a workplace further away in latitude alone than the client will
/// travel is known to be out of reach without any trigonometry (most of a country's workplaces).
struct TravelReach: Sendable {
    let home: GeoPoint?
    let maximumKm: Double?
    private let cosHomeLatitude: Double
    private let latitudeLimit: Double

    private static let radians = Double.pi / 180
    private static let earthRadiusKm = 6_371.0

    init(_ candidate: MatchCandidate) {
        home = candidate.home
        maximumKm = candidate.maxTravelKm
        cosHomeLatitude = candidate.home.map { cos($0.lat * Self.radians) } ?? 0
        // The great-circle distance is at least the earth's radius times the latitude difference.
        latitudeLimit = candidate.maxTravelKm.map { $0 / Self.earthRadiusKm / Self.radians * (1 + 1e-9) + 1e-9 } ?? .infinity
    }

    var isKnown: Bool { home != nil }

    /// The distance to a location, or nil when the home is unknown or the location is out of reach
    /// by latitude alone. The same formula as `GeoPoint.kilometres(to:)`, so the figures agree.
    func kilometres(to location: GeoPoint) -> Double? {
        guard let home, abs(location.lat - home.lat) <= latitudeLimit else { return nil }
        let dLat = (location.lat - home.lat) * Self.radians
        let dLon = (location.lon - home.lon) * Self.radians
        let a = sin(dLat / 2) * sin(dLat / 2) + cosHomeLatitude * cos(location.lat * Self.radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * Self.earthRadiusKm * asin(min(1, a.squareRoot()))
    }
}
