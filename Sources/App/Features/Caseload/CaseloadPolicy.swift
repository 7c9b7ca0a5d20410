import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The agency's caseload limit applied to its coaches: each coach's hours (full time when none are
/// recorded) scale the limit per full-time coach.
struct CaseloadPolicy: Sendable {
    let policy: OrganisationPolicy
    let hours: [UUID: Double]

    static func load(_ organisationID: UUID, coaches: [UUID], on database: any Database) async throws -> CaseloadPolicy {
        let policy = try await OrganisationPolicy.of(organisationID, on: database)
        var hours: [UUID: Double] = [:]
        if !coaches.isEmpty {
            for row in try await CoachHours.query(on: database).filter(\.$organisationID == organisationID).filter(\.$user.$id ~~ coaches).all() {
                hours[row.$user.id] = row.hoursPerWeek
            }
        }
        return CaseloadPolicy(policy: policy, hours: hours)
    }

    func hours(of coach: UUID) -> Double { hours[coach] ?? policy.fullTimeHours }

    func load(of coach: UUID, clients: Int) -> CaseloadLoad {
        policy.caseloadLimit.load(clients: clients, hoursPerWeek: hours(of: coach))
    }

    /// "12 of 13 clients (92%)".
    static func text(_ load: CaseloadLoad, _ request: Request) -> String {
        request.t("caseloadLoad", ["clients": String(load.clients), "limit": String(load.limit), "percentage": String(load.percentage)])
    }
}
