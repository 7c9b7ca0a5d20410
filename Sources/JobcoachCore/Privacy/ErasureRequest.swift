import Foundation

/// Erasure on request (GDPR article 17) and restriction (article 18): the rules, apart from the
/// storage. A coach or team lead records the client's request after offering the export; a second
/// person who may see the client confirms it, and only then is everything erased. Until then the
/// request can be withdrawn.
public enum ErasureRequestStatus: String, Sendable, CaseIterable, Codable {
    case requested
    case erased
    case withdrawn
}

public enum ErasureRule {
    public enum Refusal: String, Sendable, Equatable {
        /// The export must be offered to the client before their data goes.
        case exportNotOffered
        /// The person who recorded the request cannot also confirm it.
        case sameAsRequester
        /// The request was erased or withdrawn already.
        case notPending
        /// A request for this client is open already.
        case alreadyRequested
        /// The day the client asked cannot lie in the future.
        case receivedInFuture
    }

    /// Whether a request may be recorded now.
    public static func recording(exportOffered: Bool, receivedOn: CalendarDate, today: CalendarDate, openRequest: Bool) -> Refusal? {
        if openRequest { return .alreadyRequested }
        if receivedOn > today { return .receivedInFuture }
        return exportOffered ? nil : .exportNotOffered
    }

    /// Whether `confirmer` may confirm (and so carry out) a request `requester` recorded.
    public static func confirmation<ID: Equatable>(status: ErasureRequestStatus, requester: ID, confirmer: ID) -> Refusal? {
        guard status == .requested else { return .notPending }
        return requester == confirmer ? .sameAsRequester : nil
    }

    /// Withdrawing is open to anyone who may see the client, while the request is pending.
    public static func withdrawal(status: ErasureRequestStatus) -> Refusal? {
        status == .requested ? nil : .notPending
    }

    /// A short reference that stands for the client afterwards (on the commissioner's statement, in
    /// the trail): `W-` and eight characters without look-alikes, from random bytes.
    public static func reference(from bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return "W-" + String(bytes.prefix(8).map { alphabet[Int($0) % alphabet.count] })
    }
}
