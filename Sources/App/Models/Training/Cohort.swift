import Fluent
import Foundation

/// One run of a programme by a provider: its dates, its region, its trainers and trainees.
final class Cohort: Model, @unchecked Sendable {
    static let schema = "cohorts"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "programme") var programme: String
    @Field(key: "name") var name: String
    @Field(key: "region") var region: String
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, programme: String, name: String, region: String, startsOn: String, endsOn: String) {
        self.organisationID = organisationID
        self.programme = programme
        self.name = name
        self.region = region
        self.startsOn = startsOn
        self.endsOn = endsOn
    }
}

/// A trainer of a cohort: only they record its attendance and results.
final class CohortTrainer: Model, @unchecked Sendable {
    static let schema = "cohort_trainers"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "cohort_id") var cohortID: UUID
    @Field(key: "user_id") var userID: UUID

    init() {}

    init(organisationID: UUID, cohortID: UUID, userID: UUID) {
        self.organisationID = organisationID
        self.cohortID = cohortID
        self.userID = userID
    }
}

/// A trainee in a cohort, aiming for a framework's profile; `completedOn` is the day of the diploma.
final class Enrolment: Model, @unchecked Sendable {
    static let schema = "enrolments"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "cohort_id") var cohortID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "framework") var framework: String
    @Field(key: "enrolled_on") var enrolledOn: String
    @OptionalField(key: "completed_on") var completedOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, cohortID: UUID, userID: UUID, framework: String, enrolledOn: String) {
        self.organisationID = organisationID
        self.cohortID = cohortID
        self.userID = userID
        self.framework = framework
        self.enrolledOn = enrolledOn
    }
}

/// A session of a cohort, teaching one module.
final class TrainingSession: Model, @unchecked Sendable {
    static let schema = "training_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "cohort_id") var cohortID: UUID
    @Field(key: "module") var module: String
    @Field(key: "held_on") var heldOn: String
    @Field(key: "hours") var hours: Double
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, cohortID: UUID, module: String, heldOn: String, hours: Double) {
        self.organisationID = organisationID
        self.cohortID = cohortID
        self.module = module
        self.heldOn = heldOn
        self.hours = hours
    }
}

/// Whether a trainee was at a session.
final class SessionAttendance: Model, @unchecked Sendable {
    static let schema = "session_attendance"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "session_id") var sessionID: UUID
    @Field(key: "enrolment_id") var enrolmentID: UUID
    @Field(key: "present") var present: Bool

    init() {}

    init(organisationID: UUID, sessionID: UUID, enrolmentID: UUID, present: Bool) {
        self.organisationID = organisationID
        self.sessionID = sessionID
        self.enrolmentID = enrolmentID
        self.present = present
    }
}

/// A trainee's result for a module: passed, or not yet, with the trainer's note.
final class ModuleResult: Model, @unchecked Sendable {
    static let schema = "module_results"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "enrolment_id") var enrolmentID: UUID
    @Field(key: "module") var module: String
    @Field(key: "result") var result: String
    @Field(key: "note") var note: String
    @Field(key: "decided_on") var decidedOn: String
    @Field(key: "decided_by") var decidedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// An activity a provider runs that counts as permanent education (CPD) for certified coaches.
final class AccreditedActivity: Model, @unchecked Sendable {
    static let schema = "accredited_activities"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "title") var title: String
    @Field(key: "category") var category: String
    @Field(key: "points") var points: Double
    @Field(key: "held_on") var heldOn: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, title: String, category: String, points: Double, heldOn: String) {
        self.organisationID = organisationID
        self.title = title
        self.category = category
        self.points = points
        self.heldOn = heldOn
    }
}
