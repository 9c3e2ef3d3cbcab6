package org.hccguidance.facts;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ExpressionLanguageFeatureLevel;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Bean-validation of a patient, the one used by the API, the CLI and scenario files, so that all
 * three give the same messages.
 *
 * <p>Messages are interpolated by Hibernate Validator's standard interpolator, which evaluates the
 * expressions in its default messages (such as {@code @DecimalMax}'s
 * {@code must be less than ${inclusive == true ? 'or equal to ' : ''}{value}}); expression language
 * is limited to the constraint's own attributes, and custom violation messages get none, so no
 * validated value can be evaluated. Messages are always the base (English) text, whatever the
 * machine's locale.
 */
public final class PatientValidation {

    private static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class).configure()
            .constraintExpressionLanguageFeatureLevel(ExpressionLanguageFeatureLevel.VARIABLES)
            .customViolationExpressionLanguageFeatureLevel(ExpressionLanguageFeatureLevel.NONE)
            .defaultLocale(Locale.ROOT)
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
