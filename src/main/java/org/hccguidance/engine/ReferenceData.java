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
 * classes and aliases, thresholds, trial registry with the agents each trial gives, and evidence rows.
 * All but the evidence rows are matched by rules and inserted into every evaluation; evidence rows are
 * only looked up when a response is assembled.
 */
public record ReferenceData(List<RegimenComponent> regimens, List<AgentClass> agentClasses, Map<String, String> aliases,
                            List<Threshold> thresholds, List<TrialListing> trials, List<TrialAgent> trialAgents,
                            List<EvidenceRow> evidence, Map<String, Integer> ranks) {

    public ReferenceData {
        regimens = List.copyOf(regimens);
        agentClasses = List.copyOf(agentClasses);
        aliases = Map.copyOf(aliases);
        thresholds = List.copyOf(thresholds);
        trials = List.copyOf(trials);
        trialAgents = List.copyOf(trialAgents);
        evidence = List.copyOf(evidence);
        ranks = Map.copyOf(ranks);
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
        List<Object> out = new ArrayList<>();
        out.addAll(regimens);
        out.addAll(agentClasses);
        out.addAll(thresholds);
        out.addAll(trials);
        out.addAll(trialAgents);
        return List.copyOf(out);
    }

    public Set<String> regimenCodes() {
        Set<String> out = new TreeSet<>();
        regimens.forEach(r -> out.add(r.regimen()));
        return Set.copyOf(out);
    }

    public Set<String> trialIds() {
        Set<String> out = new TreeSet<>();
        trials.forEach(t -> out.add(t.id()));
        return Set.copyOf(out);
    }

    /** An agent's canonical name: itself unless the agent table names it as another name of one. */
    public String canonical(String agent) {
        return aliases.getOrDefault(agent, agent);
    }

    /** The canonical agents of a catalogue regimen (empty when the code is not a regimen). */
    public List<String> agentsOfRegimen(String code) {
        return regimens.stream().filter(r -> r.regimen().equals(code)).map(r -> canonical(r.agent())).distinct().toList();
    }

    /** The canonical agents a trial gives. */
    public List<String> agentsOfTrial(String trialId) {
        return trialAgents.stream().filter(a -> a.trialId().equals(trialId)).map(TrialAgent::sameAs).distinct().toList();
    }

    /** The drug classes of a canonical agent. */
    public Set<DrugClass> classesOf(String agent) {
        Set<DrugClass> out = new TreeSet<>();
        agentClasses.stream().filter(c -> c.agent().equals(canonical(agent))).forEach(c -> out.add(c.drugClass()));
        return out;
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
