package org.hccguidance.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rule file may say: an allow-list, checked on the file's parsed structure before anything from
 * it is compiled or run. Drools runs rule code as ordinary Java with the service's permissions and has
 * no sandbox, so rule text is untrusted. The policy admits only:
 * <ul>
 *   <li>imports of the clinical vocabulary ({@link RuleVocabulary}) and a few JDK value types;</li>
 *   <li>rules whose attributes are a literal salience, phase ({@code ruleflow-group}), activation group,
 *       no-loop or lock-on-active, in the Java dialect;</li>
 *   <li>consequences made only of {@code insert(new Fact(...))} / {@code insertLogical(new Fact(...))}
 *       where the fact is a vocabulary type;</li>
 *   <li>functions whose body is {@code if}/{@code return} over allowed expressions and which call no
 *       function (so nothing can loop or recurse);</li>
 *   <li>in every expression (patterns, evals, consequences, functions): calls, member reads and type
 *       names from the vocabulary and the JDK list only; built-in accumulate functions only.</li>
 * </ul>
 * No globals, declares, queries, imported functions, timers, dynamic attributes, MVEL consequences,
 * loops, lambdas, class literals, assignments, regular expressions or unicode escapes.
 */
public final class RulePolicy {

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u");
    /** The phase attribute: Drools 10 spells agenda groups this way and deprecates "agenda-group". */
    static final String PHASE_ATTRIBUTE = "ruleflow-group";
    private static final Set<String> RULE_ATTRIBUTES = Set.of(
            "salience", PHASE_ATTRIBUTE, "activation-group", "no-loop", "lock-on-active", "dialect");
    private static final Set<String> PACKAGE_ATTRIBUTES = Set.of(PHASE_ATTRIBUTE, "no-loop", "dialect");
    /** Words that open a door the allow-list keeps shut, wherever they appear outside literals and comments. */
    private static final Set<String> FORBIDDEN_WORDS = Set.of(
            "class", "for", "while", "do", "try", "catch", "finally", "throw", "throws", "synchronized", "switch",
            "case", "goto", "assert", "instanceof", "interface", "enum", "extends", "implements", "static",
            "volatile", "transient", "native", "strictfp", "super", "yield", "record", "var", "modify", "update",
            "delete", "retract", "drools", "kcontext", "global", "declare", "query", "matches", "soundslike",
            "timer", "calendars", "enabled", "duration", "window", "entry", "unit");
    private static final Set<String> FORBIDDEN_PUNCTUATION = Set.of(
            "->", "::", "@", "#", "[", "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", ">>>=", "++", "--");

    private RulePolicy() {
    }

    /**
     * Returns every violation. {@code locate} turns a line of {@code drl} and a message into an error
     * with the right place (a file line, or a decision-table row).
     */
    public static List<BuildError> check(String drl, BiFunction<Integer, String, BuildError> locate) {
        return inspect(drl, locate).errors();
    }

    /**
     * What the check found, the package and rule names the file declares (for reports by file), and the
     * ranks its options name (checked against the rank table once the reference tables are read).
     */
    public record Checked(List<BuildError> errors, String packageName, List<String> ruleNames, List<RankUse> ranks) {
    }

    /** A rank an {@code Option} names, with the error to report, at its place, if the rank table lacks it. */
    public record RankUse(String rank, BuildError ifUnknown) {
    }

    /** The argument of the {@code Option} constructor that names its rank (code, category, strength, rank, ...). */
    private static final int OPTION_RANK_ARGUMENT = 3;
    private static final int OPTION_ARGUMENTS = 6;

    /** A rule's phase: its own ruleflow-group attribute, else the file's; null when it names none. */
    private static String phaseOf(PackageDescr pkg, RuleDescr rule) {
        AttributeDescr own = rule.getAttributes().get(PHASE_ATTRIBUTE);
        if (own != null) {
            return unquote(own.getValue());
        }
        return pkg.getAttributes().stream().filter(a -> a.getName().equals(PHASE_ATTRIBUTE)).findFirst()
                .map(a -> unquote(a.getValue())).orElse(null);
    }

    private static String unquote(String v) {
        return v == null ? null : v.trim().replaceAll("^\"|\"$", "");
    }

