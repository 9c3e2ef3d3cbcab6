package org.hccguidance.engine;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** One file of a rule set: its path relative to the rule folder (with '/' separators) and its bytes. */
public record RuleFile(String path, byte[] content) {

    public RuleFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public boolean isDrl() {
        return lower().endsWith(".drl");
    }

    public boolean isCsvTable() {
        return lower().endsWith(".drl.csv");
    }

    public boolean isSpreadsheetTable() {
        return lower().endsWith(".drl.xlsx") || lower().endsWith(".drl.xls");
    }

    /** A plain table (no ".drl." infix): a reference table, read as data rather than as rules. */
    public boolean isDataTable() {
        String l = lower();
        return (l.endsWith(".csv") || l.endsWith(".xlsx")) && !l.contains(".drl.");
    }

    public boolean isCsv() {
        return lower().endsWith(".csv");
    }

    public boolean isDecisionTable() {
        return isCsvTable() || isSpreadsheetTable();
    }

    private String lower() {
        return path.toLowerCase(Locale.ROOT);
    }
}
