/// A town with the approximate coordinates of its centre, for travel distances when no exact
/// location is known.
public struct Place: Hashable, Sendable {
    public var name: String
    public var point: GeoPoint
}
