import JobcoachCore
import Vapor

/// The outcomes API: the IPS employment measures and risk-adjusted ratios over clients sent in the
/// body (nothing is stored or read), and the IPS-25 fidelity scale with its scoring.
enum OutcomesAPIController {
    /// `POST /api/v1/outcomes/measures`.
    static func measures(_ request: Request) async throws -> Response {
        let body = try request.content.decode(EmploymentMeasuresRequest.self)
        let input = try problem { () throws(InputFieldError) in try body.prepare() }
        return try await APIController.json(EmploymentMeasures.measure(input.clients, in: input.period), request)
    }

    /// `POST /api/v1/outcomes/risk-adjusted`.
    static func riskAdjusted(_ request: Request) async throws -> Response {
        let body = try request.content.decode(RiskAdjustmentRequest.self)
        let clients = try problem { () throws(InputFieldError) in try body.prepare() }
        do {
            return try await APIController.json(try RiskAdjustment.compute(clients), request)
        } catch let error as OutcomeModelError {
            throw APIProblem(status: .unprocessableEntity, message: error.reason)
        }
    }

    struct ScaleBody: Encodable {
        struct Item: Encodable {
            var id: String
            var section: String
            var name: LocalizedText
        }
        var items: [Item]
    }

    /// `GET /api/v1/fidelity/ips-25`.
    static func fidelityScale(_ request: Request) async throws -> Response {
        let items = request.standard.fidelity.items.map { ScaleBody.Item(id: $0.id, section: $0.section, name: $0.name) }
        return try await APIController.json(ScaleBody(items: items), request)
    }

    struct ScoresBody: Decodable {
        var scores: [String: Double]
    }

    /// `POST /api/v1/fidelity/ips-25`.
    static func fidelityScore(_ request: Request) async throws -> Response {
        let body = try request.content.decode(ScoresBody.self)
        let scale = request.standard.fidelity
        let result = try problem { () throws(InputFieldError) in try FidelityResult.score(body.scores, on: scale) }
        return try await APIController.json(result, request)
    }

    /// Runs a core check and turns its error into a 400 that names the field.
    static func problem<T>(_ check: () throws(InputFieldError) -> T) throws -> T {
        do {
            return try check()
        } catch {
            throw APIProblem(status: .badRequest, message: "\(error.field): \(error.message)", parameter: error.field)
        }
    }
}
