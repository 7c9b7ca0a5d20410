import Foundation
import Testing
@testable import JobcoachCore

@Suite struct RegisterWorkflowTests {
    @Test func applicationMovesAreExplicit() {
        let allowed: [ApplicationStatus: Set<ApplicationStatus>] = [
            .submitted: [.inAssessment, .withdrawn], .inAssessment: [.readyForDecision, .withdrawn],
            .readyForDecision: [.certified, .notCertified, .moreInformationNeeded],
            .moreInformationNeeded: [.inAssessment, .withdrawn], .certified: [], .notCertified: [], .withdrawn: [],
        ]
        for from in ApplicationStatus.allCases {
            for to in ApplicationStatus.allCases {
                #expect(from.canMove(to: to) == allowed[from]!.contains(to), "\(from) → \(to)")
            }
        }
        #expect(ApplicationDecision.notCertified.needsReasons && ApplicationDecision.moreInformationNeeded.needsReasons)
        #expect(!ApplicationDecision.certified.needsReasons)
    }

    @Test func complaintMovesEndInADecision() {
        #expect(ComplaintStatus.received.canMove(to: .upheld))
        #expect(ComplaintStatus.underReview.canMove(to: .dismissed))
        #expect(!ComplaintStatus.upheld.canMove(to: .underReview))
        #expect(!ComplaintStatus.dismissed.canMove(to: .upheld))
    }

    @Test func certificateStatusWeighsDecisionsAboveDates() {
        let from = CalendarDate("2025-01-01")!.startOfDayUTC, until = CalendarDate("2029-01-01")!.startOfDayUTC
        let during = CalendarDate("2026-06-01")!.startOfDayUTC, after = CalendarDate("2029-01-01")!.startOfDayUTC
        #expect(CertificateStatus.at(during, standing: .active, validFrom: from, validUntil: until) == .valid)
        #expect(CertificateStatus.at(after, standing: .active, validFrom: from, validUntil: until) == .expired)
        #expect(CertificateStatus.at(from.addingTimeInterval(-1), standing: .active, validFrom: from, validUntil: until) == .notYetValid)
        #expect(CertificateStatus.at(after, standing: .revoked, validFrom: from, validUntil: until) == .revoked)
        #expect(CertificateStatus.at(during, standing: .suspended, validFrom: from, validUntil: until) == .suspended)
    }

    @Test func validityComesFromTheFrameworkVersion() {
        let (from, until) = CertificateFacts.validity(from: CalendarDate("2024-02-29")!, policy: CertificationPolicy(validityYears: 4))
        #expect(OpenBadgeCredential.timestamp(from) == "2024-02-29T00:00:00Z")
        #expect(OpenBadgeCredential.timestamp(until) == "2028-02-29T00:00:00Z")
    }

    @Test func aCertificateIssuedWhileTheLocalDayIsAheadOfUTCIsValidAtOnce() {
        // 23:30 UTC on 1 December is already 2 December in Amsterdam.
        let issuedAt = Date(timeIntervalSince1970: CalendarDate("2026-12-01")!.startOfDayUTC.timeIntervalSince1970 + 23.5 * 3_600)
        let policy = CertificationPolicy(validityYears: 4)
        let (from, until) = CertificateFacts.validity(from: CalendarDate("2026-12-02")!, policy: policy, issuedAt: issuedAt)
        #expect(from == issuedAt)
        #expect(OpenBadgeCredential.timestamp(until) == "2030-12-02T00:00:00Z")
        #expect(CertificateStatus.at(issuedAt, standing: .active, validFrom: from, validUntil: until) == .valid)
        let later = CertificateFacts.validity(from: CalendarDate("2026-12-01")!, policy: policy, issuedAt: issuedAt)
        #expect(OpenBadgeCredential.timestamp(later.from) == "2026-12-01T00:00:00Z", "the start of the day when UTC's day is the same")
    }

