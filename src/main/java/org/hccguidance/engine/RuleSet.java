package org.hccguidance.engine;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSessionsPool;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compiled, immutable rule set. Evaluations hold a reference to the snapshot they started on,
 * so swapping the active rule set never changes an evaluation already running.
 *
 * @param version   content hash of the rule files ("sha256:...")
 * @param source    where the files came from
 * @param sources   the files themselves, exactly as compiled
 * @param rules     every rule, with the file it came from
 * @param reference the reference tables (regimen catalogue, thresholds, trials, evidence) as facts
 * @param ruleIndex each compiled rule with its file, for audit and coverage
 * @param sessions  pooled sessions of this snapshot's rule base
 */
public record RuleSet(String version, String source, RuleSources sources, List<RuleRef> rules, ReferenceData reference,
                      Instant loadedAt, KieBase kieBase, KieContainer kieContainer, ReleaseId releaseId,
                      Map<Rule, RuleRef> ruleIndex, KieSessionsPool sessions) {

    /** Regimen codes the regimen catalogue defines; requests naming others are refused. */
    public Set<String> knownRegimens() {
        return reference.regimenCodes();
    }

    /** Trial ids the trial table lists, recruiting or not. */
    public Set<String> knownTrials() {
        return reference.trialIds();
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
