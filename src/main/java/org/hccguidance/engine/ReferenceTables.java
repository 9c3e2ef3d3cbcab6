package org.hccguidance.engine;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.hccguidance.facts.DrugClass;
import org.hccguidance.facts.RegimenComponent;
import org.hccguidance.facts.Threshold;
import org.hccguidance.facts.TrialListing;
import org.hccguidance.guidance.EvidenceRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the reference tables of a rule folder (regimen catalogue, thresholds, trial registry, evidence)
 * into immutable facts. They are plain tables an informaticist edits in a spreadsheet, not rules: the
 * first row names the columns, each further row is one record. A table is recognised by its file name
 * ({@code regimens}, {@code agents}, {@code thresholds}, {@code ranks}, {@code trials}, {@code evidence}, as
 * {@code .csv} or {@code .xlsx}); a malformed cell is reported with file, row and column, and refuses the rule set.
 */
public final class ReferenceTables {

    /** Table name to the columns it must have, in the order the record takes them. */
    static final Map<String, List<String>> COLUMNS = Map.of(
            "regimens", List.of("Regimen", "Agent", "Drug class"),
            "agents", List.of("Agent", "Drug class", "Same as"),
            "thresholds", List.of("Name", "Value"),
            "ranks", List.of("Rank", "Position"),
            "trials", List.of("NCT id", "Title", "Phase", "N", "Treatment arm(s)", "Endpoint", "Eligibility as published",
                    "Interventions", "Recruitment status", "Status checked on"),
            "evidence", List.of("Row", "Option", "Pathway", "Study", "Year", "Design", "N", "mPFS (months)", "mOS (months)",
                    "ORR (%)", "DCR (%)", "Grade 3/4 TRAE (%)", "HR for OS", "Note", "Reference"));

    private ReferenceTables() {
    }

    /** Whether a file is a reference table this loader reads. */
    public static boolean isReferenceTable(RuleFile f) {
        return f.isDataTable() && COLUMNS.containsKey(tableName(f));
    }

