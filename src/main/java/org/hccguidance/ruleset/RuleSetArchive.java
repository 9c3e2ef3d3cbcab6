package org.hccguidance.ruleset;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.hccguidance.engine.RuleFile;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.engine.RuleSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every rule set that ever went live, stored by content hash under the data folder, with an
 * append-only activation log ({@code activations.jsonl}, one JSON record a line, each forced to disk
 * when written). Any past guidance can be reproduced from it, and a service whose rule folder is
 * broken at start serves the last good version from it.
 */
public class RuleSetArchive {

    private static final Logger LOGGER = LoggerFactory.getLogger(RuleSetArchive.class);
    private static final String LOG = "activations.jsonl";

    private final Path root;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Line numbers already reported as invalid, so a damaged line is logged once, not on every read. */
    private final Set<Integer> reportedBadLines = new HashSet<>();

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
            append(json.writeValueAsBytes(activation));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive rule set " + ruleSet.version() + " in " + root, e);
        }
    }

    /**
     * Appends one record as one line and forces it to disk before returning. A last line left without
     * its newline by an earlier torn write is never continued: the record then starts on a new line,
     * so the torn line stays a line of its own that {@link #history()} skips.
     */
    private void append(byte[] record) throws IOException {
        Files.createDirectories(root);
        try (FileChannel file = FileChannel.open(root.resolve(LOG), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long end = file.size();
            boolean partialLastLine = false;
            if (end > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                file.read(last, end - 1);
                partialLastLine = last.get(0) != '\n';
            }
            ByteBuffer line = ByteBuffer.allocate(record.length + 2);
            if (partialLastLine) {
                line.put((byte) '\n');
            }
            line.put(record).put((byte) '\n').flip();
            long at = end;
            while (line.hasRemaining()) {
                at += file.write(line, at);
            }
            file.force(true);
        }
    }

    /**
     * Every activation in the log, oldest first. A line that is not a valid record (a write torn by a
     * crash or a full disk, a hand edit) is skipped and reported once by line number, never by its
     * content, so a damaged log neither stops the service from starting nor breaks the history.
     */
    public synchronized List<Activation> history() {
        Path log = root.resolve(LOG);
        if (!Files.exists(log)) {
            return List.of();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read activation log " + log, e);
        }
        // Decoding replaces malformed bytes (a torn multi-byte character) rather than failing.
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        List<Activation> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            Activation a = parse(line);
            if (a != null) {
                out.add(a);
            } else if (reportedBadLines.add(i + 1)) {
                LOGGER.warn("activation log {} line {} is not a valid activation record; skipped", log, i + 1);
            }
        }
        return out;
    }

    private Activation parse(String line) {
        try {
            Activation a = json.readValue(line, Activation.class);
            return a != null && a.version() != null && a.version().startsWith("sha256:") ? a : null;
        } catch (IOException e) {
            return null;
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
