import Foundation
import Testing
@testable import JobcoachCore

@Suite struct TwoFactorTests {
    /// RFC 6238 appendix B: the seeds are "12345678901234567890" repeated to the hash's length.
    static let seeds: [TOTP.Algorithm: String] = [
        .sha1: "12345678901234567890",
        .sha256: "12345678901234567890123456789012",
        .sha512: "1234567890123456789012345678901234567890123456789012345678901234",
    ]

    @Test(arguments: [
        (59, "94287082", "46119246", "90693936"),
        (1_111_111_109, "07081804", "68084774", "25091201"),
        (1_111_111_111, "14050471", "67062674", "99943326"),
        (1_234_567_890, "89005924", "91819424", "93441116"),
        (2_000_000_000, "69279037", "90698825", "38618901"),
        (20_000_000_000, "65353130", "77737706", "47863826"),
    ] as [(Int, String, String, String)])
    func theRFC6238TestVectors(_ seconds: Int, _ sha1: String, _ sha256: String, _ sha512: String) {
        let time = Date(timeIntervalSince1970: TimeInterval(seconds))
        for (algorithm, expected) in [(TOTP.Algorithm.sha1, sha1), (.sha256, sha256), (.sha512, sha512)] {
            let totp = TOTP(secret: Array(Self.seeds[algorithm]!.utf8), digits: 8, algorithm: algorithm)
            #expect(totp.code(at: time) == expected, "\(algorithm) at \(seconds)")
        }
    }

    @Test func aCodeWorksOneStepEitherSideAndOnce() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        let now = Date(timeIntervalSince1970: 1_111_111_111)
        let step = totp.step(at: now)
        #expect(totp.code(at: now) == "050471", "the RFC's SHA-1 value, last six digits")
        #expect(totp.matchingStep(totp.code(step: step - 1), at: now) == step - 1)
        #expect(totp.matchingStep(totp.code(step: step + 1), at: now) == step + 1)
        #expect(totp.matchingStep(totp.code(step: step - 2), at: now) == nil, "two steps away is too far")
        #expect(totp.matchingStep("050 471", at: now) == step, "spaces are ignored")
        #expect(totp.matchingStep("050471", at: now, usedUpTo: step) == nil, "a used code does not work again")
        #expect(totp.matchingStep("05047", at: now) == nil && totp.matchingStep("o50471", at: now) == nil)
    }

    @Test func base32RoundTripsAndReadsWhatPeopleCopy() {
        // RFC 4648 section 10.
        #expect(Base32.encode(Array("foobar".utf8)) == "MZXW6YTBOI")
        #expect(Base32.decode("mzxw 6ytb oi======") == Array("foobar".utf8))
        #expect(Base32.decode("MZXW1") == nil, "1 is not in the alphabet")
        let secret: [UInt8] = (0..<20).map { UInt8($0 * 13 % 256) }
        #expect(Base32.decode(Base32.encode(secret)) == secret)
    }

    @Test func theProvisioningAddressNamesIssuerAccountAndSecret() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        #expect(totp.provisioningURI(issuer: "Jobcoach", account: "jamila@example.org")
            == "otpauth://totp/Jobcoach:jamila@example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Jobcoach&algorithm=SHA1&digits=6&period=30")
    }

    @Test func recoveryCodesAreTenCharactersInTwoGroups() {
        let code = RecoveryCodes.code(from: [0xDE, 0xAD, 0xBE, 0xEF, 0x01, 0x02, 0x03])
        #expect(code.count == 11 && code.split(separator: "-").map(\.count) == [5, 5])
        #expect(RecoveryCodes.normalized(" \(code.uppercased()) ") == code.replacingOccurrences(of: "-", with: ""))
    }

    @Test func theQRCodeHasTheStandardsStructure() throws {
        // The format bits of level M with mask 0, and version 7's version bits, as the standard lists them.
        #expect(Grid.formatBits(mask: 0) == 0b101010000010010)
        // Reed-Solomon: the generator polynomial of degree 2 is x^2 + 3x + 2.
        #expect(ReedSolomon.divisor(degree: 2) == [3, 2])
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        let uri = totp.provisioningURI(issuer: "Jobcoach", account: "jamila@example.org")
        let code = try QRCode(uri)
        #expect(code.version == 8 && code.size == 49, "124 bytes need version 8 at level M, with its version bits and two block sizes")
        // Finder patterns in three corners, timing between them.
        for (x, y) in [(0, 0), (code.size - 7, 0), (0, code.size - 7)] {
            #expect(code.modules[y][x] && code.modules[y + 6][x + 6] && !code.modules[y + 1][x + 1] && code.modules[y + 3][x + 3])
        }
        #expect((8..<(code.size - 8)).allSatisfy { code.modules[6][$0] == ($0 % 2 == 0) })
        #expect(code.modules[code.size - 8][8], "the dark module")
        #expect(code.svg(title: "QR").hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 57 57\""))
        #expect(throws: QRCode.EncodingError.tooLong(bytes: 300)) { try QRCode(String(repeating: "x", count: 300)) }
    }
}
