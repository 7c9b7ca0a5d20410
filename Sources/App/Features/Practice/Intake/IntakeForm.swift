import JobcoachCore
import Vapor

/// The intake form (task 1): its fields, what each is on the page, and its one validation. Its last
/// section holds what outcomes are compared by (`IntakeFactorsRow`); all of it may stay empty.
struct IntakeForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case heldOn, reason, question, motivation
        case lifeWorld, socialNetwork, professionalNetwork
        case agreedTrajectory, expectations, followUp, codeOfConduct
        case supportNeed, monthsOutOfWork, employedAtIntake, workExperience, paymentGroup

        /// The factors outcomes are compared by, in their own section after the others.
        static let factors: [Field] = [.supportNeed, .monthsOutOfWork, .employedAtIntake, .workExperience, .paymentGroup]

        var isRequired: Bool { [.heldOn, .reason, .question].contains(self) }

        /// The message when a required field is empty (the date has the form's own).
        var missingKey: String? {
            switch self {
            case .reason: "intakeReasonMissing"
            case .question: "intakeQuestionMissing"
            default: nil
            }
        }

        var isText: Bool { self != .heldOn && self != .codeOfConduct && !Self.factors.contains(self) }
    }

    /// The target groups' checkboxes (`targetGroup.<id>`).
    enum Group: String, FormFieldName {
        case targetGroup
    }

    /// The page's sections, in order; the code of conduct is a checkbox in the last one.
    static let sections: [(legendKey: String, fields: [Field])] = [
        (legendKey: "intakeConversation", fields: [.heldOn, .reason, .question, .motivation]),
        (legendKey: "intakeLifeWorldSection", fields: [.lifeWorld, .socialNetwork, .professionalNetwork]),
        (legendKey: "intakeAgreements", fields: [.agreedTrajectory, .expectations, .followUp]),
    ]

    static let maximumTextLength = 10_000
    static let maximumMonthsOutOfWork = 600
    static let maximumPaymentGroupLength = 40

    /// What was known at intake that outcomes are compared by, checked.
    struct Factors: Sendable {
        var targetGroups: [TargetGroup]
        var supportNeed: SupportNeed?
        var monthsOutOfWork: Int?
        var employedAtIntake: Bool
        var workExperience: Bool?
        var paymentGroup: String

        /// Writes the factors into the trajectory's row; the age is worked out by the handler.
        func apply(to row: IntakeFactorsRow, ageAtIntake: Int?) {
            row.targetGroups = targetGroups.map(\.rawValue).joined(separator: " ")
            row.supportNeed = supportNeed?.rawValue
            row.monthsOutOfWork = monthsOutOfWork
            row.employedAtIntake = employedAtIntake
            row.workExperience = workExperience
            row.ageAtIntake = ageAtIntake
            row.paymentGroup = paymentGroup
        }
    }

    /// What the form stores, checked.
    struct Valid: Sendable {
        var heldOn: CalendarDate
        var factors: Factors
    }

    var posted: PostedForm<Field>
    var checks: CheckGroups<Group>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
        checks = try CheckGroups(from: decoder)
    }

    /// The form filled in from a stored intake and its factors (empty for none).
    init(_ intake: Intake?, factors row: IntakeFactorsRow?) {
        var values: [Field: String] = [:]
        if let intake {
            values = [
                .heldOn: intake.heldOn, .reason: intake.reason, .question: intake.question, .motivation: intake.motivation,
                .lifeWorld: intake.lifeWorld, .socialNetwork: intake.socialNetwork, .professionalNetwork: intake.professionalNetwork,
                .agreedTrajectory: intake.agreedTrajectory, .expectations: intake.expectations, .followUp: intake.followUp,
                .codeOfConduct: intake.codeOfConductDiscussed ? "yes" : "",
            ]
        }
        var groups: [String] = []
        if let row {
            values[.supportNeed] = row.supportNeed ?? ""
            values[.monthsOutOfWork] = row.monthsOutOfWork.map { String($0) } ?? ""
            values[.employedAtIntake] = row.employedAtIntake ? "yes" : "no"
            values[.workExperience] = row.workExperience.map { $0 ? "yes" : "no" } ?? ""
            values[.paymentGroup] = row.paymentGroup
            let stored = row.groups
            groups = TargetGroup.allCases.filter { stored.contains($0) }.map(\.rawValue)
        }
        posted = PostedForm(values)
        checks = CheckGroups([.targetGroup: groups])
    }

    /// The values by input id (the checkboxes included), to show the form again.
    var values: [String: String] { posted.values.merging(checks.values) { field, _ in field } }

    /// The target groups ticked, in the order of the vocabulary.
    var tickedGroups: [TargetGroup] {
        checks.ticked(.targetGroup, among: TargetGroup.allCases.map(\.rawValue)).compactMap { TargetGroup(rawValue: $0) }
    }

    /// The one validation step: the date it was held (not in the future), the required texts, the
    /// length of every text, and the outcome factors. Nil with the problems by field when the form
    /// cannot be saved.
    mutating func validate(today: CalendarDate) -> Valid? {
        let heldOn = posted.date(.heldOn, required: true)
        if let heldOn, heldOn > today { posted.problem(.heldOn, "cpdInFuture") }
        for field in Field.allCases {
            if let key = field.missingKey, posted[field].isEmpty { posted.problem(field, key) }
        }
        for field in Field.allCases where field.isText && posted[field].count > Self.maximumTextLength {
            posted.problem(field, "formTooLong")
        }
        posted.checkbox(.codeOfConduct)
        let factors = validateFactors()
        guard posted.problems.isEmpty, let heldOn else { return nil }
        return Valid(heldOn: heldOn, factors: factors)
    }

    /// The outcome factors: each may be left empty (not known); employed at intake is then "no".
    private mutating func validateFactors() -> Factors {
        let needText = posted[.supportNeed]
        let supportNeed = SupportNeed(rawValue: needText)
        if !needText.isEmpty, supportNeed == nil { posted.problem(.supportNeed, "intakeChoiceInvalid") }
        var months: Int?
        let monthsText = posted[.monthsOutOfWork]
        if !monthsText.isEmpty {
            if let number = Int(monthsText), (0...Self.maximumMonthsOutOfWork).contains(number) {
                months = number
            } else {
                posted.problem(.monthsOutOfWork, "intakeMonthsOutOfWorkInvalid")
            }
        }
        let employed = answer(.employedAtIntake) ?? false
        let experience = answer(.workExperience)
        if posted[.paymentGroup].count > Self.maximumPaymentGroupLength { posted.problem(.paymentGroup, "intakePaymentGroupTooLong") }
        return Factors(targetGroups: tickedGroups, supportNeed: supportNeed, monthsOutOfWork: months, employedAtIntake: employed,
                       workExperience: experience, paymentGroup: posted[.paymentGroup])
    }

    /// "yes", "no", or nothing (not known); anything else is a problem.
    private mutating func answer(_ field: Field) -> Bool? {
        switch posted[field] {
        case "yes": return true
        case "no": return false
        case "": return nil
        default:
            posted.problem(field, "intakeChoiceInvalid")
            return nil
        }
    }

    /// Writes the form into the intake row.
    func apply(to intake: Intake, heldOn: CalendarDate) {
        intake.heldOn = heldOn.description
        intake.reason = posted[.reason]
        intake.question = posted[.question]
        intake.motivation = posted[.motivation]
        intake.lifeWorld = posted[.lifeWorld]
        intake.socialNetwork = posted[.socialNetwork]
        intake.professionalNetwork = posted[.professionalNetwork]
        intake.agreedTrajectory = posted[.agreedTrajectory]
        intake.expectations = posted[.expectations]
        intake.followUp = posted[.followUp]
        intake.codeOfConductDiscussed = posted.isChecked(.codeOfConduct)
    }
}

