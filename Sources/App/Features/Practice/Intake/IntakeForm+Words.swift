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
