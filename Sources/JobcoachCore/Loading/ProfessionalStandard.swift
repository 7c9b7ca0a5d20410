import Foundation

/// Everything the product reads about the profession, loaded once at start: the framework versions,
/// the qualification level crosswalk, the ESCO occupations, and what matching reads: the condition
/// vocabulary and the towns; what quality reviews read: the IPS-25 fidelity scale; and the training
/// programmes with the register's recognitions.
public struct ProfessionalStandard: Sendable {
    public let frameworks: FrameworkCatalog
    public let levels: QualificationLevelCatalog
    public let occupations: OccupationCatalog
    public let conditions: ConditionVocabulary
    public let places: PlaceCatalog
    public let fidelity: FidelityScale
    public let outcomeWords: OutcomeVocabulary
    public let qualityReview: QualityReview
    public let grantRegimes: [GrantRegime]
    /// The curricula shipped as programme files, and the register's recognised trainings.
    public let programmes: ProgrammeCatalog
    public let recognitions: [ProgrammeRecognition]

    public init(frameworks: FrameworkCatalog, levels: QualificationLevelCatalog, occupations: OccupationCatalog,
                conditions: ConditionVocabulary = ConditionVocabulary(terms: []), places: PlaceCatalog = PlaceCatalog(places: []),
                fidelity: FidelityScale = FidelityScale(version: "", sections: [], items: [], bands: []),
                outcomeWords: OutcomeVocabulary = OutcomeVocabulary(targetGroups: [:], supportNeeds: [:], paymentPoints: [:], satisfaction: [:]),
                qualityReview: QualityReview = QualityReview(scale: [], stages: [], recommendations: []), grantRegimes: [GrantRegime] = [],
                programmes: ProgrammeCatalog = ProgrammeCatalog(programmes: []), recognitions: [ProgrammeRecognition] = []) {
        self.frameworks = frameworks
        self.levels = levels
        self.occupations = occupations
        self.conditions = conditions
        self.places = places
        self.fidelity = fidelity
        self.outcomeWords = outcomeWords
        self.qualityReview = qualityReview
        self.grantRegimes = grantRegimes
        self.programmes = programmes
        self.recognitions = recognitions
    }

    /// The eligibility engine over the shipped recognitions and those `added` by officers.
    public func eligibility(adding added: [ProgrammeRecognition] = []) -> EligibilityEngine {
        EligibilityEngine(levels: levels, recognitions: recognitions + added)
    }

    public func describer(adding added: [ProgrammeRecognition] = []) -> RequirementDescriber {
        RequirementDescriber(levels: levels, recognitions: recognitions + added)
    }

    /// The data files shipped with the product.
    public static var resourceDirectory: URL {
        // `.copy("Resources")` keeps the folder; find it rather than assume the bundle layout,
        // which differs between Linux and Apple platforms.
        Bundle.module.url(forResource: "Resources", withExtension: nil)
            ?? Bundle.module.bundleURL.appendingPathComponent("Resources")
    }

    public static var frameworkDirectory: URL {
        resourceDirectory.appendingPathComponent("Frameworks")
    }

    /// The shipped level crosswalk alone (the validator needs it to check level names).
    public static func loadBundledLevels() throws -> QualificationLevelCatalog {
        let url = resourceDirectory.appendingPathComponent("QualificationLevels/levels.yaml")
        return try QualificationLevelLoader.load(yaml: try String(contentsOf: url, encoding: .utf8),
                                                 file: "QualificationLevels/levels.yaml")
    }

    /// Loads and checks all shipped data; throws `FrameworkDataError` naming every problem.
    public static func loadBundled() throws -> ProfessionalStandard {
        let levels = try loadBundledLevels()
        let versions = try FrameworkLoader(levels: levels).load(directory: frameworkDirectory)
        let esco = resourceDirectory.appendingPathComponent("ESCO")
        let occupations = OccupationCatalog.load(
            occupationsTSV: try String(contentsOf: esco.appendingPathComponent("occupations.tsv"), encoding: .utf8),
            iscoGroupsTSV: try String(contentsOf: esco.appendingPathComponent("isco-groups.tsv"), encoding: .utf8))
        let frameworks = FrameworkCatalog(versions: versions)
        let training = try ProgrammeLoader(frameworks: frameworks).load(directory: resourceDirectory.appendingPathComponent("Training"))
        return ProfessionalStandard(frameworks: frameworks, levels: levels, occupations: occupations,
                                    conditions: try ConditionVocabulary.loadBundled(), places: try PlaceCatalog.loadBundled(),
                                    fidelity: try FidelityScale.loadBundled(), outcomeWords: try OutcomeVocabulary.loadBundled(),
                                    qualityReview: try QualityReview.loadBundled(frameworks: frameworks), grantRegimes: try GrantRegime.loadBundled(),
                                    programmes: training.programmes, recognitions: training.recognitions)
    }
}
