import JobcoachCore
import Vapor

/// The training API: the programmes shipped as data (public), and what a set of modules covers of a
/// framework on a day (for a learning system asking what a trainee still needs; nothing is stored).
enum TrainingAPIController {
    struct ProgrammesBody: Encodable {
        var programmes: [TrainingProgramme]
    }

    /// `GET /api/v1/training/programmes`.
    static func programmes(_ request: Request) async throws -> Response {
        try await APIController.json(ProgrammesBody(programmes: request.standard.programmes.programmes), request)
    }

    /// `POST /api/v1/training/coverage`.
    static func coverage(_ request: Request) async throws -> Response {
        let body = try request.content.decode(TrainingCoverageRequest.self)
        let (version, day, modules) = try OutcomesAPIController.problem { () throws(InputFieldError) in try body.prepare(request.standard.frameworks) }
        let engine = try await request.eligibilityEngine()
        return try await APIController.json(TrainingCoverage.compute(version, modules: modules, on: day, engine: engine), request)
    }
}
