/// One level of a qualification framework and where it sits on the EQF.
public struct QualificationLevel: Hashable, Codable, Sendable {
    public var framework: QualificationFrameworkID
    public var code: String
    public var label: LocalizedText
    /// The EQF level this level is referenced to, or nil where the referencing gives none
    /// (the NLQF entry level, RQF Entry 1 and 2, SCQF 1 and 2).
    public var eqf: Int?
    /// Typical qualifications at this level, to help people place their own.
    public var examples: LocalizedText?
    /// Position within its framework, lowest first; compares levels of the same framework.
    public var rank: Int

    public var reference: LevelReference { LevelReference(framework: framework, level: code) }
}
