package org.hccguidance.engine;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSessionsPool;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import java.util.Set;

/**
 * One compiled, immutable rule set. Evaluations hold a reference to the snapshot they started on,
 * so swapping the active rule set never changes an evaluation already running.
 *
 * @param version        content hash of the rule files ("sha256:...")
 * @param source         where the files came from
 * @param sources        the files themselves, exactly as compiled
 * @param rules          every rule, with the file it came from
 * @param knownRegimens  regimen codes the regimen catalogue defines; requests naming others are refused
 * @param knownTrials    trial ids the trial table lists, recruiting or not
 * @param referenceData  every fact the catalogue rules built, with the rule that built it; looked up
 *                       when a response is assembled (the evidence catalogue is read this way)
 * @param catalogueFacts the part of the reference data that some rule matches on, inserted into every
 *                       evaluation; facts no rule matches on are not inserted, since they would only
 *                       cost time
 * @param catalogueRules the catalogue rules that fired to build them
 */
public record RuleSet(String version, String source, RuleSources sources, List<RuleRef> rules,
                      Set<String> knownRegimens, Set<String> knownTrials, Instant loadedAt, KieBase kieBase,
                      KieContainer kieContainer, ReleaseId releaseId, Map<Rule, RuleRef> ruleIndex,
                      KieSessionsPool sessions, Map<Object, String> referenceData, List<Object> catalogueFacts,
                      Set<RuleRef> catalogueRules) {

    /**
     * Rules in this agenda group build reference data (regimen catalogue, thresholds, trial table,
     * evidence table) that does not depend on the patient: they fire once per rule set, at build time,
     * and are then removed from the rule base; see {@code referenceData} and {@code catalogueFacts}.
     */
    public static final String CATALOGUE_GROUP = "catalogue";

    /** Reference data of one type, in no particular order: callers sort what they show. */
    public <T> List<T> reference(Class<T> type) {
        return referenceData.keySet().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * Catalogue rules whose facts no rule matches on: they are only looked up (the evidence rows), so a
     * build alone does not show they are used. Scenario coverage counts them when a response cites them.
     */
    public Set<RuleRef> lookupOnlyRules() {
        Set<Object> inserted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        inserted.addAll(catalogueFacts);
        Set<String> names = new java.util.HashSet<>();
        referenceData.forEach((fact, rule) -> {
            if (!inserted.contains(fact)) {
                names.add(rule);
            }
        });
        Set<RuleRef> out = new java.util.HashSet<>();
        catalogueRules.stream().filter(r -> names.contains(r.name())).forEach(out::add);
        return out;
    }

    /** Finds the file and name of a rule that fired, without building strings on the hot path. */
    public RuleRef refOf(Rule rule) {
        RuleRef ref = ruleIndex.get(rule);
        if (ref != null) {
            return ref;
        }
        for (RuleRef r : rules) {
            if (r.packageName().equals(rule.getPackageName()) && r.name().equals(rule.getName())) {
                return r;
            }
        }
        return null;
    }

    public List<String> files() {
        return sources.paths();
    }

    public int ruleCount() {
        return rules.size();
    }

    /** Frees the Drools module; call once no evaluation can still use this snapshot. */
    public void release() {
        sessions.shutdown();
        kieContainer.dispose();
        KieServices.Factory.get().getRepository().removeKieModule(releaseId);
    }
}
