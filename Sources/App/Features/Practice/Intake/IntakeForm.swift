import JobcoachCore
import Vapor

/// The intake form (task 1): its fields, what each is on the page, and its one validation.
struct IntakeForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case heldOn, reason, question, motivation
        case lifeWorld, socialNetwork, professionalNetwork
        case agreedTrajectory, expectations, followUp, codeOfConduct

        var isRequired: Bool { [.heldOn, .reason, .question].contains(self) }

        /// The message when a required field is empty (the date has the form's own).
        var missingKey: String? {
            switch self {
            case .reason: "intakeReasonMissing"
            case .question: "intakeQuestionMissing"
            default: nil
            }
        }

        var isText: Bool { self != .heldOn && self != .codeOfConduct }
    }

    /// The page's sections, in order; the code of conduct is a checkbox in the last one.
    static let sections: [(legendKey: String, fields: [Field])] = [
        (legendKey: "intakeConversation", fields: [.heldOn, .reason, .question, .motivation]),
        (legendKey: "intakeLifeWorldSection", fields: [.lifeWorld, .socialNetwork, .professionalNetwork]),
        (legendKey: "intakeAgreements", fields: [.agreedTrajectory, .expectations, .followUp]),
    ]

    static let maximumTextLength = 10_000

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// The form filled in from a stored intake (empty for none).
    init(_ intake: Intake?) {
        guard let intake else { posted = PostedForm([:]); return }
        posted = PostedForm([
            .heldOn: intake.heldOn, .reason: intake.reason, .question: intake.question, .motivation: intake.motivation,
            .lifeWorld: intake.lifeWorld, .socialNetwork: intake.socialNetwork, .professionalNetwork: intake.professionalNetwork,
            .agreedTrajectory: intake.agreedTrajectory, .expectations: intake.expectations, .followUp: intake.followUp,
            .codeOfConduct: intake.codeOfConductDiscussed ? "yes" : "",
        ])
    }

    /// The one validation step: the date it was held (not in the future), the required texts, the
    /// length of every text. Nil with the problems by field when the form cannot be saved.
    mutating func validate(today: CalendarDate) -> CalendarDate? {
        let heldOn = posted.date(.heldOn, required: true)
        if let heldOn, heldOn > today { posted.problem(.heldOn, "cpdInFuture") }
        for field in Field.allCases {
            if let key = field.missingKey, posted[field].isEmpty { posted.problem(field, key) }
        }
        for field in Field.allCases where field.isText && posted[field].count > Self.maximumTextLength {
            posted.problem(field, "formTooLong")
        }
        return posted.problems.isEmpty ? heldOn : nil
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
        }
    }

    /// The key of the hint below the label, for the fields that have one.
    var hintKey: String? {
        switch self {
        case .lifeWorld: "intakeLifeWorldHint"
        case .socialNetwork: "intakeSocialNetworkHint"
        case .professionalNetwork: "intakeProfessionalNetworkHint"
        case .codeOfConduct: "intakeCodeOfConductHint"
        case .heldOn, .reason, .question, .motivation, .agreedTrajectory, .expectations, .followUp: nil
        }
    }
}
