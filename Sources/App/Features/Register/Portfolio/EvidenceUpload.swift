import Foundation
import Vapor

/// Checks an uploaded evidence file: a PDF, JPEG or PNG of at most 10 MB, recognised by its first
/// bytes rather than its name.
enum EvidenceUpload {
    static let maximumBytes = 10 * 1024 * 1024

    /// The file's type, or the key of the message saying why it cannot be kept.
    static func contentType(of data: Data) -> Result<String, FormProblemKey> {
        guard !data.isEmpty else { return .failure(FormProblemKey("evidenceEmpty")) }
        guard data.count <= maximumBytes else { return .failure(FormProblemKey("evidenceTooLarge")) }
        let bytes = [UInt8](data.prefix(8))
        if bytes.starts(with: Array("%PDF".utf8)) { return .success("application/pdf") }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .success("image/jpeg") }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .success("image/png") }
        return .failure(FormProblemKey("evidenceType"))
    }

    /// A file name safe to send back in a header.
    static func safeName(_ name: String) -> String {
        let cleaned = name.split(separator: "/").last.map(String.init) ?? "evidence"
        let allowed = cleaned.filter { $0.isLetter || $0.isNumber || "._- ".contains($0) }
        return allowed.isEmpty ? "evidence" : String(allowed.prefix(100))
    }
}

/// A message key, as an error value.
struct FormProblemKey: Error, Equatable {
    var key: String
    init(_ key: String) { self.key = key }
}
