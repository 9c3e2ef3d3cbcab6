package org.hccguidance.safety;

import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.AdverseEvent;
import org.hccguidance.facts.AgentClass;
import org.hccguidance.facts.Alteration;
import org.hccguidance.facts.AlterationType;
import org.hccguidance.facts.Ascites;
import org.hccguidance.facts.BclcStage;
import org.hccguidance.facts.BestResponse;
import org.hccguidance.facts.ChildPughClass;
import org.hccguidance.facts.Encephalopathy;
import org.hccguidance.facts.HcvRna;
import org.hccguidance.facts.Hepatitis;
import org.hccguidance.facts.Histology;
import org.hccguidance.facts.Labs;
import org.hccguidance.facts.Liver;
import org.hccguidance.facts.MolecularProfile;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PriorTherapy;
import org.hccguidance.facts.Progression;
import org.hccguidance.facts.ProgressionPattern;
import org.hccguidance.facts.Risks;
import org.hccguidance.facts.Serology;
import org.hccguidance.facts.TherapyOutcome;
import org.hccguidance.facts.Tumour;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Clinically plausible patients across the whole input space, from a seed: every setting (no prior
 * therapy to three lines), every catalogue regimen as prior therapy with each outcome, every risk flag
 * (pregnancy, breastfeeding and endoscopy included), adverse events of every grade with and without an
 * attributed catalogue agent, Child-Pugh A5 to C15 from labs and from class or score, ECOG 0-4, AFP, platelets,
 * eGFR, proteinuria, HBV DNA and steroid dose around the cut-offs, hepatitis markers, histologies, progression
 * patterns and lesion counts, molecular profiles, and missing fields.
 * The same seed gives the same patients, so a patient that breaks a check can be found again and saved
 * as a scenario. They are test inputs, not clinical logic: the values only need to be valid and varied.
 */
public final class PatientGenerator {

    /** Terms the adverse-event tables look at, and a few they do not. */
    private static final List<String> AE_TERMS = List.of("HEPATITIS", "IMMUNE_HEPATITIS", "COLITIS", "PNEUMONITIS",
            "MYOCARDITIS", "MYASTHENIA_GRAVIS", "GUILLAIN_BARRE", "ENCEPHALITIS", "MENINGITIS", "THYROIDITIS", "HYPOPHYSITIS",
            "ADRENAL_INSUFFICIENCY", "RASH", "NEPHRITIS", "HAEMORRHAGE", "VARICEAL_BLEEDING", "GI_PERFORATION",
            "ARTERIAL_THROMBOEMBOLISM", "PRES", "NEPHROTIC_SYNDROME", "HYPERTENSION", "HAND_FOOT_SKIN_REACTION", "FATIGUE");
    private static final List<String> GENES = List.of("TSC1", "TSC2", "PTEN", "CCND1", "FGF19", "ERBB2", "CDK4",
            "NTRK1", "NTRK3", "RET", "BRAF", "TP53", "CTNNB1");
    private static final double[] AFP = {0, 5, 20, 120, 399, 399.9, 400, 400.1, 401, 1000, 25_000, 1_000_000};
    private static final double[] PLATELETS = {20, 49, 49.9, 50, 74, 75, 120, 250};
    private static final double[] EGFR = {8, 29, 29.9, 30, 45, 90};
    private static final double[] URINE_PROTEIN = {0, 0.3, 1.9, 1.99, 2.0, 3.0, 3.1, 6};
    private static final double[] HBV_DNA = {0, 20, 499, 500, 20_000, 10_000_000};
    private static final double[] PREDNISONE = {0, 5, 10, 10.5, 20, 60};

    private final List<String> regimens;
    private final List<String> agents;
    private final Map<String, List<String>> agentsOfRegimen;

    /** @param regimens the regimen codes of the rule set's catalogue, used as prior therapies */
    public PatientGenerator(List<String> regimens) {
        this(regimens, List.of(), Map.of());
    }

    /**
     * @param regimens        the regimen codes of the rule set's catalogue, used as prior therapies
     * @param agents          the agent codes of the catalogue and agent table, used as attributed agents of adverse events
     * @param agentsOfRegimen each regimen's agents, so that most attributions name an agent the patient received
     */
    public PatientGenerator(List<String> regimens, List<String> agents, Map<String, List<String>> agentsOfRegimen) {
        this.regimens = List.copyOf(regimens);
        this.agents = List.copyOf(agents);
        this.agentsOfRegimen = Map.copyOf(agentsOfRegimen);
    }

