/// A kind of permanent education (training, intervision, literature...), as a framework's data names it.
public struct CPDCategory: Hashable, Codable, Sendable {
    public var id: String
    public var title: LocalizedText
}
