import Fluent
import Foundation

/// An experienced job coach as mentor of a trainee or of a new coach.
final class Mentorship: Model, @unchecked Sendable {
    static let schema = "mentorships"

    @ID(key: .id) var id: UUID?
    @Field(key: "mentor_id") var mentorID: UUID
    @Field(key: "mentee_id") var menteeID: UUID
    @Field(key: "assigned_by") var assignedBy: UUID
    @Field(key: "started_on") var startedOn: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(mentorID: UUID, menteeID: UUID, assignedBy: UUID, startedOn: String) {
        self.mentorID = mentorID
        self.menteeID = menteeID
        self.assignedBy = assignedBy
        self.startedOn = startedOn
    }
}

/// A mentor meeting: when, what was discussed, and the next steps. The mentee sees it.
final class MentorMeeting: Model, @unchecked Sendable {
    static let schema = "mentor_meetings"

    @ID(key: .id) var id: UUID?
    @Field(key: "mentorship_id") var mentorshipID: UUID
    @Field(key: "held_on") var heldOn: String
    @Field(key: "topics") var topics: String
    @Field(key: "next_steps") var nextSteps: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(mentorshipID: UUID, heldOn: String, topics: String, nextSteps: String) {
        self.mentorshipID = mentorshipID
        self.heldOn = heldOn
        self.topics = topics
        self.nextSteps = nextSteps
    }
}

/// Coaches who work with the same target group, across regions and agencies (intervision).
final class PeerGroup: Model, @unchecked Sendable {
    static let schema = "peer_groups"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "target_group") var targetGroup: String
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(name: String, targetGroup: String, createdBy: UUID) {
        self.name = name
        self.targetGroup = targetGroup
        self.createdBy = createdBy
    }
}

final class PeerGroupMember: Model, @unchecked Sendable {
    static let schema = "peer_group_members"

    @ID(key: .id) var id: UUID?
    @Field(key: "group_id") var groupID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "region") var region: String

    init() {}

    init(groupID: UUID, userID: UUID, region: String) {
        self.groupID = groupID
        self.userID = userID
        self.region = region
    }
}

/// A peer group meeting with its short shared log; attending counts as CPD intervision.
final class PeerMeeting: Model, @unchecked Sendable {
    static let schema = "peer_meetings"

    @ID(key: .id) var id: UUID?
    @Field(key: "group_id") var groupID: UUID
    @Field(key: "held_on") var heldOn: String
    @Field(key: "hours") var hours: Double
    @Field(key: "log") var log: String
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

final class PeerMeetingAttendance: Model, @unchecked Sendable {
    static let schema = "peer_meeting_attendance"

    @ID(key: .id) var id: UUID?
    @Field(key: "meeting_id") var meetingID: UUID
    @Field(key: "user_id") var userID: UUID

    init() {}

    init(meetingID: UUID, userID: UUID) {
        self.meetingID = meetingID
        self.userID = userID
    }
}

/// An anonymised case summary (a `PeerReview`) its author shared with a peer group, beyond their agency.
final class PeerGroupCase: Model, @unchecked Sendable {
    static let schema = "peer_group_cases"

    @ID(key: .id) var id: UUID?
    @Field(key: "group_id") var groupID: UUID
    @Field(key: "peer_review_id") var peerReviewID: UUID
    @Field(key: "shared_by") var sharedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(groupID: UUID, peerReviewID: UUID, sharedBy: UUID) {
        self.groupID = groupID
        self.peerReviewID = peerReviewID
        self.sharedBy = sharedBy
    }
}
