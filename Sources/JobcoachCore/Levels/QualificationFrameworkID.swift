/// The qualification frameworks the product knows: the European one and the national ones of the
/// countries in the source documents (the Netherlands; England, Wales and Northern Ireland; Scotland).
public enum QualificationFrameworkID: String, CaseIterable, Codable, Sendable, Comparable {
    case eqf = "EQF"
    case nlqf = "NLQF"
    case rqf = "RQF"
    case scqf = "SCQF"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
