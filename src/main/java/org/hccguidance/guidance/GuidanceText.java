package org.hccguidance.guidance;

import java.util.List;

/** Renders guidance as plain text for a clinician reading a terminal. */
public final class GuidanceText {

    private GuidanceText() {
    }

    public static String render(GuidanceResponse g) {
        StringBuilder sb = new StringBuilder();
        Derived d = g.derived();
        sb.append("Setting: ").append(g.setting() == null ? "undetermined" : g.setting()).append('\n');
        sb.append("Derived: Child-Pugh ").append(orDash(d.childPughClass())).append(orDash(d.childPughScore()))
                .append(", ALBI ").append(orDash(d.albiScore())).append(" (grade ").append(orDash(d.albiGrade()))
                .append("), BCLC ").append(d.bclcStage() == null ? "-" : d.bclcStage().json())
                .append(d.oligoprogression() ? ", oligoprogression" : "")
                .append(d.antiVegfContraindicated() ? ", anti-VEGF contraindicated" : "")
                .append(d.immunotherapyContraindicated() ? ", immunotherapy contraindicated" : "").append('\n');
        section(sb, "Alerts", g.alerts(), a -> "[" + a.severity() + "] " + a.code() + ": " + a.message());
        section(sb, "Missing data", g.missingData(), m -> m.field() + ": " + m.why());
        sb.append("\nRecommended\n");
        if (g.recommendations().isEmpty()) {
            sb.append("  (none)\n");
        }
        for (Recommendation r : g.recommendations()) {
            sb.append(String.format("  %d. %s (%s, %s) - %s%n", r.rank(), r.code(), r.category(), r.strength(), r.title()));
            sb.append("     why: ").append(r.rationale()).append('\n');
            for (String c : r.cautions()) {
                sb.append("     caution: ").append(c).append('\n');
            }
            for (EvidenceItem e : r.evidence()) {
                sb.append("     evidence: ").append(EvidenceText.summary(e)).append('\n');
            }
        }
        section(sb, "Not recommended", g.notRecommended(), n -> n.code() + ": " + n.reason());
        section(sb, "Matching trials", g.trials(), t -> t.id() + " " + t.title() + " (" + String.join("; ", t.criteriaMet()) + ")");
        sb.append("\nRule set ").append(g.audit().rulesetVersion()).append(" from ").append(g.audit().rulesetSource())
                .append(", ").append(g.audit().firedRules().size()).append(" rules fired\n");
        return sb.toString();
    }

    private static <T> void section(StringBuilder sb, String title, List<T> items, java.util.function.Function<T, String> line) {
        if (items.isEmpty()) {
            return;
        }
        sb.append('\n').append(title).append('\n');
        items.forEach(i -> sb.append("  - ").append(line.apply(i)).append('\n'));
    }

    private static String orDash(Object o) {
        return o == null ? "-" : o.toString();
    }
}