    /** The check, keeping what the parser read so that nothing has to parse the file again. */
    public static Checked inspect(String drl, BiFunction<Integer, String, BuildError> locate) {
        List<BuildError> errors = new ArrayList<>();
        List<RankUse> ranks = new ArrayList<>();
        PackageDescr pkg = checkInto(drl, locate, errors, ranks);
        if (pkg == null) {
            return new Checked(errors, null, List.of(), List.of());
        }
        return new Checked(errors, pkg.getName(), pkg.getRules().stream().map(RuleDescr::getName).toList(), List.copyOf(ranks));
    }

    private static PackageDescr checkInto(String drl, BiFunction<Integer, String, BuildError> locate, List<BuildError> errors,
                                          List<RankUse> ranks) {
        Matcher u = UNICODE_ESCAPE.matcher(drl);
        if (u.find()) {
            errors.add(locate.apply(lineAt(drl, u.start()), "unicode escapes (\\u) are not allowed in rules, even in "
                    + "comments and strings (the Java compiler decodes them before reading the code): write the character itself"));
            return null;
        }
        if (drl.contains("\"\"\"")) {
            errors.add(locate.apply(lineAt(drl, drl.indexOf("\"\"\"")), "text blocks (\"\"\") are not allowed in rules"));
            return null;
        }
        List<Token> tokens;
        try {
            tokens = Token.lex(drl);
        } catch (Token.UnterminatedLiteral e) {
            // Code that hides behind an unterminated literal cannot be checked, so it is not accepted.
            errors.add(locate.apply(e.line, "unterminated string, character literal or comment"));
            return null;
        }
        PackageDescr pkg;
        DrlParser parser = new DrlParser();
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            errors.add(locate.apply(null, "cannot parse rule file: " + oneLine(e.getMessage())));
            return null;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError e : parser.getErrors()) {
                int[] lines = e.getLines();
                errors.add(locate.apply(lines != null && lines.length > 0 && lines[0] > 0 ? lines[0] : null,
                        "syntax error: " + oneLine(e.getMessage())));
            }
            if (errors.isEmpty()) {
                errors.add(locate.apply(null, "cannot parse rule file"));
            }
            return null;
        }
        Set<String> functions = new HashSet<>();
        pkg.getFunctions().forEach(f -> functions.add(f.getName()));
        checkTokens(tokens, functions, errors, locate);
        checkStructure(pkg, functions, errors, ranks, locate);
        return pkg;
    }

    // ---- structure, from the Drools DRL parser ----

    private static void checkStructure(PackageDescr pkg, Set<String> functions, List<BuildError> errors, List<RankUse> ranks,
                                       BiFunction<Integer, String, BuildError> locate) {
        for (ImportDescr imp : pkg.getImports()) {
            if (!RuleVocabulary.importAllowed(imp.getTarget())) {
                errors.add(locate.apply(line(imp.getLine()), "import not allowed in rules: " + imp.getTarget()
                        + " (" + RuleVocabulary.describeImports() + ")"));
            }
        }
        pkg.getFunctionImports().forEach(f -> errors.add(locate.apply(line(f.getLine()),
                "function imports are not allowed in rules: " + f.getTarget())));
        pkg.getAccumulateImports().forEach(a -> errors.add(locate.apply(line(a.getLine()),
                "accumulate function imports are not allowed in rules: use the built-in accumulate functions")));
        pkg.getGlobals().forEach(g -> errors.add(locate.apply(line(g.getLine()),
                "globals are not allowed in rules: they are shared mutable state across evaluations")));
        pkg.getTypeDeclarations().forEach(t -> errors.add(locate.apply(line(t.getLine()),
                "declare is not allowed in rules: new fact types belong in the typed vocabulary (org.hccguidance.facts)")));
        pkg.getEnumDeclarations().forEach(t -> errors.add(locate.apply(line(t.getLine()),
                "declare enum is not allowed in rules: new fact types belong in the typed vocabulary")));
        pkg.getWindowDeclarations().forEach(t -> errors.add(locate.apply(line(t.getLine()), "declare window is not allowed in rules")));
        pkg.getEntryPointDeclarations().forEach(t -> errors.add(locate.apply(line(t.getLine()), "entry points are not allowed in rules")));
        for (AttributeDescr a : pkg.getAttributes()) {
            checkAttribute(a, PACKAGE_ATTRIBUTES, errors, locate);
        }
        for (FunctionDescr f : pkg.getFunctions()) {
            checkFunction(f, errors, ranks, locate);
        }
        for (RuleDescr rule : pkg.getRules()) {
            if (rule instanceof QueryDescr) {
                errors.add(locate.apply(line(rule.getLine()), "queries are not allowed in rules"));
                continue;
            }
            for (AttributeDescr a : rule.getAttributes().values()) {
                checkAttribute(a, RULE_ATTRIBUTES, errors, locate);
            }
            String phase = phaseOf(pkg, rule);
            if (!Phases.isPhase(phase)) {
                errors.add(locate.apply(line(rule.getLine()), "rule \"" + rule.getName() + "\" belongs to no phase"
                        + (phase == null ? "" : " ('" + phase + "' is not one)") + ": give the file a ruleflow-group, one of "
                        + Phases.ORDER));
            }
            checkConsequence(rule, "then", rule.getConsequence(), functions, errors, ranks, locate);
            for (Map.Entry<String, Object> named : rule.getNamedConsequences().entrySet()) {
                checkConsequence(rule, "then[" + named.getKey() + "]", named.getValue(), functions, errors, ranks, locate);
            }
        }
    }

    private static void checkAttribute(AttributeDescr a, Set<String> allowed, List<BuildError> errors,
                                       BiFunction<Integer, String, BuildError> locate) {
        String name = a.getName();
        String value = a.getValue() == null ? "" : a.getValue().trim();
        if (!allowed.contains(name)) {
            errors.add(locate.apply(line(a.getLine()), "rule attribute '" + name + "' is not allowed (allowed: "
                    + String.join(", ", allowed.stream().sorted().toList()) + ")"));
        } else if (name.equals("salience") && !value.matches("-?\\d{1,6}")) {
            errors.add(locate.apply(line(a.getLine()), "salience must be a whole number, not an expression: " + value));
        } else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
            errors.add(locate.apply(line(a.getLine()), "only the java dialect is allowed in rules, not " + value
                    + " (MVEL consequences escape the allow-list)"));
        }
    }

    private static void checkFunction(FunctionDescr f, List<BuildError> errors, List<RankUse> ranks,
                                      BiFunction<Integer, String, BuildError> locate) {
        // The parser counts lines from zero here.
        int base = f.getLine() + 1;
        checkTypeName(f.getReturnType(), base, "function " + f.getName() + " returns", errors, locate);
        for (String t : f.getParameterTypes()) {
            checkTypeName(t, base, "function " + f.getName() + " takes", errors, locate);
        }
        ParseResult<BlockStmt> parsed = javaParser().parseBlock("{" + f.getBody() + "}");
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            errors.add(locate.apply(base, "function " + f.getName() + " is not plain Java the policy can check"));
            return;
        }
        for (Statement s : parsed.getResult().get().getStatements()) {
            checkFunctionStatement(f.getName(), s, base, errors, ranks, locate);
        }
    }

    private static void checkFunctionStatement(String fn, Statement s, int base, List<BuildError> errors, List<RankUse> ranks,
                                               BiFunction<Integer, String, BuildError> locate) {
        if (s instanceof ReturnStmt r) {
            r.getExpression().ifPresent(e -> checkExpression(e, Set.of(), base, errors, ranks, locate));
        } else if (s instanceof IfStmt i) {
            checkExpression(i.getCondition(), Set.of(), base, errors, ranks, locate);
            checkFunctionStatement(fn, i.getThenStmt(), base, errors, ranks, locate);
            i.getElseStmt().ifPresent(e -> checkFunctionStatement(fn, e, base, errors, ranks, locate));
        } else if (s instanceof BlockStmt b) {
            b.getStatements().forEach(inner -> checkFunctionStatement(fn, inner, base, errors, ranks, locate));
        } else {
            errors.add(locate.apply(at(s, base), "function " + fn + " may hold only if/else and return statements, not: "
                    + oneLine(s.toString())));
        }
    }

    private static void checkConsequence(RuleDescr rule, String which, Object consequence, Set<String> functions,
                                         List<BuildError> errors, List<RankUse> ranks,
                                         BiFunction<Integer, String, BuildError> locate) {
        String code = consequence == null ? "" : consequence.toString();
        // The parser counts the consequence's line from zero; the parsed block starts on the line of 'then'.
        int base = rule.getConsequenceLine() >= 0 ? rule.getConsequenceLine() + 1 : Math.max(rule.getLine(), 1);
        ParseResult<BlockStmt> parsed = javaParser().parseBlock("{" + code + "\n}");
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            errors.add(locate.apply(base, "the consequence (" + which + ") of rule \"" + rule.getName()
                    + "\" is not plain Java the policy can check"));
            return;
        }
        for (Statement s : parsed.getResult().get().getStatements()) {
            if (s instanceof ExpressionStmt es && es.getExpression() instanceof MethodCallExpr call
                    && call.getScope().isEmpty()
                    && (call.getNameAsString().equals("insert") || call.getNameAsString().equals("insertLogical"))
                    && call.getArguments().size() == 1
                    && call.getArgument(0) instanceof ObjectCreationExpr created) {
                checkExpression(created, functions, base, errors, ranks, locate);
            } else {
                errors.add(locate.apply(at(s, base), "rule \"" + rule.getName() + "\": a consequence may only insert "
                        + "or insertLogical a new vocabulary fact (no other statements, no if, no local variables): "
                        + oneLine(s.toString())));
            }
        }
    }

    /** Expressions: literals, names, allowed calls and member reads, vocabulary constructors, operators. */
    private static void checkExpression(Expression root, Set<String> callableFunctions, int base, List<BuildError> errors,
                                        List<RankUse> ranks, BiFunction<Integer, String, BuildError> locate) {
        root.walk(Node.TreeTraversal.PREORDER, node -> {
            if (!(node instanceof Expression e)) {
                if (node instanceof SimpleName || node instanceof ClassOrInterfaceType || node instanceof PrimitiveType
                        || node instanceof com.github.javaparser.ast.expr.Name) {
                    return;
                }
                errors.add(locate.apply(at(node, base), "not allowed in rule code: " + oneLine(node.toString())));
                return;
            }
            String problem = null;
            if (e instanceof StringLiteralExpr || e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr
                    || e instanceof DoubleLiteralExpr || e instanceof BooleanLiteralExpr || e instanceof NullLiteralExpr
                    || e instanceof CharLiteralExpr || e instanceof BinaryExpr || e instanceof ConditionalExpr
                    || e instanceof EnclosedExpr) {
                return;
            } else if (e instanceof NameExpr n) {
                if (FORBIDDEN_WORDS.contains(n.getNameAsString())) {
                    problem = "'" + n.getNameAsString() + "' is not allowed in rule code";
                }
            } else if (e instanceof UnaryExpr un) {
                if (un.getOperator().isPrefix() && un.getOperator() != UnaryExpr.Operator.PREFIX_INCREMENT
                        && un.getOperator() != UnaryExpr.Operator.PREFIX_DECREMENT) {
                    return;
                }
                problem = "increments and decrements are not allowed in rule code";
            } else if (e instanceof CastExpr c) {
                problem = typeProblem(c.getType());
            } else if (e instanceof FieldAccessExpr f) {
                if (!RuleVocabulary.isMember(f.getNameAsString())) {
                    problem = "'" + f.getNameAsString() + "' is not a vocabulary member";
                }
            } else if (e instanceof MethodCallExpr m) {
                String name = m.getNameAsString();
                if (m.getScope().isEmpty()) {
                    if (!callableFunctions.contains(name)) {
                        problem = "call to '" + name + "' is not allowed here (functions may call no function; "
                                + "rules may call only functions of their own file)";
                    }
                } else if (!RuleVocabulary.isMember(name)) {
                    problem = "method '" + name + "' is not on the rule allow-list";
                }
                if (problem == null && m.getTypeArguments().isPresent()) {
                    problem = "type arguments are not allowed in rule code";
                }
            } else if (e instanceof ObjectCreationExpr o) {
                if (o.getAnonymousClassBody().isPresent()) {
                    problem = "anonymous classes are not allowed in rule code";
                } else if (o.getScope().isPresent() || !RuleVocabulary.isConstructible(o.getType().getNameAsString())
                        || o.getType().getScope().isPresent()) {
                    problem = "rules may create only vocabulary facts, not " + o.getType();
                } else if (o.getType().getNameAsString().equals(RuleVocabulary.OPTION)) {
                    problem = optionRank(o, base, ranks, locate);
                }
            } else {
                problem = e.getClass().getSimpleName().replace("Expr", " expressions").toLowerCase() + " are not allowed in rule code";
            }
            if (problem != null) {
                errors.add(locate.apply(at(e, base), problem + ": " + oneLine(e.toString())));
            }
        });
    }

    /**
     * An option's place in the list is a named rank of the rank table, written as a string literal, so
     * that the rule reads as what it means and the compiler can check the name against the table.
     */
    private static String optionRank(ObjectCreationExpr o, int base, List<RankUse> ranks,
                                     BiFunction<Integer, String, BuildError> locate) {
        if (o.getArguments().size() != OPTION_ARGUMENTS) {
            return "an Option takes code, category, strength, rank, title and rationale";
        }
        if (!(o.getArgument(OPTION_RANK_ARGUMENT) instanceof StringLiteralExpr rank)) {
            return "an Option's rank must be the name of a row of catalogue/ranks.csv, written as a string literal";
        }
        ranks.add(new RankUse(rank.getValue(), locate.apply(at(o, base), "rank \"" + rank.getValue()
                + "\" is not in the rank table (catalogue/ranks.csv)")));
        return null;
    }

    private static String typeProblem(Type t) {
        if (t instanceof PrimitiveType) {
            return null;
        }
        if (t instanceof ClassOrInterfaceType c && c.getScope().isEmpty() && c.getTypeArguments().isEmpty()
                && RuleVocabulary.isType(c.getNameAsString())) {
            return null;
        }
        return "type " + t + " is not in the rule vocabulary";
    }

    private static void checkTypeName(String type, int line, String what, List<BuildError> errors,
                                      BiFunction<Integer, String, BuildError> locate) {
        String t = type == null ? "" : type.trim();
        if (!t.matches("int|long|double|boolean|void|char") && !RuleVocabulary.isType(t)) {
            errors.add(locate.apply(line, what + " type " + t + ", which is not in the rule vocabulary"));
        }
    }

    // ---- tokens, over the whole file ----

    private static void checkTokens(List<Token> tokens, Set<String> functions, List<BuildError> errors,
                                    BiFunction<Integer, String, BuildError> locate) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isWord("package") && i == 0 || t.isWord("import")) {
                i = skipQualifiedName(tokens, i + 1);
                continue;
            }
            if (t.kind() == Token.Kind.PUNCT && FORBIDDEN_PUNCTUATION.contains(t.text())) {
                errors.add(locate.apply(t.line(), "'" + t.text() + "' is not allowed in rules"));
                continue;
            }
            if (t.kind() != Token.Kind.WORD) {
                continue;
            }
            String w = t.text();
            Token prev = i > 0 ? tokens.get(i - 1) : null;
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            boolean member = prev != null && prev.isPunct(".");
            boolean call = next != null && next.isPunct("(");
            String problem = null;
            if (FORBIDDEN_WORDS.contains(w)) {
                problem = "'" + w + "' is not allowed in rules";
            } else if (w.equals("new")) {
                Token type = next;
                Token after = i + 2 < tokens.size() ? tokens.get(i + 2) : null;
                if (type == null || type.kind() != Token.Kind.WORD || !RuleVocabulary.isConstructible(type.text())
                        || after == null || !after.isPunct("(")) {
                    problem = "rules may create only vocabulary facts, not " + (type == null ? "?" : type.text());
                } else {
                    i++;
                }
            } else if (member) {
                if (!RuleVocabulary.isMember(w)) {
                    problem = "'" + w + "' is not a member of the rule vocabulary";
                }
            } else if (Character.isUpperCase(w.charAt(0))) {
                if (!RuleVocabulary.isType(w)) {
                    problem = "type '" + w + "' is not in the rule vocabulary";
                }
            } else if (call && !w.startsWith("$") && !w.equals("if") && !w.equals("return") && !RuleVocabulary.DRL_CALLS.contains(w) && !functions.contains(w)
                    && !RuleVocabulary.isMember(w)) {
                problem = "call to '" + w + "' is not on the rule allow-list";
            }
            if (problem != null) {
                errors.add(locate.apply(t.line(), problem));
            }
        }
    }

    /** Skips {@code a.b.C}, {@code a.b.*} and an optional semicolon; returns the index of the last token skipped. */
    private static int skipQualifiedName(List<Token> tokens, int from) {
        int i = from;
        if (i < tokens.size() && (tokens.get(i).isWord("static") || tokens.get(i).isWord("function")
                || tokens.get(i).isWord("accumulate"))) {
            i++;
        }
        boolean expectName = true;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (expectName && (t.kind() == Token.Kind.WORD || t.isPunct("*"))) {
                expectName = false;
            } else if (!expectName && t.isPunct(".")) {
                expectName = true;
            } else {
                break;
            }
            i++;
        }
        if (i < tokens.size() && tokens.get(i).isPunct(";")) {
            return i;
        }
        return i - 1;
    }

    private static JavaParser javaParser() {
        return new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    }

    private static Integer at(Node n, int base) {
        return n.getBegin().map(p -> base + p.line - 1).orElse(base);
    }

    private static Integer line(int line) {
        return line > 0 ? line : null;
    }

    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        return t.length() > 160 ? t.substring(0, 160) + "..." : t;
    }
}
