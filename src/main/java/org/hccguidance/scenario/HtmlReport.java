package org.hccguidance.scenario;

import org.hccguidance.engine.RuleRef;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PriorTherapy;
import org.hccguidance.guidance.EvidenceItem;
import org.hccguidance.guidance.EvidenceText;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.NotRecommended;
import org.hccguidance.guidance.Recommendation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The committee's sign-off report: one section per scenario, readable without the rules at hand. */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(SuiteResult suite, List<Scenario> scenarios) {
        Map<String, Scenario> byId = scenarios.stream().collect(Collectors.toMap(Scenario::id, Function.identity()));
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>HCC guidance scenario report</title>")
         .append("<style>body{font-family:sans-serif;max-width:70em;margin:auto;padding:1em;color:#222}")
         .append(".pass{color:#1a7f37}.fail{color:#b42318}section{border-top:1px solid #ccc;margin-top:1.5em}")
         .append("table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2em .5em;vertical-align:top;text-align:left}")
         .append("small{color:#555}</style></head><body>");
        h.append("<h1>Scenario report</h1><p>Rule set <code>").append(esc(suite.rulesetVersion())).append("</code> from ")
         .append(esc(suite.rulesetSource())).append("</p>");
        h.append("<p><strong>").append(suite.passed()).append(" passed, ").append(suite.failed()).append(" failed</strong>; rule coverage ")
         .append(suite.coverage().percent()).append("% (").append(suite.coverage().firedRules()).append(" of ")
         .append(suite.coverage().totalRules()).append(" rules fired by at least one scenario)</p>");
        if (!suite.coverage().unfired().isEmpty()) {
            h.append("<h2>Rules no scenario fired</h2><ul>");
            for (RuleRef r : suite.coverage().unfired()) {
                h.append("<li><code>").append(esc(r.file())).append("</code>: ").append(esc(r.name())).append("</li>");
            }
            h.append("</ul>");
        }
        h.append("<h2>Scenarios</h2><table><tr><th>Scenario</th><th>Result</th><th>Source</th></tr>");
        for (ScenarioResult r : suite.scenarios()) {
            h.append("<tr><td><a href=\"#").append(esc(r.id())).append("\">").append(esc(r.id())).append("</a></td><td class=\"")
             .append(r.passed() ? "pass\">PASS" : "fail\">FAIL").append("</td><td>").append(esc(r.source())).append("</td></tr>");
        }
        h.append("</table>");
        for (ScenarioResult r : suite.scenarios()) {
            Scenario s = byId.get(r.id());
            h.append("<section id=\"").append(esc(r.id())).append("\"><h3>").append(esc(r.id())).append(": ").append(esc(r.title()))
             .append(" <span class=\"").append(r.passed() ? "pass\">PASS" : "fail\">FAIL").append("</span></h3>");
            h.append("<p><small>Source: ").append(esc(r.source())).append("; file ").append(esc(r.file())).append("</small></p>");
            if (s != null) {
                h.append("<p><strong>Patient:</strong> ").append(esc(patientSummary(s.patient()))).append("</p>");
            }
            if (!r.passed()) {
                h.append("<p><strong>Expected but not found:</strong></p><ul>");
                r.failures().forEach(f -> h.append("<li class=\"fail\">").append(esc(f)).append("</li>"));
                h.append("</ul>");
            }
            if (s != null) {
                h.append("<p><strong>Expected:</strong> ").append(esc(expectationSummary(s.expect()))).append("</p>");
            }
            if (r.actual() != null) {
                actual(h, r.actual());
            }
            h.append("</section>");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void actual(StringBuilder h, GuidanceResponse g) {
        h.append("<p><strong>Actual:</strong> setting ").append(g.setting()).append("</p><table><tr><th>#</th><th>Option</th><th>Strength</th><th>Why</th><th>Evidence and cautions</th></tr>");
        for (Recommendation rec : g.recommendations()) {
            h.append("<tr><td>").append(rec.rank()).append("</td><td>").append(esc(rec.code())).append("<br><small>")
             .append(esc(rec.title())).append("</small></td><td>").append(rec.strength()).append("</td><td>")
             .append(esc(rec.rationale())).append("</td><td>");
            for (EvidenceItem e : rec.evidence()) {
                h.append(esc(EvidenceText.summary(e))).append("<br>");
            }
            for (String c : rec.cautions()) {
                h.append("<em>").append(esc(c)).append("</em><br>");
            }
            h.append("</td></tr>");
        }
        h.append("</table>");
        if (!g.notRecommended().isEmpty()) {
            h.append("<p><strong>Not recommended:</strong></p><ul>");
            for (NotRecommended n : g.notRecommended()) {
                h.append("<li>").append(esc(n.code())).append(": ").append(esc(n.reason())).append("</li>");
            }
            h.append("</ul>");
        }
        if (!g.trials().isEmpty()) {
            h.append("<p><strong>Trials:</strong> ").append(esc(g.trials().stream().map(t -> t.id() + " " + t.title())
                    .collect(Collectors.joining("; ")))).append("</p>");
        }
        if (!g.alerts().isEmpty()) {
            h.append("<p><strong>Alerts:</strong> ").append(esc(g.alerts().stream().map(a -> a.severity() + " " + a.code() + ": " + a.message())
                    .collect(Collectors.joining(" | ")))).append("</p>");
        }
    }

    static String patientSummary(PatientCase p) {
        StringBuilder sb = new StringBuilder();
        sb.append("ECOG ").append(p.ecog());
        if (p.liver().childPughClass() != null || p.liver().childPughScore() != null) {
            sb.append(", Child-Pugh ").append(p.liver().childPughClass() == null ? "" : p.liver().childPughClass())
              .append(p.liver().childPughScore() == null ? "" : p.liver().childPughScore());
        }
        if (p.liver().bilirubinMgDl() != null) {
            sb.append(", bilirubin ").append(p.liver().bilirubinMgDl()).append(" mg/dL");
        }
        if (p.liver().albuminGDl() != null) {
            sb.append(", albumin ").append(p.liver().albuminGDl()).append(" g/dL");
        }
        if (p.bclcStage() != null) {
            sb.append(", BCLC ").append(p.bclcStage().json());
        }
        if (p.tumour() != null && p.tumour().afpNgMl() != null) {
            sb.append(", AFP ").append(p.tumour().afpNgMl()).append(" ng/mL");
        }
        for (PriorTherapy t : p.priorSystemicTherapies()) {
            sb.append("; line ").append(t.line()).append(" ").append(t.regimen()).append(" (").append(t.outcome()).append(")");
        }
        if (p.progression() != null && p.progression().progressingLesions() != null) {
            sb.append("; ").append(p.progression().progressingLesions()).append(" progressing lesion(s), rest controlled: ")
              .append(p.progression().otherDiseaseControlled());
        }
        if (!p.adverseEvents().isEmpty()) {
            sb.append("; adverse events ").append(p.adverseEvents().stream().map(a -> a.term() + " G" + a.grade()).toList());
        }
        if (p.risks() != null) {
            sb.append("; risks ").append(p.risks().toString().replaceFirst("^Risks\\[", "[").replaceAll("\\w+=(false|null)(, )?", ""));
        }
        if (p.molecularProfile() != null) {
            sb.append("; molecular ").append(p.molecularProfile().alterations().stream().map(a -> a.gene() + " " + a.type()).toList());
        }
        return sb.toString();
    }

    static String expectationSummary(Expectations e) {
        StringBuilder sb = new StringBuilder();
        if (e.setting() != null) {
            sb.append("setting ").append(e.setting()).append("; ");
        }
        if (!e.recommended().isEmpty()) {
            sb.append("recommended ").append(e.recommended().stream().map(o -> o.code()
                    + (o.strength() == null ? "" : " " + o.strength()) + (o.rank() == null ? "" : " #" + o.rank())).toList()).append("; ");
        }
        if (!e.notRecommended().isEmpty()) {
            sb.append("not recommended ").append(e.notRecommended().stream().map(ExclusionExpectation::code).toList()).append("; ");
        }
        if (!e.mustNotRecommend().isEmpty()) {
            sb.append("never recommended ").append(e.mustNotRecommend()).append("; ");
        }
        if (!e.trials().isEmpty()) {
            sb.append("trials ").append(e.trials()).append("; ");
        }
        if (!e.trialsNotMatched().isEmpty()) {
            sb.append("trials not matched ").append(e.trialsNotMatched()).append("; ");
        }
        if (!e.alerts().isEmpty()) {
            sb.append("alerts ").append(e.alerts()).append("; ");
        }
        if (!e.alertsAbsent().isEmpty()) {
            sb.append("no alerts ").append(e.alertsAbsent()).append("; ");
        }
        if (!e.missingData().isEmpty()) {
            sb.append("missing data ").append(e.missingData()).append("; ");
        }
        if (!e.missingDataAbsent().isEmpty()) {
            sb.append("no missing data ").append(e.missingDataAbsent());
        }
        return sb.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
