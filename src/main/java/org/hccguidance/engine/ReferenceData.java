package org.hccguidance.engine;

import org.hccguidance.facts.AgentClass;
import org.hccguidance.facts.DrugClass;
import org.hccguidance.facts.RegimenComponent;
import org.hccguidance.facts.Threshold;
import org.hccguidance.facts.TrialAgent;
import org.hccguidance.facts.TrialListing;
import org.hccguidance.guidance.EvidenceRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reference tables of one rule-set snapshot, as immutable facts: regimen catalogue, agent
 * classes and aliases, thresholds, trial registry with the agents each trial gives, evidence rows and
 * option ranks. All but the evidence rows and ranks are matched by rules and inserted into every
 * evaluation; evidence rows and ranks are only looked up when a response is assembled. The lookups the
 * response checks make for every recommendation (an agent's classes, a regimen's or trial's agents) are
 * indexed once here rather than scanned per evaluation.
 */
public final class ReferenceData {

    private final List<RegimenComponent> regimens;
    private final List<AgentClass> agentClasses;
    private final Map<String, String> aliases;
    private final List<Threshold> thresholds;
    private final List<TrialListing> trials;
    private final List<TrialAgent> trialAgents;
    private final List<EvidenceRow> evidence;
    private final Map<String, Integer> ranks;
    private final Map<String, List<String>> agentsByRegimen = new HashMap<>();
    private final Map<String, List<String>> agentsByTrial = new HashMap<>();
    private final Map<String, Set<DrugClass>> classesByAgent = new HashMap<>();
    private final List<Object> sessionFacts;
    private final Set<String> regimenCodes;
    private final Set<String> trialIds;

    public ReferenceData(List<RegimenComponent> regimens, List<AgentClass> agentClasses, Map<String, String> aliases,
                         List<Threshold> thresholds, List<TrialListing> trials, List<TrialAgent> trialAgents,
                         List<EvidenceRow> evidence, Map<String, Integer> ranks) {
        this.regimens = List.copyOf(regimens);
        this.agentClasses = List.copyOf(agentClasses);
        this.aliases = Map.copyOf(aliases);
        this.thresholds = List.copyOf(thresholds);
        this.trials = List.copyOf(trials);
        this.trialAgents = List.copyOf(trialAgents);
        this.evidence = List.copyOf(evidence);
        this.ranks = Map.copyOf(ranks);
        Map<String, Set<String>> byRegimen = new HashMap<>();
        this.regimens.forEach(r -> byRegimen.computeIfAbsent(r.regimen(), k -> new LinkedHashSet<>()).add(canonical(r.agent())));
        byRegimen.forEach((k, v) -> agentsByRegimen.put(k, List.copyOf(v)));
        Map<String, Set<String>> byTrial = new HashMap<>();
        this.trialAgents.forEach(a -> byTrial.computeIfAbsent(a.trialId(), k -> new LinkedHashSet<>()).add(a.sameAs()));
        byTrial.forEach((k, v) -> agentsByTrial.put(k, List.copyOf(v)));
        Map<String, Set<DrugClass>> byAgent = new HashMap<>();
        this.agentClasses.forEach(c -> byAgent.computeIfAbsent(c.agent(), k -> new TreeSet<>()).add(c.drugClass()));
        byAgent.forEach((k, v) -> classesByAgent.put(k, java.util.Collections.unmodifiableSet(v)));
        List<Object> facts = new ArrayList<>();
        facts.addAll(this.regimens);
        facts.addAll(this.agentClasses);
        facts.addAll(this.thresholds);
        facts.addAll(this.trials);
        facts.addAll(this.trialAgents);
        this.sessionFacts = List.copyOf(facts);
        Set<String> codes = new TreeSet<>();
        this.regimens.forEach(r -> codes.add(r.regimen()));
        this.regimenCodes = Set.copyOf(codes);
        Set<String> ids = new TreeSet<>();
        this.trials.forEach(t -> ids.add(t.id()));
        this.trialIds = Set.copyOf(ids);
    }

    public List<RegimenComponent> regimens() {
        return regimens;
    }

    public List<AgentClass> agentClasses() {
        return agentClasses;
    }

    public Map<String, String> aliases() {
        return aliases;
    }

    public List<Threshold> thresholds() {
        return thresholds;
    }

    public List<TrialListing> trials() {
        return trials;
    }

    public List<TrialAgent> trialAgents() {
        return trialAgents;
    }

    public List<EvidenceRow> evidence() {
        return evidence;
    }

    public Map<String, Integer> ranks() {
        return ranks;
    }

    public static ReferenceData empty() {
        return new ReferenceData(List.of(), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
    }

    /**
     * Joins the tables: every agent's classes (from the regimen catalogue and the agent table, aliases
     * resolved) and every trial intervention by canonical name. An intervention or alias that names no
     * known agent is an error: a trial whose agents are unknown could not be checked for safety.
     */
    static ReferenceData of(List<RegimenComponent> regimens, List<ReferenceTables.AgentRow> agentRows,
                            List<Threshold> thresholds, List<TrialListing> trials, List<EvidenceRow> evidence,
                            List<ReferenceTables.RankRow> rankRows, List<BuildError> errors) {
        Map<String, String> aliases = new HashMap<>();
        Set<AgentClass> classes = new LinkedHashSet<>();
        regimens.forEach(r -> classes.add(new AgentClass(r.agent(), r.drugClass())));
        for (ReferenceTables.AgentRow row : agentRows) {
            if (row.sameAs() != null) {
                aliases.put(row.agent(), row.sameAs());
            }
            if (row.drugClass() != null) {
                classes.add(new AgentClass(row.sameAs() != null ? row.sameAs() : row.agent(), row.drugClass()));
            }
        }
        Set<String> known = new TreeSet<>();
        classes.forEach(c -> known.add(c.agent()));
        aliases.forEach((alias, agent) -> {
            if (!known.contains(agent)) {
                errors.add(BuildError.atLine("catalogue/agents", null, "agent " + alias + " is said to be the same as "
                        + agent + ", which no regimen or agent row gives a drug class"));
            }
        });
        List<TrialAgent> trialAgents = new ArrayList<>();
        for (TrialListing t : trials) {
            for (String agent : t.interventions()) {
                String canonical = aliases.getOrDefault(agent, agent);
                if (!known.contains(canonical)) {
                    errors.add(BuildError.atLine("trials/trials", null, "trial " + t.id() + " gives " + agent
                            + ", which is not in the regimen catalogue or the agent table: its drug class is unknown"));
                }
                trialAgents.add(new TrialAgent(t.id(), agent, canonical));
            }
        }
        Map<String, Integer> ranks = new HashMap<>();
        for (ReferenceTables.RankRow row : rankRows) {
            if (ranks.put(row.rank(), row.position()) != null) {
                errors.add(BuildError.atLine("catalogue/ranks", null, "rank " + row.rank() + " is defined twice"));
            }
        }
        return new ReferenceData(regimens, List.copyOf(classes), aliases, thresholds, trials, trialAgents, evidence, ranks);
    }

    /** The facts every evaluation starts with. */
    public List<Object> sessionFacts() {
        return sessionFacts;
    }

    public Set<String> regimenCodes() {
        return regimenCodes;
    }

    public Set<String> trialIds() {
        return trialIds;
    }

    /** An agent's canonical name: itself unless the agent table names it as another name of one. */
    public String canonical(String agent) {
        return aliases.getOrDefault(agent, agent);
    }

    /** The canonical agents of a catalogue regimen (empty when the code is not a regimen). */
    public List<String> agentsOfRegimen(String code) {
        return agentsByRegimen.getOrDefault(code, List.of());
    }

    /** The canonical agents a trial gives. */
    public List<String> agentsOfTrial(String trialId) {
        return agentsByTrial.getOrDefault(trialId, List.of());
    }

    /** The drug classes of an agent (by its canonical name). */
    public Set<DrugClass> classesOf(String agent) {
        return classesByAgent.getOrDefault(canonical(agent), Set.of());
    }

    /** Whether the rank table names this rank. */
    public boolean hasRank(String rank) {
        return ranks.containsKey(rank);
    }

    /**
     * The position of a named rank (lower is listed first among options of equal strength). A rule set is
     * refused when a rule names a rank the table lacks, so an unknown rank reaches here only from rules
     * compiled elsewhere; it goes last rather than failing the evaluation.
     */
    public int position(String rank) {
        Integer p = rank == null ? null : ranks.get(rank);
        return p == null ? Integer.MAX_VALUE : p;
    }

    public Optional<Double> threshold(String name) {
        return thresholds.stream().filter(t -> t.name().equals(name)).map(Threshold::value).findFirst();
    }
}
