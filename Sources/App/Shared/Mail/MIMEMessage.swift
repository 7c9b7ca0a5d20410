import Foundation

/// A mail as it goes over the wire (RFC 5322 with MIME): plain text and simple HTML as two
/// alternatives, both UTF-8 in base64 lines of 76 characters, and a subject in an encoded word when
/// it is not plain ASCII.
struct MIMEMessage: Sendable {
    var from: String
    var fromName: String
    var to: String
    var subject: String
    var text: String
    var html: String
    var date: Date
    var messageID: String

    var rendered: String {
        let boundary = "jobcoach-" + messageID.filter { $0.isLetter || $0.isNumber }
        let headers = [
            "From: \(Self.encodedWord(fromName)) <\(from)>",
            "To: <\(to)>",
            "Subject: \(Self.encodedWord(subject))",
            "Date: \(Self.headerDate(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
        ]
        func part(_ type: String, _ body: String) -> String {
            "--\(boundary)\r\nContent-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Self.base64Lines(body) + "\r\n"
        }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + part("text/plain", text) + part("text/html", html) + "--\(boundary)--"
    }

    static func encodedWord(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isASCII && !$0.isNewline } && !text.contains("=?")
        return plain ? text : "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    static func base64Lines(_ text: String) -> String {
        let encoded = Data(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
            .base64EncodedString()
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            return String(encoded[from..<(encoded.index(from, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex)])
        }.joined(separator: "\r\n")
    }

    /// "Wed, 02 Dec 2026 14:30:00 +0000".
    static func headerDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(days[(parts.weekday ?? 1) - 1]), \(two(parts.day)) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }
}
