package org.hccguidance.cdshooks;

import org.hccguidance.facts.DrugClass;
import org.hccguidance.facts.RegimenComponent;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.NotRecommended;
import org.hccguidance.guidance.Recommendation;
import org.hl7.fhir.r4.model.MedicationRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks draft medication orders against the guidance. An order for an agent that a safety invariant
 * bars (a VEGF-targeting agent while anti-VEGF therapy is contraindicated, a checkpoint inhibitor while
 * immunotherapy is) gets a {@code critical} card; an order whose regimen the guidance rules out, or whose
 * agent belongs only to ruled-out regimens, gets a {@code warning} card. Each card says why (the rules'
 * reasons), offers override reasons, and suggests removing the draft order. An order that fits gets no card.
 */
public final class OrderCheck {

    /** One draft order and the catalogue agents it names. */
    public record DraftOrder(MedicationRequest order, String reference, Set<String> agents) {
    }

    private OrderCheck() {
    }

    public static List<CardFactory.Issued> check(List<DraftOrder> drafts, GuidanceResponse g, List<RegimenComponent> catalogue,
                                                 CardFactory.Context ctx) {
        Map<String, DrugClass> classOf = new TreeMap<>();
        Map<String, Set<String>> regimensOf = new TreeMap<>();
        for (RegimenComponent rc : catalogue) {
            classOf.put(rc.agent(), rc.drugClass());
            regimensOf.computeIfAbsent(rc.agent(), k -> new TreeSet<>()).add(rc.regimen());
        }
        Set<String> recommended = g.recommendations().stream().map(Recommendation::code).collect(Collectors.toSet());
        Map<String, NotRecommended> ruledOut = new TreeMap<>();
        g.notRecommended().forEach(n -> ruledOut.put(n.code(), n));
        Set<String> allDrafted = new TreeSet<>();
        drafts.forEach(d -> allDrafted.addAll(d.agents()));
        String draftedRegimen = regimenOf(allDrafted, catalogue);

        List<CardFactory.Issued> out = new ArrayList<>();
        for (DraftOrder draft : drafts) {
            for (String agent : draft.agents()) {
                DrugClass cls = classOf.get(agent);
                boolean barred = cls != null && (cls.isVegfTargeting() && g.derived().antiVegfContraindicated()
                        || cls.isCheckpoint() && g.derived().immunotherapyContraindicated());
                Set<String> regimens = regimensOf.getOrDefault(agent, Set.of());
                Set<String> reasons = new LinkedHashSet<>();
                String code;
                if (draftedRegimen != null && regimens.contains(draftedRegimen)) {
                    code = draftedRegimen;
                    if (recommended.contains(draftedRegimen) && !barred) {
                        continue;
                    }
                    if (ruledOut.containsKey(draftedRegimen)) {
                        reasons.add(ruledOut.get(draftedRegimen).reason());
                    }
                } else {
                    code = agent;
                    boolean inSomeRecommended = regimens.stream().anyMatch(recommended::contains);
                    if (inSomeRecommended && !barred) {
                        continue;
                    }
                    regimens.stream().filter(ruledOut::containsKey).forEach(r -> reasons.add(ruledOut.get(r).reason()));
                    if (!barred && (reasons.isEmpty() || !regimens.stream().allMatch(ruledOut::containsKey))) {
                        continue;
                    }
                }
                if (barred) {
                    reasons.addAll(barReasons(cls, ruledOut, catalogue));
                }
                if (!barred && reasons.isEmpty()) {
                    continue;
                }
                out.add(card(draft, agent, code, cls, barred, reasons, g, ctx));
            }
        }
        return out;
    }

