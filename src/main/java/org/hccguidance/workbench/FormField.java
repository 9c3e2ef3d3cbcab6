package org.hccguidance.workbench;

import java.math.BigDecimal;
import java.util.List;

/**
 * One input of the patient form, described from the API contract's schema: the JSON path it fills,
 * its label and help text, its kind and its allowed values or range.
 *
 * @param path    the request field path, with {@code [i]} for a row of a list (e.g. {@code priorSystemicTherapies[0].regimen})
 * @param options allowed values for choices; empty for free input
 */
public record FormField(String path, String label, String help, Kind kind, List<String> options, BigDecimal min,
                        BigDecimal max) {

    /** How a field is entered. */
    public enum Kind { INTEGER, NUMBER, BOOLEAN, CHOICE, MULTI_CHOICE, TEXT }

    public FormField {
        options = List.copyOf(options);
    }

    /** An HTML id derived from the path (letters, digits and '-' only). */
    public String id() {
        return "f-" + path.replaceAll("[^A-Za-z0-9]+", "-");
    }

    public boolean number() {
        return kind == Kind.INTEGER || kind == Kind.NUMBER;
    }

    /** The field as it stands for a list row. */
    FormField inRow(String listPath, int index) {
        return new FormField(listPath + "[" + index + "]." + path, label, help, kind, options, min, max);
    }

    FormField withOptions(List<String> values) {
        return new FormField(path, label, help, kind == Kind.TEXT ? Kind.CHOICE : kind, values, min, max);
    }
}
