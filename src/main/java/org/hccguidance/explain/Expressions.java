package org.hccguidance.explain;

import org.hccguidance.facts.Format;
import org.mvel2.MVEL;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the text of a rule condition (a constraint such as {@code afpNgMl >= $cut}, or an
 * {@code eval}) against one fact and the variables bound so far, with MVEL in interpreted mode, and
 * describes the result with the values that decided it. The texts come from a rule set that passed the
 * rule policy and compiled; a condition that cannot be evaluated here is reported as not checked, never
 * guessed.
 */
final class Expressions {

    /** Result of testing a condition. */
    enum Truth { TRUE, FALSE, UNKNOWN }

    private static final Pattern IDENTIFIER_START = Pattern.compile("[A-Za-z_$]");
    private static final Pattern BINDING = Pattern.compile("^\\s*(\\$[A-Za-z_][\\w$]*)\\s*:(?!=)\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern PLAIN_PATH = Pattern.compile(
            "^\\s*[A-Za-z_$][\\w$]*(\\s*\\(\\s*\\))?(\\s*\\.\\s*[A-Za-z_$][\\w$]*(\\s*\\(\\s*\\))?)*\\s*$");
    private static final Pattern LEADING_PATH = Pattern.compile(
            "^\\s*([A-Za-z_$][\\w$]*(\\(\\))?(\\.[A-Za-z_$][\\w$]*(\\(\\))?)*)");
    private static final Pattern TYPE_NAME = Pattern.compile("(?<![\\w$.])([A-Z][\\w$]*)");
    private static final Set<String> WORDS = Set.of("true", "false", "null", "this", "new", "instanceof", "not", "in",
            "contains", "memberOf", "matches", "eval");
    private static final String[] OPERATORS = {"==", "!=", ">=", "<=", ">", "<"};

    private final TypeResolver types;

    Expressions(TypeResolver types) {
        this.types = types;
    }

    /** A constraint split into its optional binding ({@code $afp : afpNgMl}) and its test (null when it only binds). */
    record Constraint(String text, String variable, String boundPath, String test) {

        static Constraint parse(String text) {
            Matcher m = BINDING.matcher(text);
            if (!m.matches()) {
                return new Constraint(text.trim(), null, null, text.trim());
            }
            String rest = m.group(2).trim();
            if (PLAIN_PATH.matcher(rest).matches()) {
                return new Constraint(text.trim(), m.group(1), rest, null);
            }
            Matcher lead = LEADING_PATH.matcher(rest);
            String path = lead.find() ? lead.group(1) : rest;
            return new Constraint(text.trim(), m.group(1), path, rest);
        }
    }

    Object value(String expression, Object fact, Map<String, Object> vars) {
        Map<String, Object> all = new HashMap<>(vars);
        for (Matcher m = TYPE_NAME.matcher(masked(expression)); m.find(); ) {
            String name = m.group(1);
            if (!all.containsKey(name)) {
                Class<?> type = types.resolve(name);
                if (type != null) {
                    all.put(name, type);
                }
            }
        }
        return MVEL.eval(expression, fact, all);
    }

    Truth test(String expression, Object fact, Map<String, Object> vars) {
        try {
            Object v = value(expression, fact, vars);
            if (v instanceof Boolean b) {
                return b ? Truth.TRUE : Truth.FALSE;
            }
            return Truth.UNKNOWN;
        } catch (RuntimeException | LinkageError e) {
            // A comparison with an unknown value is false in the rule engine too.
            return nullInvolved(expression, fact, vars) ? Truth.FALSE : Truth.UNKNOWN;
        }
    }

    private boolean nullInvolved(String expression, Object fact, Map<String, Object> vars) {
        for (String p : paths(expression)) {
            try {
                if (value(p, fact, vars) == null) {
                    return true;
                }
            } catch (RuntimeException | LinkageError e) {
                return true;
            }
        }
        return false;
    }

