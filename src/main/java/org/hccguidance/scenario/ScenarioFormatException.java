package org.hccguidance.scenario;

import java.util.List;

/** One or more scenario files are malformed; each problem names its file and, where known, line. */
public class ScenarioFormatException extends RuntimeException {

    private final List<String> problems;

    public ScenarioFormatException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
