package org.hccguidance.safety;

import org.hccguidance.facts.AdverseEvent;
import org.hccguidance.facts.Alteration;
import org.hccguidance.facts.AlterationType;
import org.hccguidance.facts.Ascites;
import org.hccguidance.facts.BclcStage;
import org.hccguidance.facts.BestResponse;
import org.hccguidance.facts.ChildPughClass;
import org.hccguidance.facts.Encephalopathy;
import org.hccguidance.facts.Liver;
import org.hccguidance.facts.MolecularProfile;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PriorTherapy;
import org.hccguidance.facts.Progression;
import org.hccguidance.facts.ProgressionPattern;
import org.hccguidance.facts.Risks;
import org.hccguidance.facts.TherapyOutcome;
import org.hccguidance.facts.Tumour;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Clinically plausible patients across the whole input space, from a seed: every setting (no prior
 * therapy to three lines), every catalogue regimen as prior therapy with each outcome, every risk flag,
 * adverse events of every grade, Child-Pugh A5 to C15 from labs and from class or score, ECOG 0-4, AFP
 * around the cut-offs, progression patterns and lesion counts, molecular profiles, and missing fields.
 * The same seed gives the same patients, so a patient that breaks a check can be found again and saved
 * as a scenario. They are test inputs, not clinical logic: the values only need to be valid and varied.
 */
public final class PatientGenerator {

    /** Terms the adverse-event rules look at, and a few they do not. */
    private static final List<String> AE_TERMS = List.of("HEPATITIS", "COLITIS", "PNEUMONITIS", "MYOCARDITIS",
            "MYASTHENIA_GRAVIS", "GUILLAIN_BARRE", "ENCEPHALITIS", "THYROIDITIS", "HYPOPHYSITIS", "RASH", "NEPHRITIS",
            "HAEMORRHAGE", "GI_PERFORATION", "HAND_FOOT_SKIN_REACTION", "FATIGUE");
    private static final List<String> GENES = List.of("TSC1", "TSC2", "PTEN", "CCND1", "FGF19", "ERBB2", "CDK4",
            "NTRK1", "NTRK3", "RET", "BRAF", "TP53", "CTNNB1");
    private static final double[] AFP = {0, 5, 20, 120, 399, 399.9, 400, 400.1, 401, 1000, 25_000, 1_000_000};

    private final List<String> regimens;

    /** @param regimens the regimen codes of the rule set's catalogue, used as prior therapies */
    public PatientGenerator(List<String> regimens) {
        this.regimens = List.copyOf(regimens);
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
        return new PatientCase(null, 18 + r.nextInt(73), ecog, bclc, liver(r), tumour(r), priorTherapies(r),
                r.nextInt(4) == 0 ? null : progression(r), adverseEvents(r), r.nextInt(7) == 0 ? null : risks(r),
                molecular(r));
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
        return new Tumour(r.nextInt(6) == 0 ? null : AFP[r.nextInt(AFP.length)], maybe(r), maybe(r));
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

    private static List<AdverseEvent> adverseEvents(Random r) {
        int n = pick(r, new int[] {0, 0, 0, 0, 1, 1, 2});
        List<AdverseEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new AdverseEvent(AE_TERMS.get(r.nextInt(AE_TERMS.size())), 1 + r.nextInt(5), maybe(r), maybe(r)));
        }
        return out;
    }

    private static Risks risks(Random r) {
        return new Risks(flag(r), flag(r), flag(r), flag(r), flag(r), flag(r), flag(r), flag(r));
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
