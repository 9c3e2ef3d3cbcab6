package org.hccguidance.engine;

import org.hccguidance.facts.RegimenComponent;
import org.hccguidance.facts.Threshold;
import org.hccguidance.facts.TrialListing;
import org.hccguidance.guidance.EvidenceRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reference tables of one rule-set snapshot, as immutable facts: regimen catalogue, thresholds,
 * trial registry and evidence rows. The first three are matched by rules and inserted into every
 * evaluation; evidence rows are only looked up when a response is assembled.
 */
public record ReferenceData(List<RegimenComponent> regimens, List<Threshold> thresholds, List<TrialListing> trials,
                            List<EvidenceRow> evidence) {

    public ReferenceData {
        regimens = List.copyOf(regimens);
        thresholds = List.copyOf(thresholds);
        trials = List.copyOf(trials);
        evidence = List.copyOf(evidence);
    }

    /** The facts every evaluation starts with. */
    public List<Object> sessionFacts() {
        List<Object> out = new ArrayList<>(regimens.size() + thresholds.size() + trials.size());
        out.addAll(regimens);
        out.addAll(thresholds);
        out.addAll(trials);
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
}
