import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// A refusal or failure while sending. A reply code of 500 or more is permanent: sending again will
/// not help (an unknown recipient, a message refused).
struct SMTPError: Error, CustomStringConvertible, Sendable {
    var code: Int?
    var message: String

    var isPermanent: Bool { (code ?? 0) >= 500 }
    var description: String { code.map { "\($0) \(message)" } ?? message }
}

/// One reply of the server: its code and the text of each line.
struct SMTPReply: Sendable {
    var code: Int
    var lines: [String]

    /// Whether EHLO named this extension ("STARTTLS", "AUTH PLAIN LOGIN").
    func offers(_ keyword: String) -> Bool {
        lines.contains { $0.uppercased() == keyword || $0.uppercased().hasPrefix(keyword + " ") }
    }

    func offersAuth(_ mechanism: String) -> Bool {
        lines.contains { line in
            let words = line.uppercased().split(separator: " ")
            return words.first == "AUTH" && words.contains(Substring(mechanism))
        }
    }
}

/// Collects the server's lines into replies ("250-…" lines continue, "250 …" ends one).
private final class SMTPReplyDecoder: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    let replies: AsyncThrowingStream<SMTPReply, any Error>.Continuation
    private let state = NIOLockedValueBox((bytes: [UInt8](), lines: [String]()))

    init(replies: AsyncThrowingStream<SMTPReply, any Error>.Continuation) {
        self.replies = replies
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        let finished: [SMTPReply] = state.withLockedValue { state in
            state.bytes.append(contentsOf: buffer.readableBytesView)
            var replies: [SMTPReply] = []
            while let end = state.bytes.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(state.bytes[..<end])
                state.bytes.removeSubrange(...end)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                let text = String(decoding: line, as: UTF8.self)
                let more = line.count > 3 && line[3] == UInt8(ascii: "-")
                state.lines.append(line.count > 4 ? String(text.dropFirst(4)) : "")
                if !more {
                    replies.append(SMTPReply(code: Int(text.prefix(3)) ?? 0, lines: state.lines))
                    state.lines = []
                }
            }
            return replies
        }
        for reply in finished { replies.yield(reply) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        replies.finish(throwing: SMTPError(message: "the mail server closed the connection"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        replies.finish(throwing: error)
        context.close(promise: nil)
    }
}

/// Sends one message per connection over SMTP (RFC 5321): EHLO, STARTTLS when offered (or TLS from
/// the start for smtps), AUTH PLAIN or LOGIN when a user is set, then MAIL, RCPT and DATA. A password
/// is never sent over a connection without TLS, except to the same machine.
struct SMTPClient: Sendable {
    let settings: SMTPSettings
    let group: any EventLoopGroup
    /// The name this side gives in EHLO.
    let clientName: String
    var timeout: TimeAmount = .seconds(60)

    func send(from sender: String, to recipient: String, message: String) async throws {
        let tls = try makeTLSContext()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await session(from: sender, to: recipient, message: message, tls: tls) }
            tasks.addTask {
                try await Task.sleep(nanoseconds: UInt64(timeout.nanoseconds))
                throw SMTPError(message: "no answer from the mail server within \(timeout.nanoseconds / 1_000_000_000) seconds")
            }
            defer { tasks.cancelAll() }
            try await tasks.next()
        }
    }

    private func makeTLSContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let file = settings.trustedCertificatesFile {
            configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(file))
        }
        return try NIOSSLContext(configuration: configuration)
    }

    /// The name TLS checks the certificate against; none for an address given as digits.
    private var serverHostname: String? {
        settings.host.contains(":") || settings.host.allSatisfy({ $0.isNumber || $0 == "." }) ? nil : settings.host
    }

    private var isLoopback: Bool { ["localhost", "127.0.0.1", "::1"].contains(settings.host.lowercased()) }

    private func session(from sender: String, to recipient: String, message: String, tls: NIOSSLContext) async throws {
        let (replies, continuation) = AsyncThrowingStream<SMTPReply, any Error>.makeStream()
        let implicitTLS = settings.security == .implicitTLS
        let hostname = serverHostname
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: hostname))
                    }
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyDecoder(replies: continuation))
                }
            }
            .connect(host: settings.host, port: settings.port).get()
        defer { channel.close(promise: nil) }
        var iterator = replies.makeAsyncIterator()

        func reply(expecting codes: ClosedRange<Int>, after what: String) async throws -> SMTPReply {
            guard let reply = try await iterator.next() else { throw SMTPError(message: "the mail server closed the connection") }
            guard codes.contains(reply.code) else {
                throw SMTPError(code: reply.code, message: "\(what): \(reply.lines.joined(separator: " "))")
            }
            return reply
        }
        func command(_ line: String, expecting codes: ClosedRange<Int>, shown: String? = nil) async throws -> SMTPReply {
            try await channel.writeAndFlush(ByteBuffer(string: line + "\r\n"))
            return try await reply(expecting: codes, after: shown ?? line)
        }

        _ = try await reply(expecting: 220...220, after: "greeting")
        var encrypted = implicitTLS
        var capabilities = try await command("EHLO \(clientName)", expecting: 250...250)
        if !encrypted, capabilities.offers("STARTTLS") {
            _ = try await command("STARTTLS", expecting: 220...220)
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: hostname), position: .first)
            }.get()
            encrypted = true
            capabilities = try await command("EHLO \(clientName)", expecting: 250...250)
        }
        if let username = settings.username {
            guard encrypted || isLoopback else {
                throw SMTPError(code: 530, message: "the mail server offers no STARTTLS, and the password is not sent unencrypted")
            }
            let password = settings.password ?? ""
            if capabilities.offersAuth("PLAIN") {
                let token = Data("\u{0}\(username)\u{0}\(password)".utf8).base64EncodedString()
                _ = try await command("AUTH PLAIN \(token)", expecting: 235...235, shown: "AUTH PLAIN")
            } else if capabilities.offersAuth("LOGIN") {
                _ = try await command("AUTH LOGIN", expecting: 334...334)
                _ = try await command(Data(username.utf8).base64EncodedString(), expecting: 334...334, shown: "AUTH LOGIN user")
                _ = try await command(Data(password.utf8).base64EncodedString(), expecting: 235...235, shown: "AUTH LOGIN password")
            } else {
                throw SMTPError(code: 504, message: "the mail server offers neither AUTH PLAIN nor AUTH LOGIN")
            }
        }
        _ = try await command("MAIL FROM:<\(sender)>", expecting: 250...250)
        _ = try await command("RCPT TO:<\(recipient)>", expecting: 250...251)
        _ = try await command("DATA", expecting: 354...354)
        try await channel.writeAndFlush(ByteBuffer(string: Self.dotStuffed(message) + "\r\n.\r\n"))
        _ = try await reply(expecting: 250...250, after: "the message")
        _ = try? await command("QUIT", expecting: 221...221)
    }

    /// A line that starts with a dot gets a second one, so that it cannot end the message early.
    static func dotStuffed(_ message: String) -> String {
        message.components(separatedBy: "\r\n").map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n")
    }
}
