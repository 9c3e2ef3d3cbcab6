package org.hccguidance.facts;

/** Small text helpers the rules use to write rationales. */
public final class Format {

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

    /** The values in natural order, as a list that prints as "[A, B]"; for stable rationales. */
    public static java.util.List<String> sorted(java.util.Collection<?> values) {
        return values.stream().map(String::valueOf).sorted().toList();
    }
}
