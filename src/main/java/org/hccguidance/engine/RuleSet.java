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
 * @param catalogueFacts the reference facts the catalogue rules built, shared by every evaluation
 * @param catalogueRules the catalogue rules that fired to build them
 */
public record RuleSet(String version, String source, RuleSources sources, List<RuleRef> rules,
                      Set<String> knownRegimens, Set<String> knownTrials, Instant loadedAt, KieBase kieBase,
                      KieContainer kieContainer, ReleaseId releaseId, Map<Rule, RuleRef> ruleIndex,
                      KieSessionsPool sessions, List<Object> catalogueFacts, Set<RuleRef> catalogueRules) {

    /**
     * Rules in this agenda group build reference data (regimen catalogue, thresholds, trial table)
     * that does not depend on the patient: they fire once per rule set, at build time, and their
     * facts are inserted into every evaluation.
     */
    public static final String CATALOGUE_GROUP = "catalogue";

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
