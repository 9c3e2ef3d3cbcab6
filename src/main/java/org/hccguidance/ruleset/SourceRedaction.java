package org.hccguidance.ruleset;

import org.hccguidance.engine.BuildError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What callers without the ADMIN role see of where rules live: a rule set's source is shown as its
 * kind only ({@code folder}, {@code embedded}, {@code archive}), and the absolute paths of the rule,
 * scenario and data folders and of the working folder are replaced by a name wherever they appear in
 * a refused candidate's errors. File names relative to the rule folder, lines and rows stay: they are
 * what an informaticist needs to fix a rule.
 */
public final class SourceRedaction {

    private final List<Map.Entry<String, String>> roots;

    public SourceRedaction(GuidanceProperties props) {
        List<Map.Entry<String, String>> r = new ArrayList<>();
        RuleSourceLocator.rulesFolder(props.rules().dir()).ifPresent(p -> r.add(Map.entry(p.toString(), "(rule folder)")));
        RuleSourceLocator.scenariosFolder(props.scenarios().dir()).ifPresent(p -> r.add(Map.entry(p.toString(), "(scenario folder)")));
        Optional.ofNullable(props.data().dir()).ifPresent(p -> r.add(Map.entry(p.toAbsolutePath().normalize().toString(), "(data folder)")));
        r.add(Map.entry(Path.of("").toAbsolutePath().normalize().toString(), "(working folder)"));
        // Longest first, so that a folder inside the working folder is named as itself.
        r.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        this.roots = r.stream().filter(e -> e.getKey().length() > 1).toList();
    }

    /** {@code folder:/srv/rules} becomes {@code folder}; {@code archive:sha256:...} becomes {@code archive}. */
    public static String kind(String sourceLabel) {
        if (sourceLabel == null) {
            return null;
        }
        int colon = sourceLabel.indexOf(':');
        return colon < 0 ? sourceLabel : sourceLabel.substring(0, colon);
    }

    public String text(String s) {
        if (s == null) {
            return null;
        }
        String out = s;
        for (Map.Entry<String, String> root : roots) {
            out = out.replace(root.getKey(), root.getValue());
        }
        return out;
    }

    public CandidateReport candidate(CandidateReport report) {
        if (report == null) {
            return null;
        }
        List<BuildError> errors = report.errors().stream()
                .map(e -> new BuildError(file(e.file()), e.line(), e.row(), text(e.message())))
                .toList();
        List<String> failing = report.failingScenarios().stream().map(this::text).toList();
        return new CandidateReport(report.version(), report.refusedAt(), report.trigger(), errors, failing,
                report.scenarioPatientsChanged());
    }

    public Activation activation(Activation a) {
        return new Activation(a.version(), a.activatedAt(), a.activatedBy(), kind(a.source()), a.files(), a.ruleCount(),
                a.scenarioPatientsChanged());
    }

    /** A build error's file is relative to the rule folder, except when it names the whole source. */
    private String file(String file) {
        if (file == null) {
            return null;
        }
        for (String prefix : List.of("folder:", "embedded:", "archive:")) {
            if (file.startsWith(prefix)) {
                return kind(file);
            }
        }
        return text(file);
    }
}
