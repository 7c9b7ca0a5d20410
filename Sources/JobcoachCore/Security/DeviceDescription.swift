/// The browser and system a session was started from, read from its User-Agent, for the list of
/// one's sessions: enough to recognise "that is my phone", no more. Unknown parts stay nil.
public struct DeviceDescription: Sendable, Equatable {
    public let browser: String?
    public let system: String?

    public init(browser: String?, system: String?) {
        self.browser = browser
        self.system = system
    }

    public init(userAgent: String) {
        browser = Self.first(in: userAgent, of: Self.browsers)
        system = Self.first(in: userAgent, of: Self.systems)
    }

    /// Most specific first: Edge and Opera also say "Chrome", Chrome also says "Safari", an iPad
    /// says "like Mac OS X" and Android says "Linux".
    private static let browsers: [(marker: String, name: String)] = [
        ("Edg/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"), ("Firefox/", "Firefox"),
        ("Chromium/", "Chromium"), ("HeadlessChrome/", "Chromium"), ("Chrome/", "Chrome"), ("CriOS/", "Chrome"),
        ("Version/", "Safari"), ("curl/", "curl"),
    ]
    private static let systems: [(marker: String, name: String)] = [
        ("Windows", "Windows"), ("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("CrOS", "ChromeOS"),
        ("Mac OS X", "macOS"), ("Linux", "Linux"),
    ]

    private static func first(in userAgent: String, of table: [(marker: String, name: String)]) -> String? {
        table.first { userAgent.contains($0.marker) }?.name
    }
}