    private static CardFactory.Issued card(DraftOrder draft, String agent, String code, DrugClass cls, boolean barred,
                                           Set<String> reasons, GuidanceResponse g, CardFactory.Context ctx) {
        String name = agent.charAt(0) + agent.substring(1).toLowerCase();
        String why = barred
                ? (cls.isVegfTargeting() ? "anti-VEGF therapy is contraindicated for this patient" : "immunotherapy is contraindicated for this patient")
                : "the HCC guidance rules this out for this patient";
        String summary = (barred ? "Do not sign " : "Reconsider ") + name + ": " + why;
        StringBuilder d = new StringBuilder();
        d.append("The draft order `").append(draft.reference()).append("` contains **").append(CardFactory.md(name)).append("** (")
                .append(cls).append(").\n\n");
        if (barred) {
            d.append("**Safety check:** ").append(why).append(" (")
                    .append(cls.isVegfTargeting() ? "VEGF-targeting agent" : "immune checkpoint inhibitor").append(").\n\n");
        }
        if (!reasons.isEmpty()) {
            d.append(barred ? "**What the guidance says**\n\n" : "**Why the guidance rules out `" + code + "`**\n\n");
            reasons.forEach(r -> d.append("- ").append(CardFactory.md(r)).append('\n'));
            d.append('\n');
        }
        if (!g.recommendations().isEmpty()) {
            d.append("**Options the guidance recommends instead**\n\n");
            g.recommendations().stream().limit(5).forEach(r -> d.append(r.rank()).append(". ").append(CardFactory.md(r.title()))
                    .append(" (`").append(r.code()).append("`, ").append(r.strength()).append(")\n"));
            d.append('\n');
        }
        CardFactory.footer(d, ctx);
        String label = "Remove the draft " + name + " order";
        CdsJson.Suggestion remove = new CdsJson.Suggestion(label, UUID.randomUUID().toString(), true, List.of(
                new CdsJson.Action("delete", "Remove the draft order " + draft.reference() + " (" + name + ")", null, draft.reference())));
        CdsJson.Card card = new CdsJson.Card(UUID.randomUUID().toString(), CardFactory.summary(summary), d.toString(),
                barred ? "critical" : "warning", CardFactory.source(ctx, CardFactory.topic("order-check", code, name)),
                List.of(remove), "at-most-one", ctx.overrideReasons(), List.of());
        return new CardFactory.Issued(card, "ORDER_CHECK", code);
    }

    /**
     * The rules' own words for a bar: among the ruled-out regimens made only of the barred kind of agent,
     * the reasons they share (a reason given for one regimen alone, such as a low AFP, is about that regimen).
     */
    static Set<String> barReasons(DrugClass cls, Map<String, NotRecommended> ruledOut, List<RegimenComponent> catalogue) {
        Map<String, Set<DrugClass>> classesOf = new TreeMap<>();
        catalogue.forEach(rc -> classesOf.computeIfAbsent(rc.regimen(), k -> new TreeSet<>()).add(rc.drugClass()));
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        ruledOut.forEach((regimen, n) -> {
            Set<DrugClass> classes = classesOf.get(regimen);
            if (classes != null && classes.stream().allMatch(c -> cls.isVegfTargeting() ? c.isVegfTargeting() : c.isCheckpoint())) {
                for (String part : n.reason().split("; ")) {
                    counts.merge(part, 1, Integer::sum);
                }
            }
        });
        int most = counts.values().stream().max(Integer::compare).orElse(0);
        Set<String> out = new LinkedHashSet<>();
        counts.forEach((reason, count) -> {
            if (count == most) {
                out.add(reason);
            }
        });
        return out;
    }

    static String regimenOf(Set<String> agents, List<RegimenComponent> catalogue) {
        if (agents.isEmpty()) {
            return null;
        }
        Map<String, Set<String>> regimens = new TreeMap<>();
        catalogue.forEach(rc -> regimens.computeIfAbsent(rc.regimen(), k -> new TreeSet<>()).add(rc.agent()));
        for (var e : regimens.entrySet()) {
            if (e.getValue().equals(agents)) {
                return e.getKey();
            }
        }
        return null;
    }
}
