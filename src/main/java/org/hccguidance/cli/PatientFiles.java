package org.hccguidance.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PatientJson;
import org.hccguidance.facts.PatientValidation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a patient JSON file, reporting any problem with the file name and line. */
final class PatientFiles {

    private PatientFiles() {
    }

    static PatientCase read(Path file) {
        PatientCase patient;
        try {
            patient = PatientJson.mapper().readValue(Files.readString(file), PatientCase.class);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new CliException(ExitCodes.USAGE, file + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr())
                    + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
        if (patient == null) {
            throw new CliException(ExitCodes.USAGE, file + ": the file holds no patient");
        }
        List<String> problems = PatientValidation.problems(patient);
        if (!problems.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, file + ": " + String.join("; ", problems));
        }
        return patient;
    }
}
