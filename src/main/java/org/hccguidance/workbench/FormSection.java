package org.hccguidance.workbench;

import java.util.List;

/**
 * A fieldset of the patient form: an object of the request ({@code liver}, {@code risks}, ...) or one
 * list of the request shown as rows ({@code priorSystemicTherapies}).
 *
 * @param rows for a list: the fields of each row, in row order; empty for an object section
 */
public record FormSection(String key, String legend, List<FormField> fields, List<List<FormField>> rows) {

    public FormSection {
        fields = List.copyOf(fields);
        rows = rows.stream().map(List::copyOf).toList();
    }

    public boolean list() {
        return !rows.isEmpty();
    }
}
