import Foundation

/// Which hash chain an audit entry belongs to. Each organisation (an agency, a training provider)
/// has a chain of its own, and so do the register and the administration (accounts, organisations,
/// keys, mail); `installation` is the single chain the trail had before chains were split, kept as
/// it was written. Appends to different chains never wait on each other.
public struct AuditChainID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public static let installation = AuditChainID(unchecked: "installation")
    public static let register = AuditChainID(unchecked: "register")
    public static let administration = AuditChainID(unchecked: "administration")

    public static func organisation(_ id: UUID) -> AuditChainID {
        AuditChainID(unchecked: "organisation:" + id.uuidString)
    }

    private init(unchecked rawValue: String) {
        self.rawValue = rawValue
    }

    /// `installation`, `register`, `administration` or `organisation:<uuid>`; nil for anything else.
    public init?(_ text: String) {
        if [Self.installation, .register, .administration].contains(where: { $0.rawValue == text }) {
            self.init(unchecked: text)
        } else if text.hasPrefix("organisation:"), let id = UUID(uuidString: String(text.dropFirst("organisation:".count))) {
            self = .organisation(id)
        } else {
            return nil
        }
    }

    public var organisationID: UUID? {
        rawValue.hasPrefix("organisation:") ? UUID(uuidString: String(rawValue.dropFirst("organisation:".count))) : nil
    }

    /// The first chain's entries were hashed before entries named their chain; they keep that hash.
    var hashesItsName: Bool { self != .installation }

    public var description: String { rawValue }

    public static func < (lhs: AuditChainID, rhs: AuditChainID) -> Bool { lhs.rawValue < rhs.rawValue }
}
