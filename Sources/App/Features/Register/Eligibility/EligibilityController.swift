import JobcoachCore
import Vapor

/// The public self-check: any portfolio against the entry requirements of every profile. Nothing is
/// stored and no login is needed.
enum EligibilityController {
    struct Results: Encodable {
        var referenceDate: CalendarDate
        var results: [EligibilityVerdict]
    }

    static func api(_ request: Request) async throws -> Response {
        let body = try request.content.decode(EligibilityRequestBody.self)
        let standard = request.standard
        let day = try PortfolioInput.date(body.referenceDate, "referenceDate", required: false) ?? request.today
        let portfolio = try PortfolioInput.portfolio(body.portfolio, levels: standard.levels)
        let engine = try await request.eligibilityEngine()
        guard let id = body.framework else {
            let results = standard.frameworks.inForce(on: day).filter { !$0.entryRequirements.isEmpty }
                .map { engine.evaluate($0, portfolio: portfolio, on: day) }
            return try await APIController.json(Results(referenceDate: day, results: results), request)
        }
        guard standard.frameworks.contains(id) else { throw APIProblem(status: .notFound, message: "there is no framework '\(id)'", parameter: "framework") }
        let version: FrameworkVersion
        if let name = body.version {
            guard let named = standard.frameworks.version(id, name) else {
                throw APIProblem(status: .notFound, message: "framework '\(id)' has no version '\(name)'", parameter: "version")
            }
            version = named
        } else {
            guard let inForce = standard.frameworks.version(id, on: day) else {
                throw APIProblem(status: .notFound, message: "framework '\(id)' has no version in force on \(day)", parameter: "referenceDate")
            }
            version = inForce
        }
        return try await APIController.json(engine.evaluate(version, portfolio: portfolio, on: day), request)
    }

    static func page(_ request: Request) async throws -> Response {
        try await request.page(.eligibility, EligibilityPageContext(request: request, form: EligibilityForm(today: request.today),
                                                                     verdicts: nil))
    }

    static func check(_ request: Request) async throws -> Response {
        let fields = try request.content.decode([String: String].self)
        let form = EligibilityForm(fields: fields, today: request.today)
        let standard = request.standard
        let (portfolio, problems) = form.parse(levels: standard.levels)
        guard let portfolio, problems.isEmpty else {
            return try await request.page(.eligibility, EligibilityPageContext(request: request, form: form, verdicts: nil,
                                                                                problems: problems),
                                          status: .unprocessableEntity)
        }
        let engine = try await request.eligibilityEngine()
        let verdicts = standard.frameworks.inForce(on: form.referenceDate).filter { !$0.entryRequirements.isEmpty }
            .map { (engine.evaluate($0, portfolio: portfolio, on: form.referenceDate), $0) }
        return try await request.page(.eligibility, EligibilityPageContext(request: request, form: form, verdicts: verdicts))
    }
}
