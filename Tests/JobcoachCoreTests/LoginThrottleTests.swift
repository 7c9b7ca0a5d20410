import Foundation
import JobcoachCore
import Testing

@Suite struct LoginThrottleTests {
    let policy = LoginThrottlePolicy()
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func failures(_ count: Int, email: String = "coach@example.org", address: String = "192.0.2.1", from offset: TimeInterval = 0) -> [LoginFailure] {
        (0..<count).map { LoginFailure(email: email, address: address, at: start.addingTimeInterval(offset + Double($0))) }
    }

    @Test func fiveFailuresLockTheAccountFromThatAddressOnly() {
        let four = failures(4)
        let now = start.addingTimeInterval(10)
        #expect(policy.verdict(email: "coach@example.org", address: "192.0.2.1", at: now, failures: four) == .proceed(delay: 0))
        let five = failures(5)
        // Locked until the first of the five leaves the 15-minute window.
        #expect(policy.verdict(email: "coach@example.org", address: "192.0.2.1", at: now, failures: five) == .locked(retryAfter: 890))
        // The owner elsewhere signs in at once.
        #expect(policy.verdict(email: "coach@example.org", address: "198.51.100.7", at: now, failures: five) == .proceed(delay: 0))
        // Another account from the same address is not locked either.
        #expect(policy.verdict(email: "lead@example.org", address: "192.0.2.1", at: now, failures: five) == .proceed(delay: 0))
    }

    @Test func theLockEndsWhenTheWindowHasPassed() {
        let five = failures(5)
        let lastLockedSecond = start.addingTimeInterval(15 * 60 - 1)
        #expect(policy.verdict(email: "coach@example.org", address: "192.0.2.1", at: lastLockedSecond, failures: five) == .locked(retryAfter: 1))
        let free = start.addingTimeInterval(15 * 60)
        #expect(policy.verdict(email: "coach@example.org", address: "192.0.2.1", at: free, failures: five) == .proceed(delay: 0))
    }

    @Test func anAddressTryingManyAccountsIsSlowedNotBlocked() {
        let scan = (0..<19).map { LoginFailure(email: "user\($0)@example.org", address: "203.0.113.9", at: start.addingTimeInterval(Double($0))) }
        let now = start.addingTimeInterval(60)
        #expect(policy.verdict(email: "coach@example.org", address: "203.0.113.9", at: now, failures: scan) == .proceed(delay: 0))
        let twenty = scan + [LoginFailure(email: "user19@example.org", address: "203.0.113.9", at: start.addingTimeInterval(19))]
        #expect(policy.verdict(email: "coach@example.org", address: "203.0.113.9", at: now, failures: twenty) == .proceed(delay: 0.5))
        let many = (0..<200).map { LoginFailure(email: "user\($0)@example.org", address: "203.0.113.9", at: start.addingTimeInterval(Double($0))) }
        #expect(policy.verdict(email: "coach@example.org", address: "203.0.113.9", at: start.addingTimeInterval(300), failures: many) == .proceed(delay: 5))
    }

    @Test func anOfficeWhereFewPeopleMistypeIsNotSlowed() {
        // 40 failures behind one address, but of 4 accounts (each below its own lock): not a scan.
        let office = (0..<40).map { LoginFailure(email: "user\($0 % 4)@example.org", address: "198.51.100.1", at: start.addingTimeInterval(Double($0))) }
        #expect(policy.verdict(email: "coach@example.org", address: "198.51.100.1", at: start.addingTimeInterval(60), failures: office) == .proceed(delay: 0))
    }

    @Test func anAccountGuessedFromManyAddressesIsSlowed() {
        let spread = (0..<10).map { LoginFailure(email: "coach@example.org", address: "192.0.2.\($0)", at: start.addingTimeInterval(Double($0))) }
        let verdict = policy.verdict(email: "coach@example.org", address: "198.51.100.7", at: start.addingTimeInterval(30), failures: spread)
        #expect(verdict == .proceed(delay: 0.5))
    }

