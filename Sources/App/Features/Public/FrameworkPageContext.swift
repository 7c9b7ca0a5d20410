import JobcoachCore
import Vapor

/// The framework page: one version of a professional profile, whole, in the visitor's language.
struct FrameworkPageContext: Encodable {
    struct VersionLink: Encodable {
        var version: String
        var effectiveFrom: String
        var url: String
        var isShown: Bool
        var inForceToday: Bool
    }

    struct Section: Encodable {
        var id: String
        var title: String
        var paragraphs: [String]
        var items: [Item]
    }

    struct Item: Encodable {
        var id: String
        var text: String
    }

    struct Group: Encodable {
        var id: String
        var number: Int?
        var title: String
        var description: String?
        var indicators: [Item]
    }

    struct GroupKind: Encodable {
        var kind: String
        var heading: String
        var indicatorHeading: String
        var groups: [Group]
    }

    struct Occupation: Encodable {
        var label: String
        var iscoCode: String
        var uri: String
    }

    var layout: Layout
    var id: String
    var title: String
    var version: String
    var effectiveFrom: String
    var publisher: String
    var summary: String
    var changeNote: String?
    var sourceDocument: String
    var translationNote: String
    var level: String?
    var certification: String?
    var occupations: [Occupation]
    var versions: [VersionLink]
    var hasSeveralVersions: Bool
    var diffURL: String
    var inForceFormURL: String
    var inForceDay: String
    var sections: [Section]
    var requirements: [RequirementView]
    var groupKinds: [GroupKind]
    var apiURL: String
    var frameworksURL = SiteURL.frameworks.path

    init(request: Request, framework: FrameworkVersion, day: CalendarDate, describer: RequirementDescriber) {
        let language = request.language
        let strings = request.application.strings
        let standard = request.standard
        layout = Layout(request: request, title: framework.title[language], current: .frameworks)
        id = framework.id
        title = framework.title[language]
        version = framework.version
        effectiveFrom = framework.effectiveFrom.text(in: language)
        publisher = framework.publisher[language]
        summary = framework.summary[language]
        changeNote = framework.changeNote?[language]
        sourceDocument = SourceDocument.named(framework.sourceDocument)?.title[language] ?? framework.sourceDocument
        translationNote = strings.text(framework.sourceLanguage == language ? "translationNoteSource" : "translationNoteTranslated", language)
        level = framework.level.map { describer.levelText($0)[language] }
        certification = framework.certification.map {
            strings.text("certificateValidFor", ["years": String($0.validityYears)], language)
        }
        occupations = framework.occupations.compactMap { uri in
            standard.occupations.occupation(uri: uri).map {
                Occupation(label: $0.preferredLabel, iscoCode: $0.iscoCode, uri: $0.uri)
            }
        }
        let today = request.today
        let current = standard.frameworks.version(framework.id, on: today)
        versions = standard.frameworks.versions(of: framework.id).map { version in
            VersionLink(version: version.version, effectiveFrom: version.effectiveFrom.text(in: language),
                        url: SiteURL.frameworkVersion(.value(framework.id), .value(version.version)).path,
                        isShown: version.version == framework.version,
                        inForceToday: version.version == current?.version)
        }
        hasSeveralVersions = versions.count > 1
        diffURL = SiteURL.frameworkDiff(.value(framework.id)).path
        inForceFormURL = SiteURL.framework(.value(framework.id)).path
        inForceDay = day.description
        sections = framework.sections.map { section in
            Section(id: section.id, title: section.title[language], paragraphs: section.paragraphs.map { $0[language] },
                    items: section.items.map { Item(id: $0.id, text: $0.text[language]) })
        }
        requirements = framework.entryRequirements.map {
            RequirementView($0, framework: framework.id, language: language, describer: describer, strings: strings)
        }
        groupKinds = framework.groupKinds.map { kind in
            GroupKind(kind: kind.rawValue, heading: kind.title[language], indicatorHeading: kind.indicatorName[language],
                      groups: framework.groups(kind).map { group in
                          Group(id: group.id, number: group.number, title: group.title[language],
                                description: group.description?[language],
                                indicators: group.indicators.map { Item(id: $0.id, text: $0.text[language]) })
                      })
        }
        apiURL = SiteURL.api(.frameworkVersion(.value(framework.id), .value(framework.version))).path
    }
}
