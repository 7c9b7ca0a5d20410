/// The words of the employee profile form's fields, each key written out.
extension ProfileForm.Field {
    /// The key of the field's label.
    var labelKey: String {
        switch self {
        case .motivators: "profileMotivators"
        case .values: "profileValues"
        case .skills: "profileSkills"
        case .interests: "profileInterests"
        case .wishes: "profileWishes"
        case .learningStyle: "profileLearningStyle"
        case .attentionPoints: "profileAttentionPoints"
        case .limitations: "profileLimitations"
        case .possibilities: "profilePossibilities"
        case .lastingParticipation: "profileLastingParticipation"
        case .goals: "profileGoals"
        case .planOfApproach: "profilePlanOfApproach"
        case .agreedOn: "profileAgreedOn"
        case .desiredOccupations: "profileDesiredOccupations"
        case .hoursMin: "profileHoursMin"
        case .hoursMax: "profileHoursMax"
        case .homePlace: "profileHomePlace"
        case .homeLat: "profileHomeLat"
        case .homeLon: "profileHomeLon"
        case .maxTravelKm: "profileMaxTravelKm"
        }
    }

    /// The key of the hint below the label, for the fields that have one.
    var hintKey: String? {
        switch self {
        case .skills: "profileSkillsHint"
        case .lastingParticipation: "profileLastingParticipationHint"
        case .agreedOn: "profileAgreedOnHint"
        case .desiredOccupations: "profileDesiredOccupationsHint"
        case .homePlace: "profileHomePlaceHint"
        case .maxTravelKm: "profileMaxTravelKmHint"
        case .motivators, .values, .interests, .wishes, .learningStyle, .attentionPoints, .limitations, .possibilities, .goals,
             .planOfApproach, .hoursMin, .hoursMax, .homeLat, .homeLon: nil
        }
    }
}
