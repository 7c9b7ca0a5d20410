/// Two or more framework versions side by side: what each requires (education, training, hours,
/// experience) and covers (topics, tasks, competencies), and where they differ.
public struct FrameworkComparison: Hashable, Encodable, Sendable {
    public struct Column: Hashable, Encodable, Sendable {
        public var id: String
        public var version: String
        public var title: LocalizedText
    }

    public var columns: [Column]
    public var rows: [ComparisonRow]

    public init(versions: [FrameworkVersion], describer: RequirementDescriber) {
        columns = versions.map { Column(id: $0.id, version: $0.version, title: $0.title) }
        // Each aspect: a cell of sentences per framework, and a key per framework that says what is
        // asked regardless of wording (NLQF 6 and EQF 6 are the same requirement).
        typealias Aspect = (id: String, label: LocalizedText, cell: (FrameworkVersion) -> ([LocalizedText], [String]))
        let aspects: [Aspect] = [
            ("level", LocalizedText(nl: "Niveau van het profiel", en: "Level of the profile"), { version in
                guard let level = version.level else { return ([], []) }
                return ([describer.levelText(level)], ["eqf\(describer.eqfLevel(level) ?? 0)"])
            }),
            ("education", LocalizedText(nl: "Opleiding", en: "Education"), { version in
                Self.conditions(version) { condition -> (LocalizedText, String)? in
                    guard case let .qualification(minimum, shownBy) = condition else { return nil }
                    let key = "eqf\(describer.eqfLevel(minimum) ?? 0):\(shownBy.map(\.rawValue).sorted().joined(separator: ","))"
                    return (describer.describe(condition), key)
                }
            }),
            ("training", LocalizedText(nl: "Jobcoachopleiding", en: "Job coach training"), { version in
                Self.conditions(version) { condition in
                    switch condition {
                    case .jobcoachDiploma, .recognisedDiploma: break
                    default: return nil
                    }
                    let text = describer.describe(condition, framework: version.id)
                    return (text, text.en)
                }
            }),
            ("course-hours", LocalizedText(nl: "Uren cursussen en trainingen", en: "Hours of courses and training"), { version in
                Self.conditions(version) { condition in
                    guard case let .courseHours(hours, ects, _, _) = condition else { return nil }
                    return (describer.describe(condition), "\(hours)/\(ects ?? 0)")
                }
            }),
            ("experience-years", LocalizedText(nl: "Jaren ervaring", en: "Years of experience"), { version in
                Self.conditions(version) { condition in
                    guard case let .experienceYears(years) = condition else { return nil }
                    return (describer.describe(condition), "\(years)")
                }
            }),
            ("experience-hours", LocalizedText(nl: "Uren ervaring als jobcoach", en: "Hours of job coach experience"), { version in
                Self.conditions(version) { condition in
                    guard case let .experienceHours(hours) = condition else { return nil }
                    return (describer.describe(condition), "\(hours)")
                }
            }),
            ("practising", LocalizedText(nl: "Nu werkzaam als jobcoach", en: "Practising now"), { version in
                Self.conditions(version) { condition in
                    guard case .practising = condition else { return nil }
                    return (describer.describe(condition), "practising")
                }
            }),
            ("certificate", LocalizedText(nl: "Geldigheid certificaat", en: "Certificate validity"), { version in
                guard let years = version.certification?.validityYears else { return ([], []) }
                return ([LocalizedText(nl: "\(years) jaar", en: "\(years) years")], ["\(years)"])
            }),
            ("topics", LocalizedText(nl: "Onderwerpen (kennisgebieden, modules)", en: "Topics (knowledge areas, modules)"), { version in
                let titles = (version.knowledgeAreas + version.modules).map(\.title)
                return (titles, titles.map(\.en))
            }),
            ("tasks", LocalizedText(nl: "Taken", en: "Tasks"), { version in
                (version.tasks.map(\.title), version.tasks.map(\.id))
            }),
            ("competencies", LocalizedText(nl: "Competenties", en: "Competencies"), { version in
                (version.competencies.map(\.title), version.competencies.map(\.id))
            }),
        ]
        rows = aspects.compactMap { aspect in
            let results = versions.map(aspect.cell)
            guard results.contains(where: { !$0.0.isEmpty }) else { return nil }
            let keys = results.map { Set($0.1) }
            return ComparisonRow(id: aspect.id, label: aspect.label, cells: results.map(\.0),
                                 differs: Set(keys).count > 1)
        }
    }

    /// Sentences and keys of the conditions of one kind, in document order, without repeats.
    private static func conditions(_ version: FrameworkVersion,
                                   _ pick: (RequirementCondition) -> (LocalizedText, String)?) -> ([LocalizedText], [String]) {
        var texts: [LocalizedText] = []
        var keys: [String] = []
        for condition in version.entryRequirements.flatMap(\.conditions) {
            guard let (text, key) = pick(condition), !texts.contains(text) else { continue }
            texts.append(text)
            keys.append(key)
        }
        return (texts, keys)
    }
}
