import Fluent
import Foundation
import JobcoachCore

/// An agency's own settings: the caseload limit and how long closed trajectories are kept.
final class OrganisationPolicy: Model, @unchecked Sendable {
    static let schema = "organisation_policies"
    static let defaultRetentionMonths = 24

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "caseload_per_full_time") var caseloadPerFullTime: Int
    @Field(key: "full_time_hours") var fullTimeHours: Double
    @Field(key: "retention_months") var retentionMonths: Int

    init() {}

    var caseloadLimit: CaseloadLimit { CaseloadLimit(perFullTime: caseloadPerFullTime, fullTimeHours: fullTimeHours) }

    /// The agency's policy, or the defaults when it has none yet.
    static func of(_ organisationID: UUID, on database: any Database) async throws -> OrganisationPolicy {
        if let policy = try await query(on: database).filter(\.$organisationID == organisationID).first() { return policy }
        let policy = OrganisationPolicy()
        policy.organisationID = organisationID
        policy.caseloadPerFullTime = CaseloadLimit.defaultPerFullTime
        policy.fullTimeHours = CaseloadLimit.defaultFullTimeHours
        policy.retentionMonths = defaultRetentionMonths
        return policy
    }
}