    /** A generator over a rule set's catalogue: its regimens, agents and what each regimen gives. */
    public static PatientGenerator forRuleSet(RuleSet ruleSet) {
        List<String> regimens = ruleSet.knownRegimens().stream().sorted().toList();
        Map<String, List<String>> agentsOf = new TreeMap<>();
        regimens.forEach(code -> agentsOf.put(code, ruleSet.reference().agentsOfRegimen(code)));
        return new PatientGenerator(regimens, ruleSet.reference().agentClasses().stream().map(AgentClass::agent).distinct()
                .sorted().toList(), agentsOf);
    }

    /** Patient {@code index} of the series for {@code seed}: the same pair always gives the same patient. */
    public PatientCase patient(long seed, int index) {
        return next(new Random(new SplittableRandom(seed).split().nextLong() ^ (index * 0x9E3779B97F4A7C15L)));
    }

    public List<PatientCase> patients(long seed, int count) {
        return IntStream.range(0, count).mapToObj(i -> patient(seed, i)).toList();
    }

    private PatientCase next(Random r) {
        int ecog = pick(r, new int[] {0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 4});
        BclcStage bclc = r.nextInt(5) == 0 ? null : BclcStage.values()[r.nextInt(BclcStage.values().length)];
        List<PriorTherapy> prior = priorTherapies(r);
        return new PatientCase(null, 18 + r.nextInt(73), ecog, bclc, liver(r), tumour(r), prior,
                r.nextInt(4) == 0 ? null : progression(r), adverseEvents(r, prior), r.nextInt(7) == 0 ? null : risks(r),
                molecular(r), hepatitis(r), labs(r), r.nextInt(3) == 0 ? null : PREDNISONE[r.nextInt(PREDNISONE.length)]);
    }

