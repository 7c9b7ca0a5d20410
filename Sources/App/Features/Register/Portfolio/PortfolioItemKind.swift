/// The lists of a portfolio that have their own add form: `/portfolio/{kind}`.
enum PortfolioItemKind: String, CaseIterable, Sendable {
    case education
    case diplomas
    case courses
    case experience

    /// The audit action for adding or removing one.
    var auditName: String {
        switch self {
        case .education: "education"
        case .diplomas: "diploma"
        case .courses: "course"
        case .experience: "experience"
        }
    }
}
