import Fluent
import Foundation

/// A job coach's portfolio for the register: what is shown publicly once certified, the development
/// plan and the declarations; education, diplomas, courses, experience and evidence hang under it.
final class CoachPortfolio: Model, @unchecked Sendable {
    static let schema = "portfolios"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    /// The name and place the public register shows.
    @Field(key: "public_name") var publicName: String
    @Field(key: "place") var place: String
    @Field(key: "development_plan") var developmentPlan: String
    /// The day the coach declared to follow the Noloc code of conduct, if they did.
    @OptionalField(key: "code_of_conduct_on") var codeOfConductOn: String?
    /// The day the coach accepted the complaints regulation, if they did.
    @OptionalField(key: "complaints_regulation_on") var complaintsRegulationOn: String?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Children(for: \.$portfolio) var education: [PortfolioEducation]
    @Children(for: \.$portfolio) var diplomas: [PortfolioDiploma]
    @Children(for: \.$portfolio) var courses: [PortfolioCourse]
    @Children(for: \.$portfolio) var experience: [PortfolioExperience]

    init() {}

    init(userID: UUID, publicName: String) {
        self.$user.id = userID
        self.publicName = publicName
        self.place = ""
        self.developmentPlan = ""
    }
}
