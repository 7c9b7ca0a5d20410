import Vapor

/// Where a workplace was found: the values of `Workplace.source`.
enum WorkplaceSource: String, CaseIterable {
    case vacancy, interview

    func title(_ request: Request) -> String {
        switch self {
        case .vacancy: request.t("workplaceSource_vacancy")
        case .interview: request.t("workplaceSource_interview")
        }
    }
}

/// Whether a workplace is still to be filled: the values of `Workplace.status`.
enum WorkplaceStatus: String, CaseIterable {
    case open, filled, closed

    func title(_ request: Request) -> String {
        switch self {
        case .open: request.t("workplaceStatus_open")
        case .filled: request.t("workplaceStatus_filled")
        case .closed: request.t("workplaceStatus_closed")
        }
    }

    /// The status as a page shows it; a value outside the list shows as it is.
    static func title(of status: String, _ request: Request) -> String {
        WorkplaceStatus(rawValue: status)?.title(request) ?? status
    }
}
