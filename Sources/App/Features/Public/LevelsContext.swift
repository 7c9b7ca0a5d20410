import JobcoachCore
import Vapor

/// The qualification level crosswalk as a table, and each framework's levels with examples.
struct LevelsContext: Encodable {
    struct CrosswalkLine: Encodable {
        var eqf: Int
        var nlqf: String
        var rqf: String
        var scqf: String
    }

    struct Framework: Encodable {
        var id: String
        var title: String
        var description: String
        var levels: [Level]
    }

    struct Level: Encodable {
        var label: String
        var eqf: String
        var examples: String
    }

    var layout: Layout
    var crosswalk: [CrosswalkLine]
    var belowEQF: [String]
    var frameworks: [Framework]

    init(request: Request) {
        let language = request.language
        let levels = request.standard.levels
        layout = Layout(request: request, title: request.t("levelsTitle"), current: .qualificationLevels)
        let names = { (framework: QualificationFrameworkID, codes: [String]) in
            codes.compactMap { levels.level(LevelReference(framework: framework, level: $0))?.label[language] }
                .joined(separator: ", ")
        }
        crosswalk = levels.crosswalk.map { row in
            CrosswalkLine(eqf: row.eqf, nlqf: names(.nlqf, row.levels["NLQF"] ?? []),
                          rqf: names(.rqf, row.levels["RQF"] ?? []), scqf: names(.scqf, row.levels["SCQF"] ?? []))
        }
        belowEQF = levels.levelsWithoutEQF.map { $0.label[language] }
        frameworks = levels.frameworks.map { framework in
            Framework(id: framework.id.rawValue, title: framework.title[language],
                      description: framework.description[language],
                      levels: framework.levels.map { level in
                          Level(label: level.label[language],
                                eqf: level.eqf.map { "EQF \($0)" } ?? request.t("levelsNoEQF"),
                                examples: level.examples?[language] ?? "")
                      })
        }
    }
}