/// The words of the intake form's fields, each key written out.
extension IntakeForm.Field {
    /// The key of the field's label.
    var labelKey: String {
        switch self {
        case .heldOn: "intakeHeldOn"
        case .reason: "intakeReason"
        case .question: "intakeQuestion"
        case .motivation: "intakeMotivation"
        case .lifeWorld: "intakeLifeWorld"
        case .socialNetwork: "intakeSocialNetwork"
        case .professionalNetwork: "intakeProfessionalNetwork"
        case .agreedTrajectory: "intakeAgreedTrajectory"
        case .expectations: "intakeExpectations"
        case .followUp: "intakeFollowUp"
        case .codeOfConduct: "intakeCodeOfConduct"
        case .supportNeed: "intakeSupportNeed"
        case .monthsOutOfWork: "intakeMonthsOutOfWork"
        case .employedAtIntake: "intakeEmployedAtIntake"
        case .workExperience: "intakeWorkExperience"
        case .paymentGroup: "intakePaymentGroup"
        }
    }

    /// The key of the hint below the label, for the fields that have one.
    var hintKey: String? {
        switch self {
        case .lifeWorld: "intakeLifeWorldHint"
        case .socialNetwork: "intakeSocialNetworkHint"
        case .professionalNetwork: "intakeProfessionalNetworkHint"
        case .codeOfConduct: "intakeCodeOfConductHint"
        case .monthsOutOfWork: "intakeMonthsOutOfWorkHint"
        case .employedAtIntake: "intakeEmployedAtIntakeHint"
        case .workExperience: "intakeWorkExperienceHint"
        case .paymentGroup: "intakePaymentGroupHint"
        // The support need's hint is the definitions of its levels, from the outcome vocabulary.
        case .heldOn, .reason, .question, .motivation, .agreedTrajectory, .expectations, .followUp, .supportNeed: nil
        }
    }
}
