package org.hccguidance.facts;

import java.util.Collection;
import java.util.List;

/** Small text helpers the rules use to write rationales. */
public final class Format {

    /** Criteria read best in the order a trial lists them: prior therapy, liver, performance status, stage. */
    private static final List<String> CRITERIA_ORDER = List.of("prior", "liver", "ecog", "bclc");

    private Format() {
    }

    /** 400.0 as "400", 3.5 as "3.5". */
    public static String number(Number value) {
        if (value == null) {
            return "unknown";
        }
        double d = value.doubleValue();
        return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** The texts of the given trial criteria in a stable order. */
    public static List<String> criteriaTexts(Collection<?> criteria) {
        return criteria.stream().filter(TrialCriterion.class::isInstance).map(TrialCriterion.class::cast)
                .sorted(java.util.Comparator.comparingInt((TrialCriterion c) -> CRITERIA_ORDER.indexOf(c.kind()))
                        .thenComparing(TrialCriterion::text))
                .map(TrialCriterion::text).toList();
    }
}
