package org.hccguidance.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PatientJson;
import org.hccguidance.facts.PatientValidation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a patient JSON file ({@code -} for standard input), reporting any problem with the file name and line. */
final class PatientFiles {

    private PatientFiles() {
    }

    static PatientCase read(Path file) {
        PatientCase patient;
        boolean stdin = file.toString().equals("-");
        String name = stdin ? "(standard input)" : file.toString();
        try {
            String text = stdin ? new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8) : Files.readString(file);
            patient = PatientJson.mapper().readValue(text, PatientCase.class);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new CliException(ExitCodes.USAGE, name + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr())
                    + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read " + name + ": " + e.getMessage());
        }
        if (patient == null) {
            throw new CliException(ExitCodes.USAGE, name + ": the file holds no patient");
        }
        List<String> problems = PatientValidation.problems(patient);
        if (!problems.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, name + ": " + String.join("; ", problems));
        }
        return patient;
    }
}
