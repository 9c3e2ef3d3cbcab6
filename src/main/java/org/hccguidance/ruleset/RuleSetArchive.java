package org.hccguidance.ruleset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.hccguidance.engine.RuleFile;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.engine.RuleSources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every rule set that ever went live, stored by content hash under the data folder, with an
 * append-only activation log. Any past guidance can be reproduced from it, and a service whose rule
 * folder is broken at start serves the last good version from it.
 */
public class RuleSetArchive {

    private final Path root;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public RuleSetArchive(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public synchronized void record(RuleSet ruleSet, Activation activation) {
        try {
            Path dir = versionDir(ruleSet.version());
            if (!Files.isDirectory(dir.resolve("files"))) {
                Path tmp = Files.createDirectories(root.resolve("rulesets")).resolve(".tmp-" + System.nanoTime());
                for (RuleFile f : ruleSet.sources().files()) {
                    Path target = tmp.resolve("files").resolve(f.path()).normalize();
                    if (!target.startsWith(tmp)) {
                        throw new IOException("refusing to archive a path outside the archive: " + f.path());
                    }
                    Files.createDirectories(target.getParent());
                    Files.write(target, f.content());
                }
                Files.createDirectories(dir.getParent());
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.writeString(root.resolve("activations.jsonl"), json.writeValueAsString(activation) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive rule set " + ruleSet.version() + " in " + root, e);
        }
    }

    public synchronized List<Activation> history() {
        Path log = root.resolve("activations.jsonl");
        if (!Files.exists(log)) {
            return List.of();
        }
        try {
            List<Activation> out = new ArrayList<>();
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(json.readValue(line, Activation.class));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read activation log " + log, e);
        }
    }

    public Optional<Activation> lastActivation() {
        List<Activation> h = history();
        return h.isEmpty() ? Optional.empty() : Optional.of(h.get(h.size() - 1));
    }

    /** The stored files of a version, if that version was ever activated here. */
    public Optional<RuleSources> sources(String version) {
        Path files = versionDir(version).resolve("files");
        if (!Files.isDirectory(files)) {
            return Optional.empty();
        }
        return Optional.of(RuleSources.fromDirectory(files).withLabel("archive:" + version));
    }

    private Path versionDir(String version) {
        String hex = version.startsWith("sha256:") ? version.substring(7) : version;
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a rule set version: " + version);
        }
        return root.resolve("rulesets").resolve(hex);
    }
}