    @Test func eachThrottleIsLoggedOnceWhenItBegins() {
        let five = failures(5)
        #expect(policy.onsets(of: five[3], failures: Array(five.prefix(4))) == [])
        #expect(policy.onsets(of: five[4], failures: five) == [.pairLocked])
        let scan = (0..<20).map { LoginFailure(email: "user\($0)@example.org", address: "203.0.113.9", at: start.addingTimeInterval(Double($0))) }
        #expect(policy.onsets(of: scan[19], failures: scan) == [.addressSlowed])
        // A further failure of an account already counted does not start it again.
        let again = scan + [LoginFailure(email: "user19@example.org", address: "203.0.113.9", at: start.addingTimeInterval(30))]
        #expect(policy.onsets(of: again[20], failures: again) == [])
        let spread = (0..<10).map { LoginFailure(email: "coach@example.org", address: "192.0.2.\($0)", at: start.addingTimeInterval(Double($0))) }
        #expect(policy.onsets(of: spread[9], failures: spread) == [.accountSlowed])
    }

    @Test func onlyATrustedProxyNamesTheClient() {
        #expect(ClientAddress.resolve(peer: "192.0.2.1", forwardedFor: "203.0.113.5", trustedProxies: []) == "192.0.2.1")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: "203.0.113.5", trustedProxies: ["10.0.0.2"]) == "203.0.113.5")
        // A client's own forged entry is left of the one the proxy adds.
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: "198.51.100.1, 203.0.113.5", trustedProxies: ["10.0.0.2"]) == "203.0.113.5")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: "203.0.113.5, 10.0.0.3", trustedProxies: ["10.0.0.2", "10.0.0.3"]) == "203.0.113.5")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: nil, trustedProxies: ["10.0.0.2"]) == "10.0.0.2")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: String(repeating: "9", count: 500), trustedProxies: ["10.0.0.2"]).count == 64)
    }
}

@Suite struct DeviceDescriptionTests {
    @Test(arguments: [
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge", "Windows"),
        ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome", "Linux"),
        ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", "Chromium", "Linux"),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox", "macOS"),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari", "iOS"),
        ("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", "Samsung Internet", "Android"),
    ] as [(String, String, String)])
    func commonBrowsersAreRecognised(_ userAgent: String, _ browser: String, _ system: String) {
        #expect(DeviceDescription(userAgent: userAgent) == DeviceDescription(browser: browser, system: system))
    }

    @Test func somethingUnknownStaysUnknown() {
        #expect(DeviceDescription(userAgent: "") == DeviceDescription(browser: nil, system: nil))
        #expect(DeviceDescription(userAgent: "Jobcoach-sync/1.0") == DeviceDescription(browser: nil, system: nil))
    }
}

@Suite struct FormEncodingTests {
    func check(_ body: String) -> FormEncoding.Problem? {
        FormEncoding.problem(in: Array(body.utf8))
    }

    @Test func ordinaryFormsRead() {
        #expect(check("") == nil)
        #expect(check("name=Sanne+Bakker&city=%27s-Hertogenbosch&empty=&flag") == nil)
        #expect(check("name=Jos%C3%A9+M%C3%BCller&_csrf=abc") == nil)
    }

    @Test func bytesThatAreNotTextAreNamed() {
        #expect(check("name=%FF%FE%C3") == .notText(field: "name"))
        #expect(FormEncoding.problem(in: Array("note=".utf8) + [0xC3, 0x28]) == .notText(field: "note"))
        #expect(check("%FF=x") == .notText(field: nil))
    }

    @Test func aBrokenEscapeIsNamed() {
        #expect(check("city=%zz") == .badEscape(field: "city"))
        #expect(check("city=abc%") == .badEscape(field: "city"))
        #expect(check("city=abc%4") == .badEscape(field: "city"))
        #expect(check("city=abc%41") == nil)
        #expect(check("ci%ty=x") == .badEscape(field: nil))
    }
}
