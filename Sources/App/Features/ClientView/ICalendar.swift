import Foundation

/// An iCalendar file (RFC 5545) of appointments: UTC times, escaped text, CRLF lines folded at 75
/// octets, so every calendar program reads it.
struct ICalendar {
    struct Event {
        var uid: String
        var start: Date
        var minutes: Int
        var summary: String
        var location: String
        var description: String
    }

    var name: String
    var events: [Event]
    var stamp: Date

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a character.
    static func fold(_ line: String) -> String {
        var result = "", current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                result += current + "\r\n "
                current = ""
                octets = 1
            }
            current.append(character)
            octets += size
        }
        return result + current
    }

    var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Jobcoach//Appointments//NL", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:\(Self.escape(name))"]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:\(event.uid)", "DTSTAMP:\(Self.time(stamp))", "DTSTART:\(Self.time(event.start))",
                      "DTEND:\(Self.time(event.start.addingTimeInterval(Double(event.minutes) * 60)))",
                      "SUMMARY:\(Self.escape(event.summary))", "LOCATION:\(Self.escape(event.location))",
                      "DESCRIPTION:\(Self.escape(event.description))", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }
}
