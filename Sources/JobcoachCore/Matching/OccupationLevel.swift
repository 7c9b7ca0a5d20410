/// How closely a workplace's occupation meets a client's wishes, with the points it earns out of
/// `MatchingEngine.occupationPoints`.
enum OccupationLevel: Int, Comparable, Sendable {
    case none = 0
    /// Same ISCO minor group (3 digits), e.g. another elementary kitchen job.
    case sameMinorGroup
    /// Same ISCO unit group (4 digits) as a desired ESCO occupation.
    case sameUnitGroup
    /// The desired ESCO occupation, or inside the desired ISCO group.
    case desired

    var points: Double {
        switch self {
        case .none: 0
        case .sameMinorGroup: 10
        case .sameUnitGroup: 25
        case .desired: 40
        }
    }

    static func < (lhs: OccupationLevel, rhs: OccupationLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The best level over the client's desired occupations, without saying which (for ranking:
    /// no copies of the occupations' texts).
    static func best(_ workplace: OccupationTarget, for desired: [OccupationTarget]) -> OccupationLevel {
        var best = OccupationLevel.none
        for wish in desired {
            let level = level(workplace, wish)
            if level == .desired { return .desired }
            if level > best { best = level }
        }
        return best
    }

    /// The best level over the client's desired occupations, and the wish it meets.
    static func of(_ workplace: OccupationTarget, for desired: [OccupationTarget]) -> (OccupationLevel, OccupationTarget?) {
        var best: (OccupationLevel, OccupationTarget?) = (.none, nil)
        for wish in desired {
            let level = level(workplace, wish)
            if level > best.0 { best = (level, wish) }
            if level == .desired { break }
        }
        return best
    }

    private static func level(_ workplace: OccupationTarget, _ wish: OccupationTarget) -> OccupationLevel {
        if let uri = wish.uri {
            if workplace.uri == uri { return .desired }
            if workplace.digits == 4, wish.digits == 4, workplace.isco == wish.isco { return .sameUnitGroup }
        } else if workplace.digits >= wish.digits, workplace.prefix(wish.digits) == wish.isco {
            return .desired
        }
        if workplace.digits >= 3, wish.digits >= 3, workplace.prefix(3) == wish.prefix(3) { return .sameMinorGroup }
        return .none
    }
}
