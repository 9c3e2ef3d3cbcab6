package org.hccguidance.engine;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRL that Drools generates from a decision table, kept so that an error reported on a line
 * of the generated DRL can be traced back to the spreadsheet row the committee edits.
 */
public record DecisionTableDrl(String file, String drl) {

    private static final Pattern ROW_MARKER = Pattern.compile("//\\s*rule values at [A-Z]+(\\d+)");

    public static DecisionTableDrl compile(RuleFile file) {
        InputType type = file.isCsvTable() ? InputType.CSV : InputType.XLS;
        String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()), type);
        return new DecisionTableDrl(file.path(), drl);
    }

    /** The spreadsheet row that produced the given line of generated DRL, or null for header lines. */
    public Integer rowForLine(int line) {
        String[] lines = drl.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher m = ROW_MARKER.matcher(lines[i]);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return null;
    }

    /** The spreadsheet row of the rule with the given name, or null when no such rule was generated. */
    public Integer rowForRule(String ruleName) {
        String[] lines = drl.split("\n", -1);
        String header = "rule \"" + ruleName + "\"";
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().equals(header)) {
                return rowForLine(i + 1);
            }
        }
        return null;
    }

    public BuildError errorAt(int line, String message) {
        Integer row = rowForLine(line);
        return row == null ? BuildError.atLine(file, null, message + " (table header)") : BuildError.atRow(file, row, message);
    }
}
