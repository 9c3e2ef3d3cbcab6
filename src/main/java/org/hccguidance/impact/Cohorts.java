package org.hccguidance.impact;

import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.guidance.InvalidPatientException;
import org.hccguidance.guidance.PatientRequestReader;
import org.hccguidance.safety.PatientGenerator;
import org.hccguidance.scenario.Scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Builds impact cohorts from scenarios, a folder of patient files and the generated-patient series. */
public final class Cohorts {

    /** Generated patients an impact run may ask for: enough for rare combinations, bounded for the server. */
    public static final int MAX_GENERATED = 20_000;
    /** Patient files a folder may hold for one run. */
    public static final int MAX_FILES = 5_000;
    private static final long MAX_FILE_BYTES = 256 * 1024;

    private Cohorts() {
    }

    public static List<CohortPatient> of(List<Scenario> scenarios) {
        return scenarios.stream().map(s -> new CohortPatient(s.id(), CohortPatient.Source.SCENARIO, s.patient())).toList();
    }

    /**
     * Every {@code *.json} file of the folder (not its subfolders), in name order. One unreadable file
     * refuses the whole cohort, naming the file and what is wrong, so no patient is silently left out.
     */
    public static List<CohortPatient> fromFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CohortException("patientsDir", folder + " is not a folder");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new CohortException("patientsDir", "cannot list " + folder + ": " + e.getMessage());
        }
        if (files.size() > MAX_FILES) {
            throw new CohortException("patientsDir", folder + " holds " + files.size() + " patient files; at most "
                    + MAX_FILES + " are compared in one run");
        }
        List<CohortPatient> out = new ArrayList<>();
        for (Path f : files) {
            out.add(new CohortPatient(f.getFileName().toString(), CohortPatient.Source.FILE, read(f)));
        }
        return out;
    }

    private static PatientCase read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new CohortException("patientsDir", file.getFileName() + ": larger than " + MAX_FILE_BYTES / 1024 + " KiB");
            }
            return PatientRequestReader.read(Files.readAllBytes(file));
        } catch (InvalidPatientException e) {
            throw new CohortException("patientsDir", file.getFileName() + ": " + String.join("; ",
                    e.problems().stream().map(p -> p.field() + ": " + p.message()).toList()));
        } catch (IOException e) {
            throw new CohortException("patientsDir", "cannot read " + file.getFileName() + ": " + e.getMessage());
        }
    }

    /** The generated-patient series for a seed, over the given rule set's catalogue (as the reload gate uses it). */
    public static List<CohortPatient> generated(RuleSet catalogue, long seed, int count) {
        if (count < 0 || count > MAX_GENERATED) {
            throw new CohortException("generated", "must be between 0 and " + MAX_GENERATED + ", was " + count);
        }
        PatientGenerator generator = PatientGenerator.forRuleSet(catalogue);
        List<CohortPatient> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new CohortPatient("generated:" + seed + ":" + i, CohortPatient.Source.GENERATED, generator.patient(seed, i)));
        }
        return out;
    }
}