    /** The fields and variables a condition reads, each with its value ("afpNgMl" = 320, "$cut" = 400). */
    Map<String, String> values(String expression, Object fact, Map<String, Object> vars) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : paths(expression)) {
            out.put(p, show(safeValue(p, fact, vars)));
        }
        return out;
    }

    Object safeValue(String expression, Object fact, Map<String, Object> vars) {
        try {
            return value(expression, fact, vars);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * Why a condition is false, in the terms of the rule: "afpNgMl 320 < $cut 400", "afpNgMl is unknown",
     * "afterImmunotherapy is false".
     */
    String whyFalse(String expression, Object fact, Map<String, Object> vars) {
        String e = expression.trim();
        if (PLAIN_PATH.matcher(e).matches()) {
            Object v = safeValue(e, fact, vars);
            return e + (v == null ? " is unknown" : " is " + show(v));
        }
        int[] op = topLevelOperator(e);
        if (op != null) {
            String leftText = e.substring(0, op[0]).trim();
            String operator = e.substring(op[0], op[0] + op[1]);
            String rightText = e.substring(op[0] + op[1]).trim();
            Object left = safeValue(leftText, fact, vars);
            Object right = safeValue(rightText, fact, vars);
            boolean rightLiteral = isLiteral(rightText);
            if (left == null && !rightText.equals("null")) {
                return leftText + " is unknown";
            }
            String rightShown = rightLiteral ? show(right) : rightText + " " + show(right);
            return switch (operator) {
                case "==" -> leftText + " is " + show(left) + ", not " + rightShown;
                case "!=" -> leftText + " is " + show(left);
                default -> leftText + " " + show(left) + " " + negate(operator) + " " + rightShown;
            };
        }
        Map<String, String> values = values(e, fact, vars);
        return values.isEmpty() ? "it is false" : "it is false with " + join(values);
    }

    static String join(Map<String, String> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + " = " + v));
        return String.join(", ", parts);
    }

    private static boolean isLiteral(String text) {
        String t = text.trim();
        return t.equals("true") || t.equals("false") || t.equals("null") || t.startsWith("\"")
                || t.matches("-?\\d+(\\.\\d+)?[dDfFlL]?") || t.matches("[A-Z][\\w$]*\\.[A-Z_][A-Z0-9_]*");
    }

    private static String negate(String operator) {
        return switch (operator) {
            case ">=" -> "<";
            case ">" -> "<=";
            case "<=" -> ">";
            case "<" -> ">=";
            default -> operator;
        };
    }

    /** The position and length of the one comparison at the top level, or null if there is not exactly one. */
    static int[] topLevelOperator(String e) {
        String m = masked(e);
        int depth = 0;
        int[] found = null;
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (depth == 0) {
                if (m.startsWith("&&", i) || m.startsWith("||", i) || c == '?') {
                    return null;
                }
                for (String op : OPERATORS) {
                    if (m.startsWith(op, i)) {
                        if (found != null) {
                            return null;
                        }
                        found = new int[] {i, op.length()};
                        i += op.length() - 1;
                        break;
                    }
                }
            }
        }
        return found;
    }

    /** Field paths and variables read by an expression, in order of appearance: "afpNgMl", "$cut", "$e.source". */
    static List<String> paths(String expression) {
        String m = masked(expression);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < m.length()) {
            char c = m.charAt(i);
            boolean start = IDENTIFIER_START.matcher(String.valueOf(c)).matches()
                    && (i == 0 || !(Character.isLetterOrDigit(m.charAt(i - 1)) || m.charAt(i - 1) == '_' || m.charAt(i - 1) == '.'
                    || m.charAt(i - 1) == '$'));
            if (!start) {
                i++;
                continue;
            }
            Matcher lead = LEADING_PATH.matcher(m.substring(i));
            if (!lead.find()) {
                i++;
                continue;
            }
            String path = lead.group(1);
            i += lead.end();
            String head = path.split("[.(]")[0];
            boolean typeRef = Character.isUpperCase(head.charAt(0));
            boolean call = m.length() > i && m.charAt(i) == '(';
            if (!typeRef && !WORDS.contains(head) && !call && !out.contains(path)) {
                out.add(path);
            }
        }
        return out;
    }

    /** The expression with string and character literals blanked, so that operators inside them are not seen. */
    static String masked(String e) {
        StringBuilder sb = new StringBuilder(e.length());
        char quote = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (quote != 0) {
                sb.append(c == quote ? c : ' ');
                if (c == '\\' && i + 1 < e.length()) {
                    sb.append(' ');
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else {
                if (c == '"' || c == '\'') {
                    quote = c;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A value as a clinician reads it: 400.0 as 400, null as unknown, a fact by its type and fields. */
    static String show(Object v) {
        if (v == null) {
            return "unknown";
        }
        if (v instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            // Enough digits to read a lab value or a computed score, not the noise of floating point.
            return Format.number(Math.round(d * 1000.0) / 1000.0);
        }
        if (v instanceof Number n) {
            return Format.number(n);
        }
        if (v instanceof String s) {
            return s.length() > 80 ? s.substring(0, 77) + "..." : s;
        }
        if (v instanceof Enum<?> en) {
            return en.name();
        }
        if (v.getClass().isRecord()) {
            return describe(v);
        }
        return String.valueOf(v);
    }

    /** A fact as {@code Type(field=value, ...)}, long texts shortened. */
    static String describe(Object fact) {
        if (fact == null) {
            return "unknown";
        }
        Class<?> type = fact.getClass();
        if (!type.isRecord()) {
            return type.getSimpleName();
        }
        List<String> parts = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(fact);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (v instanceof java.util.Collection<?> col) {
                parts.add(c.getName() + "=[" + col.size() + "]");
            } else if (v != null && v.getClass().isRecord()) {
                parts.add(c.getName() + "=" + v.getClass().getSimpleName());
            } else {
                String s = show(v);
                parts.add(c.getName() + "=" + (v instanceof String ? "\"" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "\"" : s));
            }
        }
        return type.getSimpleName() + "(" + String.join(", ", parts) + ")";
    }
}
