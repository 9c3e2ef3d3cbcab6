package org.hccguidance.engine;

/**
 * One reason a rule set was refused. For a DRL file {@code line} is the line in that file; for a
 * decision table {@code row} is the spreadsheet row (1-based) and {@code line} is null.
 */
public record BuildError(String file, Integer line, Integer row, String message) {

    public static BuildError atLine(String file, Integer line, String message) {
        return new BuildError(file, line, null, message);
    }

    public static BuildError atRow(String file, Integer row, String message) {
        return new BuildError(file, null, row, message);
    }

    public String location() {
        if (row != null) {
            return file + " row " + row;
        }
        return line == null || line <= 0 ? file : file + ":" + line;
    }

    @Override
    public String toString() {
        return location() + ": " + message;
    }
}
