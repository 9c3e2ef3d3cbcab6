package org.hccguidance.cdshooks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One immutable reading of the terminology tables under {@code rules/terminology/}: which code means
 * what ({@code terminology.tsv}), how each field is read ({@code fields.tsv}), the mapping's time
 * windows ({@code settings.tsv}) and the override reasons offered on cards ({@code override-reasons.tsv}).
 * No code, unit, window or reason lives in Java: a hospital adds its local codes to these files.
 */
public final class Terminology {

    /** Kinds of row in terminology.tsv; anything else is refused with its line. */
    static final Set<String> KINDS = Set.of("condition", "observation", "answer", "severity", "agent", "stop-reason",
            "procedure", "component", "gene", "variant-type", "aa-change", "ae-term", "ae-severity", "ae-outcome", "disease-status");

    /** One row of terminology.tsv. A code ending in {@code *} matches every code that starts with the rest. */
    public record Code(String system, String code, String kind, String target, String value, String display, String where) {

        boolean wildcard() {
            return code.endsWith("*");
        }
    }

    /** One row of fields.tsv. */
    public record Field(String name, String unit, Integer lookbackDays, Double molarMassGPerMol, String flag,
                        Double flagAtOrAbove, String relevantTo, String ifUnknown) {
    }

    /** One row of override-reasons.tsv. */
    public record OverrideReason(String system, String code, String display, String applies) {
    }

    private final Map<String, Code> exact = new HashMap<>();
    private final Map<String, List<Code>> wildcards = new HashMap<>();
    private final Map<String, List<Code>> byKind = new HashMap<>();
    private final Map<String, Field> fields;
    private final Map<String, Integer> settings;
    private final List<OverrideReason> overrideReasons;
    private final String source;

    Terminology(List<Code> codes, Map<String, Field> fields, Map<String, Integer> settings,
                List<OverrideReason> overrideReasons, String source) {
        for (Code c : codes) {
            byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c);
            if (c.wildcard()) {
                wildcards.computeIfAbsent(c.kind() + '|' + c.system(), k -> new ArrayList<>()).add(c);
            } else {
                exact.putIfAbsent(key(c.kind(), c.system(), c.code()), c);
            }
        }
        this.fields = Map.copyOf(fields);
        this.settings = Map.copyOf(settings);
        this.overrideReasons = List.copyOf(overrideReasons);
        this.source = source;
    }

    /** The row for a code of a kind; exact codes first, then the longest matching code family. */
    public Optional<Code> find(String kind, String system, String code) {
        if (system == null || code == null) {
            return Optional.empty();
        }
        Code hit = exact.get(key(kind, system, code));
        if (hit != null) {
            return Optional.of(hit);
        }
        Code best = null;
        for (Code c : wildcards.getOrDefault(kind + '|' + system, List.of())) {
            String prefix = c.code().substring(0, c.code().length() - 1);
            if (code.startsWith(prefix) && (best == null || prefix.length() > best.code().length() - 1)) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    public List<Code> ofKind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public Map<String, Field> fields() {
        return fields;
    }

    /** A named window in days; a missing name is a table error caught when the tables are read. */
    public int days(String name) {
        Integer v = settings.get(name);
        if (v == null) {
            throw new IllegalStateException("settings.tsv has no row '" + name + "'");
        }
        return v;
    }

    boolean hasSetting(String name) {
        return settings.containsKey(name);
    }

    /**
     * Look-back of an observation field in days: its own window, else {@code default-lookback-days};
     * null when the field's window is {@code any} (genomic results do not expire).
     */
    public Integer lookbackDays(String field) {
        Field f = fields.get(field);
        if (f != null && f.lookbackDays() != null) {
            return f.lookbackDays() < 0 ? null : f.lookbackDays();
        }
        return days("default-lookback-days");
    }

    public List<OverrideReason> overrideReasons(String applies) {
        return overrideReasons.stream().filter(r -> r.applies().equals("all") || r.applies().equals(applies)).toList();
    }

    public String source() {
        return source;
    }

    static String key(String kind, String system, String code) {
        return kind + '|' + system + '|' + code;
    }

    static String normal(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
