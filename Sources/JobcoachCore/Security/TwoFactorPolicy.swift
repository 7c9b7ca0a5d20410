/// Who must log in with a second factor. Administrators and register officers always: they reach
/// every account or every register record. Where an agency asks for it, also everyone who reads
/// client data (coaches and team leads). Others may turn it on themselves.
public enum TwoFactorPolicy {
    public static func isRequired(for role: Role, agencyRequires: Bool) -> Bool {
        if role.may(.manageUsers) || role.may(.manageRegister) { return true }
        return agencyRequires && (role.may(.workWithClients) || role.may(.leadTeam))
    }

    /// How long someone has between the password and the code: after that they start again.
    public static let secondStepSeconds: Double = 5 * 60
}
