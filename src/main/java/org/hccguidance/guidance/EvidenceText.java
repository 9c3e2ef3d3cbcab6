package org.hccguidance.guidance;

import java.util.ArrayList;
import java.util.List;

/** One line summarising a study, for text and HTML reports. */
public final class EvidenceText {

    private EvidenceText() {
    }

    public static String summary(EvidenceItem e) {
        List<String> parts = new ArrayList<>();
        parts.add(e.source() + (e.year() == null ? "" : " (" + e.year() + ")"));
        if (e.design() != null) {
            parts.add(e.design());
        }
        if (e.n() != null) {
            parts.add("n=" + e.n());
        }
        add(parts, "mPFS", e.mPfsMonths(), " mo");
        add(parts, "mOS", e.mOsMonths(), " mo");
        add(parts, "ORR", e.orrPct(), "%");
        add(parts, "DCR", e.dcrPct(), "%");
        add(parts, "G3/4 TRAE", e.grade34TraePct(), "%");
        add(parts, "HR", e.hr(), "");
        if (e.note() != null && !e.note().isBlank()) {
            parts.add(e.note());
        }
        if (e.reference() != null) {
            parts.add(e.reference());
        }
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, String label, Double value, String unit) {
        if (value != null) {
            String v = value == Math.rint(value) ? String.valueOf(value.longValue()) : value.toString();
            parts.add(label + " " + v + unit);
        }
    }
}
