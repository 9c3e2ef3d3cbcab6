package org.hccguidance.facts;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import java.util.Comparator;
import java.util.List;

/** Bean-validation of a patient outside Spring (CLI, scenario files), with the same messages as the API. */
public final class PatientValidation {

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
            .buildValidatorFactory();

    private PatientValidation() {
    }

    /** Each problem as a field and a message, sorted by field; empty when the patient is valid. */
    public static List<FieldProblem> violations(PatientCase patient) {
        return FACTORY.getValidator().validate(patient).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
    }

    /** Each problem as "field: message", sorted; empty when the patient is valid. */
    public static List<String> problems(PatientCase patient) {
        return violations(patient).stream().map(p -> p.field() + ": " + p.message()).toList();
    }
}
