package org.hccguidance.workbench;

import java.util.List;
import java.util.Map;

/** The values the form shows, by field path; what the templates ask to fill each input. */
public record FormValues(Map<String, List<String>> byPath) {

    public FormValues {
        byPath = Map.copyOf(byPath);
    }

    static FormValues empty() {
        return new FormValues(Map.of());
    }

    static FormValues ofParams(Map<String, String[]> params) {
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, List.of(v)));
        return new FormValues(out);
    }

    /** The first value of a field, or the empty string. */
    public String value(String path) {
        List<String> v = byPath.get(path);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    /** Whether a choice or one of a multi-choice's boxes is selected. */
    public boolean selected(String path, String option) {
        List<String> v = byPath.get(path);
        return v != null && v.contains(option);
    }

    Map<String, String> firstValues() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        byPath.forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
        return out;
    }
}
