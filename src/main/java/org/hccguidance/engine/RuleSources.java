package org.hccguidance.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of one rule set, read once into memory so that what is hashed, checked, compiled and
 * archived is the same bytes even if someone edits the folder meanwhile.
 *
 * @param label   where the files came from, shown to callers as the rule set's source
 * @param files   rule files in path order
 * @param ignored files in the folder that are not rules (documentation, editor leftovers)
 */
public record RuleSources(String label, List<RuleFile> files, List<String> ignored) {

    /** Spreadsheets and CSVs that Drools would silently skip because they lack the ".drl." infix. */
    private static final List<String> MISNAMED_TABLE_SUFFIXES = List.of(".csv", ".xlsx", ".xls");

    public RuleSources {
        files = List.copyOf(files);
        ignored = List.copyOf(ignored);
    }

    public static RuleSources fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UncheckedIOException(new IOException("rule folder " + dir + " does not exist or is not a folder"));
        }
        List<RuleFile> files = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        try {
            Path base = FolderFiles.snapshotRoot(dir);
            for (String rel : FolderFiles.relativePaths(base)) {
                if (isEditorLeftover(rel)) {
                    continue;
                }
                RuleFile f = new RuleFile(rel, Files.readAllBytes(base.resolve(rel)));
                if (f.isDrl() || f.isDecisionTable() || isMisnamedTable(rel)) {
                    files.add(f);
                } else {
                    ignored.add(rel);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule folder " + dir + ": " + e.getMessage(), e);
        }
        return new RuleSources("folder:" + dir.toAbsolutePath().normalize(), files, ignored);
    }

    /** Reads the copy of {@code rules/} that the jar carries. */
    public static RuleSources fromClasspath(String root) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<RuleFile> files = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        try {
            Resource base = resolver.getResource("classpath:" + root + "/");
            String baseUrl = base.getURL().toString();
            for (Resource r : resolver.getResources("classpath*:" + root + "/**/*")) {
                if (!r.isReadable() || r.getURL().toString().endsWith("/")) {
                    continue;
                }
                String url = r.getURL().toString();
                String rel = url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : r.getFilename();
                try (InputStream in = r.getInputStream()) {
                    RuleFile f = new RuleFile(rel, in.readAllBytes());
                    if (f.isDrl() || f.isDecisionTable() || f.isDataTable()) {
                        files.add(f);
                    } else {
                        ignored.add(rel);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embedded rules: " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(RuleFile::path));
        return new RuleSources("embedded:classpath:" + root, files, ignored);
    }

    public static boolean isEditorLeftover(String relativePath) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        return name.startsWith(".") || name.startsWith("~") || name.endsWith("~") || name.endsWith(".swp")
                || name.endsWith(".tmp") || name.startsWith("#");
    }

    static boolean isMisnamedTable(String rel) {
        String lower = rel.toLowerCase(Locale.ROOT);
        return MISNAMED_TABLE_SUFFIXES.stream().anyMatch(lower::endsWith) && !lower.contains(".drl.");
    }

    /** Content hash over every file's path and bytes: equal folders give equal versions. */
    public String version() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RuleFile f : files) {
                sha.update(f.path().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                byte[] content = f.content();
                sha.update(Integer.toString(content.length).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(content);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public List<String> paths() {
        return files.stream().map(RuleFile::path).toList();
    }

    public RuleSources withLabel(String newLabel) {
        return new RuleSources(newLabel, files, ignored);
    }
}
