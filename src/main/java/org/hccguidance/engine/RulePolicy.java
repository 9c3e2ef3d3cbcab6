package org.hccguidance.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rule file may say, checked before anything is compiled. Drools runs rule consequences as
 * ordinary Java with the service's permissions, so a rule file is untrusted code: it may import only
 * the fact and guidance types and a few pure JDK packages, and may not name the JDK's doors to the
 * process, files, network, threads or reflection, nor spell a class out in full to dodge the import list.
 */
public final class RulePolicy {

    private static final List<String> ALLOWED_IMPORT_PREFIXES = List.of(
            "org.hccguidance.facts.", "org.hccguidance.guidance.", "java.util.", "java.time.");
    private static final List<String> ALLOWED_IMPORTS = List.of("java.lang.Math");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+|function\\s+)?([\\w.*$]+)\\s*;?");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(System|Runtime|ProcessBuilder|Process|ProcessHandle|Thread|ThreadGroup|ClassLoader|Class\\s*\\.\\s*forName"
            + "|getClass|forName|getDeclaredMethod|getDeclaredField|getMethod|setAccessible|Unsafe|MethodHandles?"
            + "|ScriptEngine\\w*|reflect|File|Files|Paths|Path|FileInputStream|FileOutputStream|Socket|URL|URI"
            + "|HttpClient|ObjectInputStream|getKieRuntime|getKnowledgeRuntime|getWorkingMemory|halt|exit|exec|global"
            + "|java\\s*\\.\\s*(?:io|nio|net|lang\\s*\\.\\s*reflect|lang\\s*\\.\\s*invoke)"
            + "|javax\\s*\\.|jdk\\s*\\.|sun\\s*\\.|com\\s*\\.\\s*sun)\\b");
    /** A fully-qualified class reference such as java.lang.Runtime or org.x.Y outside the allowed packages. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:[a-z_][\\w]*\\s*\\.\\s*){2,}[A-Z]\\w*)");

    private RulePolicy() {
    }

    /**
     * Returns a violation per offending line. {@code locate} turns a line of {@code drl} and a message
     * into an error with the right place (a file line, or a decision-table row).
     */
    public static List<BuildError> check(String drl, BiFunction<Integer, String, BuildError> locate) {
        List<BuildError> errors = new ArrayList<>();
        String stripped;
        try {
            stripped = stripCommentsAndStrings(drl);
        } catch (UnterminatedLiteral e) {
            // Code that hides behind an unterminated literal cannot be checked, so it is not accepted.
            errors.add(locate.apply(e.line, "unterminated string, character literal or comment"));
            return errors;
        }
        String[] lines = stripped.split("\n", -1);
        String[] original = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            Matcher imp = IMPORT.matcher(line);
            if (imp.find()) {
                String target = imp.group(1);
                if (!importAllowed(target)) {
                    errors.add(locate.apply(lineNo, "import not allowed in rules: " + target
                            + " (rules may import only org.hccguidance.facts, org.hccguidance.guidance, java.util, java.time, java.lang.Math)"));
                }
                continue;
            }
            Matcher bad = FORBIDDEN.matcher(line);
            if (bad.find()) {
                errors.add(locate.apply(lineNo, "forbidden in rules: '" + bad.group(1).replaceAll("\\s+", "")
                        + "' in: " + original[i].trim()));
                continue;
            }
            Matcher q = QUALIFIED.matcher(line);
            while (q.find()) {
                String name = q.group(1).replaceAll("\\s+", "");
                if (!importAllowed(name)) {
                    errors.add(locate.apply(lineNo, "fully-qualified class not allowed in rules: '" + name
                            + "' in: " + original[i].trim()));
                    break;
                }
            }
        }
        return errors;
    }

    static boolean importAllowed(String target) {
        return ALLOWED_IMPORTS.contains(target) || target.startsWith("java.lang.Math.")
                || ALLOWED_IMPORT_PREFIXES.stream().anyMatch(target::startsWith);
    }

    /**
     * Blanks out comments and literals, keeping line breaks so line numbers still match. Both quote
     * kinds are literals: DRL constraints accept 'single-quoted' strings and Java has char literals,
     * and a quote of one kind inside a literal of the other must not open a new one.
     */
    static String stripCommentsAndStrings(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int n = src.length();
        int i = 0;
        int line = 1;
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int start = line;
                i += 2;
                while (i < n && !(src.charAt(i) == '*' && i + 1 < n && src.charAt(i + 1) == '/')) {
                    if (src.charAt(i) == '\n') {
                        out.append('\n');
                        line++;
                    }
                    i++;
                }
                if (i >= n) {
                    throw new UnterminatedLiteral(start);
                }
                i += 2;
            } else if (c == '"' || c == '\'') {
                int start = line;
                out.append(c).append(c);
                i++;
                while (i < n && src.charAt(i) != c) {
                    if (src.charAt(i) == '\\') {
                        i++;
                    }
                    if (i < n && src.charAt(i) == '\n') {
                        out.append('\n');
                        line++;
                    }
                    i++;
                }
                if (i >= n) {
                    throw new UnterminatedLiteral(start);
                }
                i++;
            } else {
                if (c == '\n') {
                    line++;
                }
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static final class UnterminatedLiteral extends RuntimeException {

        private final int line;

        UnterminatedLiteral(int line) {
            super(null, null, false, false);
            this.line = line;
        }
    }
}
