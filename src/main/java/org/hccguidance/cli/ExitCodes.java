package org.hccguidance.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line's exit codes, one meaning each, so that scripts and CI can tell a failing check from a
 * typo from a broken rule file. Listed in every command's {@code --help} and in docs/cli.md.
 */
final class ExitCodes {

    /** The command did what it was asked: guidance printed, every scenario passed, explanation printed. */
    static final int OK = 0;
    /** The check failed: a scenario failed, coverage is below the minimum, responses differ. */
    static final int FAILED = 1;
    /** The command line or an input file is wrong: unknown command or option, bad value, invalid patient or scenario file. */
    static final int USAGE = 2;
    /** The rules were refused: they do not compile or break the rule policy (every error is printed with file and line). */
    static final int RULES_REFUSED = 3;
    /** The evaluation could not finish (a rule failed or hit a limit), or another unexpected failure. */
    static final int COULD_NOT_FINISH = 4;

    private ExitCodes() {
    }

    /** For the usage help: code, then meaning. */
    static Map<String, String> described() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("0", "ok: guidance or explanation printed, every scenario passed");
        m.put("1", "check failed: a scenario failed, coverage below --min-coverage, responses differ");
        m.put("2", "usage error: unknown command or option, bad value, invalid patient or scenario file");
        m.put("3", "rules refused: a rule file does not compile or breaks the rule policy");
        m.put("4", "could not finish: a rule failed or hit an evaluation limit, or an unexpected error");
        return m;
    }
}
