package org.hccguidance.cdshooks;

import org.hccguidance.ruleset.GuidanceProperties;
import org.hccguidance.ruleset.RuleSourceLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the terminology tables from {@code <rule folder>/terminology/} (the folder {@code guidance.rules.dir}
 * names, else {@code ./rules}), falling back to the copy the jar carries ({@code embedded/rules/terminology}).
 *
 * <p>The tables are {@code .tsv} files on purpose: the rule compiler refuses any plain {@code .csv} or
 * {@code .xlsx} under {@code rules/} that is not one of its reference tables, and ignores other
 * extensions, so these tables neither change the rule set's version nor go through the scenario gate.
 * They are re-read when a file changes (checked at most once a second); an edit with an error keeps the
 * previous tables serving and is logged with its file and line. At start-up an error stops the service.
 */
@Component
public class TerminologySource {

    static final List<String> FILES = List.of("terminology.tsv", "fields.tsv", "settings.tsv", "override-reasons.tsv");

    private static final Logger log = LoggerFactory.getLogger(TerminologySource.class);
    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;

    private final Optional<Path> folder;
    private final UnitConverter units;
    private volatile Terminology current;
    private volatile List<FileTime> stamps;
    private volatile long checkedAt;

    @Autowired
    public TerminologySource(GuidanceProperties props, UnitConverter units) {
        this(RuleSourceLocator.rulesFolder(props.rules().dir()).map(dir -> dir.resolve("terminology"))
                .filter(Files::isDirectory), units);
    }

    TerminologySource(Optional<Path> folder, UnitConverter units) {
        this.folder = folder;
        this.units = units;
        this.stamps = stamps();
        this.current = read();
        log.info("terminology tables read from {}", current.source());
    }

    /** The current tables, re-read first if a file changed. */
    public Terminology current() {
        long now = System.nanoTime();
        if (folder.isPresent() && now - checkedAt > CHECK_EVERY_NANOS) {
            checkedAt = now;
            List<FileTime> seen = stamps();
            if (!seen.equals(stamps)) {
                synchronized (this) {
                    if (!seen.equals(stamps)) {
                        stamps = seen;
                        try {
                            current = read();
                            log.info("terminology tables re-read from {}", current.source());
                        } catch (TableException e) {
                            log.warn("terminology edit refused, previous tables keep serving: {}", e.getMessage());
                        }
                    }
                }
            }
        }
        return current;
    }

    private List<FileTime> stamps() {
        List<FileTime> out = new ArrayList<>();
        folder.ifPresent(dir -> FILES.forEach(f -> {
            try {
                out.add(Files.getLastModifiedTime(dir.resolve(f)));
            } catch (IOException e) {
                out.add(FileTime.fromMillis(0));
            }
        }));
        return out;
    }

    private Terminology read() {
        Map<String, List<String[]>> tables = new HashMap<>();
        for (String name : FILES) {
            tables.put(name, rows(name, text(name)));
        }
        return parse(tables, folder.map(p -> "folder:" + p).orElse("embedded:classpath:" + RuleSourceLocator.EMBEDDED_RULES + "/terminology"));
    }

    private String text(String name) {
        try {
            if (folder.isPresent()) {
                return Files.readString(folder.get().resolve(name), StandardCharsets.UTF_8);
            }
            try (InputStream in = TerminologySource.class.getClassLoader()
                    .getResourceAsStream(RuleSourceLocator.EMBEDDED_RULES + "/terminology/" + name)) {
                if (in == null) {
                    throw new TableException(name + ": not found in the jar's embedded rules");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read terminology table " + name, e);
        }
    }

    /** Data rows (header and # comments dropped), each prefixed with its line number. */
    static List<String[]> rows(String file, String text) {
        List<String[]> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        boolean header = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cells = line.split("\t", -1);
            String[] withLine = new String[cells.length + 1];
            withLine[0] = file + ":" + (i + 1);
            for (int c = 0; c < cells.length; c++) {
                withLine[c + 1] = cells[c].trim();
            }
            out.add(withLine);
        }
        return out;
    }

    Terminology parse(Map<String, List<String[]>> tables, String source) {
        List<Terminology.Code> codes = new ArrayList<>();
        for (String[] r : tables.get("terminology.tsv")) {
            need(r, 6);
            String kind = r[3];
            if (!Terminology.KINDS.contains(kind)) {
                throw new TableException(r[0] + ": unknown kind '" + kind + "'; one of " + Terminology.KINDS);
            }
            if (r[1].isEmpty() || r[2].isEmpty() || r[4].isEmpty()) {
                throw new TableException(r[0] + ": system, code and target must not be empty");
            }
            codes.add(new Terminology.Code(r[1], r[2], kind, r[4], r[5], r.length > 6 ? r[6] : "", r[0]));
        }
        Map<String, Integer> settings = new HashMap<>();
        for (String[] r : tables.get("settings.tsv")) {
            need(r, 2);
            settings.put(r[1], integer(r, r[2], "value"));
        }
        for (String required : List.of("default-lookback-days", "combination-window-days", "progression-after-stop-days")) {
            if (!settings.containsKey(required)) {
                throw new TableException("settings.tsv: no row '" + required + "'");
            }
        }
        for (Terminology.Code c : codes) {
            String windowName = c.value().startsWith("recent:") ? c.value().substring(7)
                    : c.value().startsWith("absence-within:") ? c.value().substring(15)
                    : c.value().startsWith("within:") ? c.value().substring(7) : null;
            if (windowName != null && !settings.containsKey(windowName)) {
                throw new TableException(c.where() + ": settings.tsv has no window '" + windowName + "'");
            }
        }
        Map<String, Terminology.Field> fields = new LinkedHashMap<>();
        for (String[] r : tables.get("fields.tsv")) {
            need(r, 1);
            String unit = cell(r, 2);
            if (unit != null) {
                String problem = units.validate(unit);
                if (problem != null) {
                    throw new TableException(r[0] + ": unit '" + unit + "' is not UCUM: " + problem);
                }
            }
            String lookback = cell(r, 3);
            Integer days = lookback == null ? null : lookback.equals("any") ? -1 : integer(r, lookback, "lookbackDays");
            String molar = cell(r, 4);
            String threshold = cell(r, 6);
            fields.put(r[1], new Terminology.Field(r[1], unit, days, molar == null ? null : decimal(r, molar),
                    cell(r, 5), threshold == null ? null : decimal(r, threshold), cell(r, 7), cell(r, 8)));
        }
        List<Terminology.OverrideReason> reasons = new ArrayList<>();
        for (String[] r : tables.get("override-reasons.tsv")) {
            need(r, 4);
            if (r[3].isEmpty()) {
                throw new TableException(r[0] + ": an override reason needs a display");
            }
            reasons.add(new Terminology.OverrideReason(r[1], r[2], r[3], r[4]));
        }
        return new Terminology(codes, fields, settings, reasons, source);
    }

    private static void need(String[] row, int cells) {
        if (row.length - 1 < cells) {
            throw new TableException(row[0] + ": expected at least " + cells + " tab-separated cells, found " + (row.length - 1));
        }
    }

    private static String cell(String[] row, int index) {
        return index < row.length && !row[index].isEmpty() ? row[index] : null;
    }

    private static int integer(String[] row, String v, String what) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new TableException(row[0] + ": " + what + " '" + v + "' is not a whole number");
        }
    }

    private static double decimal(String[] row, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new TableException(row[0] + ": '" + v + "' is not a number");
        }
    }

    /** A table error, named by file and line. */
    static final class TableException extends RuntimeException {
        TableException(String message) {
            super(message);
        }
    }
}
