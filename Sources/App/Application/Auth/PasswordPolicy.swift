/// What a new password must be. Long rather than complicated; bcrypt reads at most 72 bytes, so
/// a longer password would be silently cut.
enum PasswordPolicy {
    static let minimumLength = 12
    static let maximumBytes = 72

    /// The key of the message for the first rule the password breaks, or nil when it is fine.
    static func problemKey(_ password: String, email: String) -> String? {
        if password.count < minimumLength { return "passwordTooShort" }
        if password.utf8.count > maximumBytes { return "passwordTooLong" }
        if password.lowercased() == email.lowercased() { return "passwordIsEmail" }
        if Set(password).count < 4 { return "passwordTooSimple" }
        return nil
    }
}