    private static Liver liver(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> new Liver(null, null, null, null, null, null, null);
            case 1, 2 -> new Liver(null, 5 + r.nextInt(11), null, null, null, null, null);
            case 3 -> new Liver(ChildPughClass.values()[r.nextInt(3)], null, null, null, null, null, null);
            case 4 -> {
                int score = 5 + r.nextInt(11);
                ChildPughClass c = score <= 6 ? ChildPughClass.A : score <= 9 ? ChildPughClass.B : ChildPughClass.C;
                yield new Liver(r.nextInt(4) == 0 ? ChildPughClass.values()[r.nextInt(3)] : c, score, null, null, null, null, null);
            }
            default -> new Liver(null, r.nextInt(6) == 0 ? 5 + r.nextInt(11) : null,
                    round(0.3 + r.nextDouble() * 5.5), round(1.8 + r.nextDouble() * 3.2), round(0.8 + r.nextDouble() * 2.2),
                    Ascites.values()[weighted(r, 3)], Encephalopathy.values()[weighted(r, 3)]);
        };
    }

    private static Tumour tumour(Random r) {
        if (r.nextInt(8) == 0) {
            return null;
        }
        Histology histology = switch (r.nextInt(8)) {
            case 0 -> Histology.COMBINED_HCC_CCA;
            case 1 -> Histology.FIBROLAMELLAR;
            case 2, 3, 4 -> Histology.HCC;
            default -> null;
        };
        return new Tumour(r.nextInt(6) == 0 ? null : AFP[r.nextInt(AFP.length)], maybe(r), maybe(r), histology);
    }

    private List<PriorTherapy> priorTherapies(Random r) {
        int lines = pick(r, new int[] {0, 0, 1, 1, 1, 1, 2, 2, 3});
        List<PriorTherapy> out = new ArrayList<>();
        for (int line = 1; line <= lines; line++) {
            int regimensInLine = r.nextInt(8) == 0 ? 2 : 1;
            for (int k = 0; k < regimensInLine; k++) {
                out.add(new PriorTherapy(regimens.get(r.nextInt(regimens.size())), line,
                        r.nextInt(4) == 0 ? null : BestResponse.values()[r.nextInt(BestResponse.values().length)],
                        TherapyOutcome.values()[pick(r, new int[] {0, 0, 0, 1, 1, 2})]));
            }
        }
        return out;
    }

    private static Progression progression(Random r) {
        List<ProgressionPattern> patterns = new ArrayList<>();
        for (ProgressionPattern p : ProgressionPattern.values()) {
            if (r.nextInt(4) == 0) {
                patterns.add(p);
            }
        }
        Integer lesions = r.nextInt(6) == 0 ? null : pick(r, new int[] {0, 1, 2, 3, 3, 4, 5, 6, 8, 12});
        return new Progression(patterns, lesions, maybe(r));
    }

    /** Events attributed, most often, to an agent of a prior regimen, sometimes to any catalogue agent. */
    private List<AdverseEvent> adverseEvents(Random r, List<PriorTherapy> prior) {
        int n = pick(r, new int[] {0, 0, 0, 0, 1, 1, 2});
        List<AdverseEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new AdverseEvent(AE_TERMS.get(r.nextInt(AE_TERMS.size())), 1 + r.nextInt(5), maybe(r), maybe(r),
                    attributedAgent(r, prior), maybe(r)));
        }
        return out;
    }

    private String attributedAgent(Random r, List<PriorTherapy> prior) {
        if (agents.isEmpty() || r.nextInt(3) == 0) {
            return null;
        }
        List<String> fromPrior = new ArrayList<>();
        for (PriorTherapy t : prior) {
            fromPrior.addAll(agentsOfRegimen.getOrDefault(t.regimen(), List.of()));
        }
        return !fromPrior.isEmpty() && r.nextInt(4) != 0 ? fromPrior.get(r.nextInt(fromPrior.size()))
                : agents.get(r.nextInt(agents.size()));
    }

    private static Risks risks(Random r) {
        return new Risks(flag(r), flag(r), flag(r), flag(r), flag(r), flag(r), flag(r), flag(r), maybe(r),
                r.nextInt(20) == 0 ? Boolean.TRUE : maybe(r) == null ? null : Boolean.FALSE, flag(r));
    }

    private static Hepatitis hepatitis(Random r) {
        if (r.nextInt(4) == 0) {
            return null;
        }
        Serology hbsAg = r.nextInt(5) == 0 ? null : r.nextInt(4) == 0 ? Serology.POSITIVE : Serology.NEGATIVE;
        Serology antiHbc = r.nextInt(5) == 0 ? null : r.nextInt(3) == 0 ? Serology.POSITIVE : Serology.NEGATIVE;
        return new Hepatitis(hbsAg, antiHbc, r.nextInt(3) == 0 ? null : HBV_DNA[r.nextInt(HBV_DNA.length)], maybe(r),
                r.nextInt(4) == 0 ? null : r.nextInt(5) == 0 ? HcvRna.DETECTED : HcvRna.NOT_DETECTED);
    }

    private static Labs labs(Random r) {
        if (r.nextInt(5) == 0) {
            return null;
        }
        return new Labs(r.nextInt(5) == 0 ? null : PLATELETS[r.nextInt(PLATELETS.length)],
                r.nextInt(5) == 0 ? null : EGFR[r.nextInt(EGFR.length)],
                r.nextInt(5) == 0 ? null : URINE_PROTEIN[r.nextInt(URINE_PROTEIN.length)]);
    }

    private static MolecularProfile molecular(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> null;
            case 1 -> new MolecularProfile(false, List.of());
            default -> {
                List<Alteration> alterations = new ArrayList<>();
                int n = pick(r, new int[] {0, 0, 1, 1, 2});
                for (int i = 0; i < n; i++) {
                    alterations.add(new Alteration(GENES.get(r.nextInt(GENES.size())),
                            AlterationType.values()[r.nextInt(AlterationType.values().length)]));
                }
                yield new MolecularProfile(true, alterations);
            }
        };
    }

    /** True about one time in eight, otherwise false or unknown. */
    private static Boolean flag(Random r) {
        int v = r.nextInt(16);
        return v < 2 ? Boolean.TRUE : v < 13 ? Boolean.FALSE : null;
    }

    private static Boolean maybe(Random r) {
        int v = r.nextInt(5);
        return v == 0 ? null : v % 2 == 0;
    }

    /** Index 0 most often, the last rarely. */
    private static int weighted(Random r, int n) {
        int v = r.nextInt(10);
        return v < 6 ? 0 : v < 9 ? Math.min(1, n - 1) : n - 1;
    }

    private static int pick(Random r, int[] values) {
        return values[r.nextInt(values.length)];
    }

    private static double round(double v) {
        return Math.round(v * 10.0) / 10.0;
    }
}
