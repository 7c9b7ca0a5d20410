import JobcoachCore

/// Made-up job coaches with portfolios, the same for the same seed: for demo data and benchmarks.
/// Most meet the register's requirements; some fall short in the ways real portfolios do (too few
/// hours, a diploma outside its window, no longer practising).
struct SyntheticPortfolios {
    struct Person {
        var name: String
        var place: String
        var education: [(title: String, kind: EducationEvidenceKind, level: LevelReference, completedOn: CalendarDate)]
        var diplomas: [(provider: String, completedOn: CalendarDate)]
        var courses: [(title: String, hours: Double, completedOn: CalendarDate)]
        var experience: [(organisation: String, startedOn: CalendarDate, endedOn: CalendarDate?, hours: Double)]
        var portfolio: Portfolio
    }

    private var state: UInt64

    init(seed: UInt64) {
        state = seed &* 6_364_136_223_846_793_005 &+ 1
    }

    private mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    private mutating func pick<T>(_ values: [T]) -> T { values[next(values.count)] }

    static let firstNames = ["Anouk", "Bram", "Daan", "Eva", "Fatima", "Gijs", "Hanna", "Ibrahim", "Julia", "Kees", "Lotte", "Mohamed",
                             "Noor", "Olaf", "Priya", "Quinten", "Roos", "Sem", "Tess", "Umar", "Vera", "Wouter", "Yara", "Zeynep"]
    static let lastNames = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
                            "Peters", "Hendriks", "van Dijk", "Yilmaz", "El Amrani", "Kaya", "van der Berg", "Dekker", "Brouwer"]
    static let places = ["Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda",
                         "Nijmegen", "Arnhem", "Haarlem", "Enschede", "Zwolle", "Leeuwarden", "Maastricht", "Deventer", "Delft"]
    static let organisations = ["Werkpad", "Jobstap", "De Brug Re-integratie", "Passend Werk", "Stap Verder", "Talent aan het Werk"]

    private mutating func day(_ fromYear: Int, _ toYear: Int) -> CalendarDate {
        CalendarDate(year: fromYear + next(toYear - fromYear + 1), month: 1 + next(12), day: 1 + next(28))!
    }

    mutating func next(on date: CalendarDate) -> Person {
        let name = "\(pick(Self.firstNames)) \(pick(Self.lastNames))"
        let place = pick(Self.places)
        let educationLevel = next(10) == 0 ? LevelReference(framework: .nlqf, level: "5") : LevelReference(framework: .nlqf, level: next(4) == 0 ? "7" : "6")
        let kind: EducationEvidenceKind = next(8) == 0 ? .evc : .degree
        let education = [(title: educationLevel.level == "7" ? "Master Pedagogiek" : "Bachelor Social Work", kind: kind, level: educationLevel,
                          completedOn: day(1995, 2016))]
        var diplomas: [(provider: String, completedOn: CalendarDate)] = []
        var courses: [(title: String, hours: Double, completedOn: CalendarDate)] = []
        switch next(10) {
        case 0...4: diplomas.append((pick(["Capabel", "Capabel", "Combo", "Elan", "Saxion"]), day(2015, 2023)))
        case 5: diplomas.append(("Sara Werkt", day(2023, 2025)))
        case 6: diplomas.append(("Capabel", day(2013, 2014)))
        case 7: diplomas.append((pick(["Hogeschool Utrecht", "Fontys"]), day(2005, 2012)))
        default: courses.append(("SPH-module arbeidsintegratie", Double(60 + next(80)), day(2015, 2024)))
        }
        let start = day(2010, 2023)
        let practising = next(12) != 0
        let hours = Double(next(7) == 0 ? 400 + next(700) : 1_200 + next(4_000))
        let experience = [(organisation: pick(Self.organisations), startedOn: start,
                           endedOn: practising ? nil : start.adding(years: 1 + next(2)), hours: hours)]
        let portfolio = Portfolio(
            education: education.map { EducationRecord(kind: $0.kind, level: $0.level, completedOn: $0.completedOn) },
            jobcoachDiplomas: diplomas.map { JobcoachDiplomaRecord(provider: $0.provider, completedOn: $0.completedOn) },
            courses: courses.map { CourseRecord(title: $0.title, hours: $0.hours, ects: nil, completedOn: $0.completedOn) },
            experience: ExperienceRecord(log: experience.map { ExperiencePeriod(startedOn: $0.startedOn, endedOn: $0.endedOn, hours: $0.hours) }, on: date))
        return Person(name: name, place: place, education: education, diplomas: diplomas, courses: courses, experience: experience, portfolio: portfolio)
    }
}