    @Test func onlyAPortfolioThatMeetsTheRequirementsOnTheDecisionDayIsCertified() {
        #expect(ApplicationDecision.certified.obstacle(eligibleOnDecisionDay: true, cpdMetOnDecisionDay: nil) == nil)
        #expect(ApplicationDecision.certified.obstacle(eligibleOnDecisionDay: false, cpdMetOnDecisionDay: nil) == .notEligible)
        #expect(ApplicationDecision.certified.obstacle(eligibleOnDecisionDay: true, cpdMetOnDecisionDay: true) == nil)
        #expect(ApplicationDecision.certified.obstacle(eligibleOnDecisionDay: true, cpdMetOnDecisionDay: false) == .permanentEducationShort)
        #expect(ApplicationDecision.notCertified.obstacle(eligibleOnDecisionDay: false, cpdMetOnDecisionDay: false) == nil
                && ApplicationDecision.notCertified.needsReasons)
        #expect(ApplicationDecision.moreInformationNeeded.obstacle(eligibleOnDecisionDay: false, cpdMetOnDecisionDay: false) == nil)
    }

    @Test func theExperienceLogGivesStartHoursAndPractising() {
        let log = [ExperiencePeriod(startedOn: CalendarDate("2018-03-01")!, endedOn: CalendarDate("2020-12-31")!, hours: 900),
                   ExperiencePeriod(startedOn: CalendarDate("2021-02-01")!, endedOn: nil, hours: 600),
                   ExperiencePeriod(startedOn: CalendarDate("2027-01-01")!, endedOn: nil, hours: 99)]
        let now = ExperienceRecord(log: log, on: CalendarDate("2026-11-22")!)
        #expect(now.jobcoachSince == CalendarDate("2018-03-01") && now.jobcoachHours == 1500 && now.practisingNow)
        let then = ExperienceRecord(log: log, on: CalendarDate("2021-01-15")!)
        #expect(then.jobcoachHours == 900 && !then.practisingNow)
        #expect(ExperienceRecord(log: [], on: CalendarDate("2026-01-01")!) == ExperienceRecord())
    }

    @Test func theAssessmentSheetNeedsEveryItemOf003WithANote() throws {
        let version = try #require(try ShippedFrameworkTests.standard.get().frameworks.version("register-jobcoach", "2023"))
        let items = AssessmentItem.items(of: version)
        // 4 knowledge areas, 8 process tasks, 6 competencies, 4 attitudes.
        #expect(items.count == 22)
        #expect(items.map(\.kind.rawValue).reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
            == ["knowledgeAreas": 4, "tasks": 8, "competencies": 6, "attitudes": 4])
        #expect(items.first?.id == "ka-1" && items[4].id == "task-0" && items.last?.id == "attitude-diversity-inclusion")
        var sheet = AssessmentSheet()
        for item in items { sheet.entries[item.id] = .init(score: .shown, note: "seen in the portfolio") }
        #expect(sheet.missing(for: items).isEmpty)
        sheet.entries["task-3"]?.note = "  "
        sheet.entries["competence-empathy"] = nil
        sheet.entries["attitude-ethics"] = nil
        #expect(sheet.missing(for: items) == ["task-3", "competence-empathy", "attitude-ethics"])
    }

    @Test func theOfficerComparesTheSheetsPerItemAndIndicator() throws {
        let version = try #require(try ShippedFrameworkTests.standard.get().frameworks.version("register-jobcoach", "2023"))
        let items = AssessmentItem.items(of: version)
        var first = AssessmentSheet()
        for item in items { first.entries[item.id] = .init(score: .shown, note: "seen") }
        var second = first
        second.entries["task-1"]?.score = .partlyShown
        let indicator = try #require(version.tasks[1].indicators.first)
        second.entries["task-1"]?.indicators = [indicator.id: .notShown]
        let comparison = AssessmentComparison(first: first, second: second, items: items)
        #expect(comparison.differences.map(\.item.id) == ["task-1"])
        let line = try #require(comparison.lines.first { $0.item.id == "task-1" })
        #expect(line.indicators.count == 1 && line.indicators[0].first == nil && line.indicators[0].second == .notShown)
        #expect(comparison.lines.filter { !$0.indicators.isEmpty }.count == 1)
    }

    @Test func anOldSheetStaysAsItWasScored() throws {
        let version = try #require(try ShippedFrameworkTests.standard.get().frameworks.version("register-jobcoach", "2023"))
        let items = AssessmentItem.items(of: version)
        // Sheets from before knowledge areas and attitudes were assessed: tasks and competencies only.
        var old = AssessmentSheet()
        for item in items where item.kind == .tasks || item.kind == .competencies { old.entries[item.id] = .init(score: .shown, note: "seen") }
        let comparison = AssessmentComparison(first: old, second: old, items: items)
        #expect(comparison.differences.isEmpty)
        let knowledge = try #require(comparison.lines.first)
        #expect(knowledge.item.kind == .knowledgeAreas && knowledge.first == nil && knowledge.second == nil)
        #expect(comparison.lines.filter { $0.first != nil }.count == 14)
    }

    @Test func theRevocationListHoldsWhatNoLongerStands() throws {
        let list = RevocationList(id: RevocationList.url(issuer: "https://register.example"), issuer: "https://register.example",
                                  credentials: [("urn:uuid:c", .active), ("urn:uuid:b", .revoked), ("urn:uuid:a", .suspended)])
        #expect(list.id == "https://register.example/api/v1/credentials/revocations")
        #expect(list.revokedCredentials.map(\.id) == ["urn:uuid:a", "urn:uuid:b"])
        #expect(list.revokedCredentials.allSatisfy { $0.revocationReason?.isEmpty == false })
        // A lifted suspension leaves the list.
        #expect(RevocationList(id: list.id, issuer: list.issuer, credentials: [("urn:uuid:a", .active)]).revokedCredentials.isEmpty)
    }

    @Test func theCredentialAlignsToFrameworkEQFAndESCO() throws {
        let standard = try ShippedFrameworkTests.standard.get()
        let version = try #require(standard.frameworks.version("register-jobcoach", "2023"))
        let facts = CertificateFacts(id: "1B4E28BA-2FA1-11D2-883F-0016D3CCA427", registrationNumber: "RJ-2026-000001", holderName: "Jamila Jobcoach",
                                     validFrom: CalendarDate("2026-11-22")!.startOfDayUTC, validUntil: CalendarDate("2030-11-22")!.startOfDayUTC,
                                     issuerURL: "https://register.example/", issuerName: "Jobcoach register")
        let occupation = standard.occupations.occupation(uri: version.occupations[0])
        let credential = OpenBadgeCredential(facts: facts, framework: version, occupation: occupation, levels: standard.levels)
        #expect(credential.type == ["VerifiableCredential", "OpenBadgeCredential"])
        #expect(credential.id == "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427")
        #expect(credential.issuer.id == "https://register.example")
        #expect(credential.validFrom == "2026-11-22T00:00:00Z" && credential.validUntil == "2030-11-22T00:00:00Z")
        let alignment = credential.credentialSubject.achievement.alignment
        #expect(alignment.map(\.targetFramework) == ["register-jobcoach", "EQF", "ESCO"])
        #expect(alignment[1].targetCode == "6")
        #expect(alignment[2].targetCode == "2423" && alignment[2].targetName == "employment and vocational integration consultant")
        #expect(credential.credentialStatus.id == "https://register.example/api/v1/credentials/revocations")
        #expect(credential.credentialStatus.type == "1EdTechRevocationList")
        #expect(credential.credentialSubject.achievement.achievementType == "Certification")
    }

    @Test func theRecheckExplainsOnlyThoseWhoFail() throws {
        let standard = try ShippedFrameworkTests.standard.get()
        let old = try #require(standard.frameworks.version("register-jobcoach", "2021"))
        var saraWerkt = EligibilityEngineTests.eligible()
        saraWerkt.jobcoachDiplomas = [JobcoachDiplomaRecord(provider: "Sara Werkt", completedOn: CalendarDate("2023-05-01")!)]
        var checked: [Int] = []
        let findings = RegisterRecheck(engine: standard.eligibility()).run(
            old, portfolios: [("RJ-1", EligibilityEngineTests.eligible()), ("RJ-2", saraWerkt)], on: CalendarDate("2026-11-22")!,
            progressInterval: 1) { checked.append($0) }
        #expect(findings.map(\.holder) == ["RJ-2"])
        #expect(findings[0].verdict.unmet.map(\.id) == ["education"])
        #expect(checked.last == 2)
    }
}
