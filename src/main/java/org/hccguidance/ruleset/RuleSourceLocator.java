package org.hccguidance.ruleset;

import org.hccguidance.engine.RuleSources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides where rules (and scenarios) are read from: the configured folder; else {@code ./rules} when
 * it exists; else the copy embedded in the jar.
 */
public final class RuleSourceLocator {

    public static final String EMBEDDED_RULES = "embedded/rules";
    public static final String EMBEDDED_SCENARIOS = "embedded/scenarios";

    private RuleSourceLocator() {
    }

    /** The folder to read and watch, or empty when the embedded copy is the source. */
    public static Optional<Path> rulesFolder(Path configured) {
        return folder(configured, Path.of("rules"));
    }

    public static Optional<Path> scenariosFolder(Path configured) {
        return folder(configured, Path.of("scenarios"));
    }

    private static Optional<Path> folder(Path configured, Path fallback) {
        if (configured != null && !configured.toString().isBlank()) {
            return Optional.of(configured.toAbsolutePath().normalize());
        }
        return Files.isDirectory(fallback) ? Optional.of(fallback.toAbsolutePath().normalize()) : Optional.empty();
    }

    public static RuleSources read(Optional<Path> folder) {
        return folder.map(RuleSources::fromDirectory).orElseGet(() -> RuleSources.fromClasspath(EMBEDDED_RULES));
    }
}