    public static String tableName(RuleFile f) {
        String name = f.path().substring(f.path().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** Reads every reference table, adding an error per bad file, row or cell. */
    public static ReferenceData read(List<RuleFile> files, List<BuildError> errors) {
        Map<String, RuleFile> byName = new HashMap<>();
        for (RuleFile f : files) {
            if (!f.isDataTable()) {
                continue;
            }
            String name = tableName(f);
            if (!COLUMNS.containsKey(name)) {
                errors.add(BuildError.atLine(f.path(), null, "not a known reference table (" + String.join(", ",
                        COLUMNS.keySet().stream().sorted().toList()) + "); a decision table must be named *.drl.csv, "
                        + "*.drl.xlsx or *.drl.xls, which Drools would otherwise silently ignore"));
            } else if (byName.put(name, f) != null) {
                errors.add(BuildError.atLine(f.path(), null, "a second '" + name + "' table; each reference table exists once"));
            }
        }
        List<RegimenComponent> regimens = records(byName.get("regimens"), errors, c -> new RegimenComponent(
                c.code("Regimen"), c.code("Agent"), c.enumValue("Drug class", DrugClass.class)));
        List<Threshold> thresholds = records(byName.get("thresholds"), errors, c -> new Threshold(c.code("Name"), c.number("Value")));
        List<TrialListing> trials = records(byName.get("trials"), errors, c -> new TrialListing(
                c.code("NCT id"), c.text("Title"), c.text("Phase"), c.whole("N"), c.text("Treatment arm(s)"), c.text("Endpoint"),
                c.text("Eligibility as published"), c.code("Recruitment status"), c.date("Status checked on"),
                c.codes("Interventions")));
        List<AgentRow> agents = records(byName.get("agents"), errors, c -> new AgentRow(c.code("Agent"),
                c.text("Drug class").equals("-") ? null : c.enumValue("Drug class", DrugClass.class),
                c.text("Same as").equals("-") ? null : c.code("Same as")));
        List<EvidenceRow> evidence = records(byName.get("evidence"), errors, c -> EvidenceRow.of(
                c.text("Row"), c.code("Option"), c.code("Pathway"), c.text("Study"), c.text("Year"), c.text("Design"), c.text("N"),
                c.text("mPFS (months)"), c.text("mOS (months)"), c.text("ORR (%)"), c.text("DCR (%)"),
                c.text("Grade 3/4 TRAE (%)"), c.text("HR for OS"), c.text("Note"), c.text("Reference")));
        List<RankRow> ranks = records(byName.get("ranks"), errors, c -> new RankRow(c.code("Rank"), c.whole("Position")));
        return ReferenceData.of(regimens, agents, thresholds, trials, evidence, ranks, errors);
    }

    private static <T> List<T> records(RuleFile file, List<BuildError> errors, Function<Cells, T> build) {
        if (file == null) {
            return List.of();
        }
        List<List<String>> rows;
        try {
            rows = file.isCsv() ? Csv.parse(file.text()) : spreadsheet(file);
        } catch (Csv.MalformedCsv e) {
            errors.add(BuildError.atRow(file.path(), e.row, e.getMessage()));
            return List.of();
        } catch (IOException | RuntimeException e) {
            errors.add(BuildError.atLine(file.path(), null, "cannot read table: " + RuleSetCompiler.rootMessage(e)));
            return List.of();
        }
        if (rows.isEmpty()) {
            errors.add(BuildError.atRow(file.path(), 1, "the table is empty: the first row must name the columns"));
            return List.of();
        }
        Map<String, Integer> header = new LinkedHashMap<>();
        List<String> names = rows.get(0);
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).isBlank()) {
                header.put(names.get(i).trim(), i);
            }
        }
        List<String> missing = COLUMNS.get(tableName(file)).stream().filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            errors.add(BuildError.atRow(file.path(), 1, "missing column(s) " + missing + "; the header row has " + header.keySet()));
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            Cells cells = new Cells(file.path(), r + 1, row, header);
            try {
                out.add(build.apply(cells));
            } catch (BadCell e) {
                errors.add(BuildError.atRow(file.path(), r + 1, e.getMessage()));
            } catch (IllegalArgumentException e) {
                errors.add(BuildError.atRow(file.path(), r + 1, e.getMessage()));
            }
        }
        return List.copyOf(out);
    }

    private static List<List<String>> spreadsheet(RuleFile file) throws IOException {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<List<String>> rows = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    /** The cells of one row, read by column name and type; a bad cell names its column and the value's problem. */
    private record Cells(String file, int row, List<String> values, Map<String, Integer> header) {

        String text(String column) {
            Integer i = header.get(column);
            String v = i == null || i >= values.size() ? "" : values.get(i).trim();
            if (v.isEmpty()) {
                throw new BadCell("column '" + column + "' is empty (write '-' when not reported)");
            }
            return v;
        }

        String code(String column) {
            String v = text(column);
            if (!v.matches("[A-Za-z0-9_.-]+")) {
                throw new BadCell("column '" + column + "': '" + v + "' is not a code (letters, digits, '_', '-', '.')");
            }
            return v;
        }

        java.time.LocalDate date(String column) {
            String v = text(column);
            try {
                return java.time.LocalDate.parse(v);
            } catch (java.time.format.DateTimeParseException e) {
                throw new BadCell("column '" + column + "': '" + v + "' is not a date (YYYY-MM-DD)");
            }
        }

        double number(String column) {
            String v = text(column);
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new BadCell("column '" + column + "': '" + v + "' is not a number");
            }
        }

        int whole(String column) {
            String v = text(column);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new BadCell("column '" + column + "': '" + v + "' is not a whole number");
            }
        }

        /** Codes separated by spaces, '+' or ';' ("CAMRELIZUMAB APATINIB"). */
        List<String> codes(String column) {
            List<String> out = new ArrayList<>();
            for (String part : text(column).split("[\\s+;,]+")) {
                if (!part.isBlank()) {
                    if (!part.matches("[A-Za-z0-9_.-]+")) {
                        throw new BadCell("column '" + column + "': '" + part + "' is not a code");
                    }
                    out.add(part);
                }
            }
            return List.copyOf(out);
        }

        <E extends Enum<E>> E enumValue(String column, Class<E> type) {
            String v = text(column);
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                throw new BadCell("column '" + column + "': '" + v + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            }
        }
    }

    /** A row of the agent table: an agent's class (null for an alias) or the agent it is another name of. */
    record AgentRow(String agent, DrugClass drugClass, String sameAs) {
    }

    /** A row of the rank table: a named place in the list of options and its position (lower first). */
    record RankRow(String rank, int position) {
    }

    private static final class BadCell extends RuntimeException {
        BadCell(String message) {
            super(message, null, false, false);
        }
    }

    /** RFC 4180 CSV: commas, double-quoted fields with "" for a quote, CRLF or LF line ends. */
    static final class Csv {

        private Csv() {
        }

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            int line = 1;
            int rowStart = 1;
            int i = 0;
            if (text.startsWith("\uFEFF")) {
                i = 1;
            }
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cell.append(c);
                    }
                } else if (c == '"' && cell.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    line++;
                    rowStart = line;
                } else {
                    cell.append(c);
                }
            }
            if (quoted) {
                throw new MalformedCsv(rowStart, "a quoted cell is not closed");
            }
            if (!cell.isEmpty() || !row.isEmpty()) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }

        static final class MalformedCsv extends RuntimeException {
            final int row;

            MalformedCsv(int row, String message) {
                super(message, null, false, false);
                this.row = row;
            }
        }
    }
}
