package org.hccguidance.cdshooks;

import org.hccguidance.facts.RegimenComponent;
import org.hccguidance.guidance.Alert;
import org.hccguidance.guidance.EvidenceItem;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.MissingData;
import org.hccguidance.guidance.NotRecommended;
import org.hccguidance.guidance.Recommendation;
import org.hccguidance.guidance.Severity;
import org.hccguidance.guidance.TrialMatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns guidance into CDS Hooks cards: one per recommended option, one for alerts, ruled-out options and
 * the missing data that would change the answer, one for matching trials; or, when the record does not
 * allow an evaluation, one card saying what to add. The wording is generic; every clinical statement in
 * a card comes from the guidance (the rules' rationale, evidence, cautions, reasons and alerts).
 */
public final class CardFactory {

    /** Longest summary the specification allows ("&lt;140-character"). */
    public static final int MAX_SUMMARY = 139;
    public static final String TOPIC_SYSTEM = "http://hccguidance.org/fhir/CodeSystem/card-topic";

    /** A card and what it is about, for the feedback store. */
    public record Issued(CdsJson.Card card, String kind, String code) {
    }

    /** Per-call facts that every card shows. */
    public record Context(String rulesetVersion, String sourceUrl, String pageUrl, List<CdsJson.Coding> overrideReasons) {
    }

    private CardFactory() {
    }

    public static List<Issued> patientView(GuidanceResponse g, MappedPatient mapped, List<RegimenComponent> catalogue, Context ctx) {
        String indicator = indicator(g.alerts());
        List<Issued> out = new ArrayList<>();
        int total = g.recommendations().size();
        for (Recommendation r : g.recommendations()) {
            String summary = "Option " + r.rank() + " of " + total + ": " + r.title() + " (" + words(r.strength().name()) + ")";
            out.add(new Issued(card(summary, recommendationDetail(r, total, ctx), indicator, ctx,
                    topic("recommendation", r.code(), r.title())), "RECOMMENDATION", r.code()));
        }
        List<MappedPatient.Note> missing = relevant(mapped.missing(), g, catalogue);
        if (!g.alerts().isEmpty() || !g.missingData().isEmpty() || !missing.isEmpty() || !g.notRecommended().isEmpty()) {
            String summary;
            int gaps = g.missingData().size() + missing.size();
            Alert top = g.alerts().isEmpty() ? null : g.alerts().get(0);
            boolean barred = g.derived().antiVegfContraindicated() || g.derived().immunotherapyContraindicated();
            // The most important line first: a warning or critical alert, then a bar on a drug class,
            // then an informational alert, then what to add.
            if (top != null && top.severity() != Severity.INFO) {
                summary = words(top.severity().name()) + ": " + top.message();
            } else if (barred) {
                summary = (g.derived().antiVegfContraindicated() ? "Anti-VEGF therapy" : "Immunotherapy")
                        + (g.derived().antiVegfContraindicated() && g.derived().immunotherapyContraindicated() ? " and immunotherapy are" : " is")
                        + " contraindicated; " + g.notRecommended().size() + " options ruled out";
            } else if (gaps > 0) {
                summary = "Add " + gaps + " missing item" + (gaps == 1 ? "" : "s") + " to refine the guidance";
            } else if (top != null) {
                summary = words(top.severity().name()) + ": " + top.message();
            } else {
                summary = g.notRecommended().size() + " option" + (g.notRecommended().size() == 1 ? " is" : "s are") + " ruled out for this patient";
            }
            // A safety check that bars a drug class is worth a warning even when no alert was raised.
            String alertsIndicator = indicator.equals("info") && (g.derived().antiVegfContraindicated()
                    || g.derived().immunotherapyContraindicated()) ? "warning" : indicator;
            out.add(new Issued(card(summary, alertsDetail(g, missing, mapped, ctx), alertsIndicator, ctx,
                    topic("alerts", "ALERTS", "Alerts, ruled-out options and missing data")), "ALERTS", null));
        }
        if (!g.trials().isEmpty()) {
            String ids = g.trials().stream().map(TrialMatch::id).collect(Collectors.joining(", "));
            String summary = g.trials().size() + " recruiting trial" + (g.trials().size() == 1 ? " matches" : "s match") + ": " + ids;
            out.add(new Issued(card(summary, trialsDetail(g.trials(), ctx), "info", ctx,
                    topic("trials", "TRIALS", "Matching clinical trials")), "TRIALS", null));
        }
        return out;
    }

    /** The one card when the record does not allow an evaluation. */
    public static Issued dataNeeded(MappedPatient mapped, Context ctx) {
        StringBuilder d = new StringBuilder("The guidance could not be evaluated from the record. Add:\n\n");
        for (MappedPatient.Note n : mapped.blockers()) {
            d.append("- **").append(md(n.field())).append("**: ").append(md(n.why())).append('\n');
        }
        List<MappedPatient.Note> others = mapped.missing().stream().filter(n -> n.relevantTo() == null).toList();
        if (!others.isEmpty()) {
            d.append("\nAlso missing:\n\n");
            others.forEach(n -> d.append("- **").append(md(n.field())).append("**: ").append(md(n.why())).append('\n'));
        }
        readings(d, mapped);
        footer(d, ctx);
        String first = mapped.blockers().get(0).why();
        return new Issued(card("HCC guidance needs more data: " + first, d.toString(), "info", ctx,
                topic("data-needed", "DATA_NEEDED", "Data needed for the guidance")), "DATA_NEEDED", null);
    }

    static CdsJson.Card card(String summary, String detail, String indicator, Context ctx, CdsJson.Coding topic) {
        List<CdsJson.Link> links = ctx.pageUrl() == null ? List.of()
                : List.of(new CdsJson.Link("Open the full HCC guidance for this patient", ctx.pageUrl(), "absolute", null));
        return new CdsJson.Card(UUID.randomUUID().toString(), summary(summary), detail, indicator, source(ctx, topic),
                null, null, ctx.overrideReasons(), links);
    }

    static CdsJson.Source source(Context ctx, CdsJson.Coding topic) {
        return new CdsJson.Source("HCC Guidance, rule set " + shortVersion(ctx.rulesetVersion()), ctx.sourceUrl(), null, topic);
    }

    static CdsJson.Coding topic(String kind, String code, String display) {
        return new CdsJson.Coding(TOPIC_SYSTEM + "/" + kind, code, display);
    }

    /** The strongest alert decides how urgent the guidance cards are. */
    static String indicator(List<Alert> alerts) {
        Severity worst = null;
        for (Alert a : alerts) {
            if (worst == null || a.severity().compareTo(worst) > 0) {
                worst = a.severity();
            }
        }
        return worst == null ? "info" : worst.name().toLowerCase(Locale.ROOT);
    }

    /** Missing items that matter: VEGF or checkpoint risks only when such an option is offered. */
    static List<MappedPatient.Note> relevant(List<MappedPatient.Note> notes, GuidanceResponse g, List<RegimenComponent> catalogue) {
        Set<String> offered = g.recommendations().stream().map(Recommendation::code).collect(Collectors.toSet());
        boolean vegf = catalogue.stream().anyMatch(rc -> offered.contains(rc.regimen()) && rc.isVegfTargeting());
        boolean checkpoint = catalogue.stream().anyMatch(rc -> offered.contains(rc.regimen()) && rc.isCheckpoint());
        return notes.stream()
                .filter(n -> n.relevantTo() == null || "VEGF".equals(n.relevantTo()) && vegf || "CHECKPOINT".equals(n.relevantTo()) && checkpoint)
                .toList();
    }

    private static String recommendationDetail(Recommendation r, int total, Context ctx) {
        StringBuilder d = new StringBuilder();
        d.append("**").append(md(r.title())).append("** (`").append(r.code()).append("`)\n\n");
        d.append("- Strength: **").append(r.strength()).append("**\n");
        if (r.grade() != null) {
            d.append("- Grade: evidence ").append(r.grade().evidenceQuality()).append(", recommendation ")
                    .append(r.grade().recommendationStrength());
            if (r.grade().basis() != null) {
                d.append(" (").append(md(r.grade().basis())).append(')');
            }
            d.append('\n');
        }
        d.append("- Rank: ").append(r.rank()).append(" of ").append(total).append('\n');
        d.append("- Category: ").append(r.category()).append("\n\n");
        if (r.rationale() != null && !r.rationale().isBlank()) {
            d.append("**Rationale.** ").append(md(r.rationale())).append("\n\n");
        }
        if (!r.evidence().isEmpty()) {
            d.append("**Evidence**\n\n| Study | Year | Design | N | mPFS (mo) | mOS (mo) | ORR % | DCR % | Grade 3/4 TRAE % | HR (OS) | Ref |\n");
            d.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (EvidenceItem e : r.evidence()) {
                d.append("| ").append(cell(e.source())).append(" | ").append(cell(e.year())).append(" | ").append(cell(e.design()))
                        .append(" | ").append(cell(e.n())).append(" | ").append(cell(e.mPfsMonths())).append(" | ").append(cell(e.mOsMonths()))
                        .append(" | ").append(cell(e.orrPct())).append(" | ").append(cell(e.dcrPct())).append(" | ")
                        .append(cell(e.grade34TraePct())).append(" | ").append(cell(e.hr())).append(" | ").append(cell(e.reference()))
                        .append(" |\n");
            }
            List<String> notes = r.evidence().stream().map(EvidenceItem::note).filter(n -> n != null && !n.isBlank()).distinct().toList();
            notes.forEach(n -> d.append("\n_").append(md(n)).append("_\n"));
            d.append('\n');
        }
        if (!r.cautions().isEmpty()) {
            d.append("**Cautions**\n\n");
            r.cautions().forEach(c -> d.append("- ").append(md(c)).append('\n'));
            d.append('\n');
        }
        footer(d, ctx);
        return d.toString();
    }

    private static String alertsDetail(GuidanceResponse g, List<MappedPatient.Note> missing, MappedPatient mapped, Context ctx) {
        StringBuilder d = new StringBuilder();
        if (!g.alerts().isEmpty()) {
            d.append("**Alerts**\n\n");
            g.alerts().forEach(a -> d.append("- **").append(a.severity()).append("** ").append(md(a.message()))
                    .append(" (`").append(a.code()).append("`)\n"));
            d.append('\n');
        }
        if (!g.missingData().isEmpty() || !missing.isEmpty()) {
            d.append("**Missing data that would change the answer**\n\n");
            // The guidance says why a field matters; the mapping says why the record did not give it.
            Map<String, MappedPatient.Note> fromRecord = new LinkedHashMap<>();
            missing.forEach(m -> fromRecord.putIfAbsent(m.field(), m));
            for (MissingData m : g.missingData()) {
                MappedPatient.Note n = fromRecord.remove(m.field());
                d.append("- **").append(md(m.field())).append("**: ").append(md(m.why()));
                if (n != null) {
                    d.append(" (").append(md(n.why())).append(')');
                }
                d.append('\n');
            }
            fromRecord.values().forEach(m -> d.append("- **").append(md(m.field())).append("**: ").append(md(m.why())).append('\n'));
            d.append('\n');
        }
        if (!g.notRecommended().isEmpty()) {
            d.append("**Ruled out**\n\n");
            for (NotRecommended n : g.notRecommended()) {
                d.append("- `").append(n.code()).append("`: ").append(md(n.reason())).append('\n');
            }
            d.append('\n');
        }
        readings(d, mapped);
        footer(d, ctx);
        return d.toString();
    }

    private static String trialsDetail(List<TrialMatch> trials, Context ctx) {
        StringBuilder d = new StringBuilder("**Recruiting trials whose criteria the patient meets**\n\n");
        for (TrialMatch t : trials) {
            d.append("- **").append(t.id()).append("** ").append(md(t.title()));
            if (!t.criteriaMet().isEmpty()) {
                d.append(" (criteria met: ").append(md(String.join("; ", t.criteriaMet()))).append(')');
            }
            d.append('\n');
        }
        d.append("\nCheck each trial's recruitment status with the registry before referral.\n\n");
        footer(d, ctx);
        return d.toString();
    }

    static void readings(StringBuilder d, MappedPatient mapped) {
        if (mapped.readings().isEmpty()) {
            return;
        }
        d.append("**Read from the record**\n\n| Field | Value | Date |\n|---|---|---|\n");
        Map<String, List<MappedPatient.Reading>> seen = new LinkedHashMap<>();
        mapped.readings().forEach(r -> seen.computeIfAbsent(r.field(), k -> new ArrayList<>()).add(r));
        seen.values().forEach(list -> list.forEach(r -> d.append("| ").append(cell(r.field())).append(" | ").append(cell(r.value()))
                .append(" | ").append(cell(r.date())).append(" |\n")));
        d.append('\n');
    }

    static void footer(StringBuilder d, Context ctx) {
        d.append("Decision support, not a prescription: discuss every case after immunotherapy at the multidisciplinary team meeting. ")
                .append("Rule set `").append(ctx.rulesetVersion()).append("`.");
    }

    static String summary(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() <= MAX_SUMMARY ? one : one.substring(0, MAX_SUMMARY - 1).trim() + "\u2026";
    }

    static String shortVersion(String version) {
        return version == null ? "?" : version.length() > 19 ? version.substring(0, 19) : version;
    }

    private static String words(String enumName) {
        return enumName.charAt(0) + enumName.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Markdown-safe text: characters that would start markup or break a table are escaped. */
    static String md(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.replace('\n', ' ').toCharArray()) {
            if ("\\`*_[]<>|#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String cell(Object o) {
        return o == null ? "-" : md(o instanceof Double dbl && dbl == Math.rint(dbl) ? String.valueOf(dbl.longValue()) : String.valueOf(o));
    }
}
