/// The register's recognition of a provider's job coach training for a framework: a diploma of it
/// counts from `from` (and before `until`, when the recognition ended). 003's list of recognised
/// trainings is this data (`Training/recognitions.yaml`); officers add to it.
public struct ProgrammeRecognition: Hashable, Codable, Sendable {
    public var framework: String
    public var provider: String
    /// The programme file, when the recognised training is one of the shipped programmes.
    public var programme: String?
    public var from: CalendarDate
    /// The first day it no longer counts; nil while it holds.
    public var until: CalendarDate?

    public init(framework: String, provider: String, programme: String? = nil, from: CalendarDate, until: CalendarDate? = nil) {
        self.framework = framework
        self.provider = provider
        self.programme = programme
        self.from = from
        self.until = until
    }

    /// Whether a diploma completed on this day falls inside the recognition.
    public func counts(completedOn day: CalendarDate) -> Bool {
        from <= day && (until.map { day < $0 } ?? true)
    }
}
