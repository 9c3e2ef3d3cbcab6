package org.hccguidance.explain;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.hccguidance.engine.DecisionTableDrl;
import org.hccguidance.engine.RuleFile;
import org.hccguidance.engine.RuleRef;
import org.hccguidance.engine.RuleSet;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What explanations need to know about each rule of a rule set, read from the rule files it was compiled
 * from: where the rule is (file and line, or decision-table row), the comment above it that cites its
 * source, its phase, its parsed conditions, the functions of its file, and which codes its consequence
 * concludes about. Built once per rule set version.
 */
final class RuleCatalog {

    /** One rule, with everything needed to explain it. */
    record Entry(RuleRef ref, String phase, Integer line, Integer row, String citation, RuleDescr descr,
                 TypeResolver types, Map<String, FunctionDescr> functions, Map<String, Set<Class<?>>> codes) {

        /** Whether this rule concludes a fact of the given type about the code (an Option, say). */
        boolean concludes(String code, Class<?> type) {
            return codes.getOrDefault(code, Set.of()).contains(type);
        }

        String location() {
            if (row != null) {
                return ref.file() + " row " + row;
            }
            return line == null ? ref.file() : ref.file() + ":" + line;
        }
    }

    private final Map<String, Entry> byKey = new LinkedHashMap<>();
    private final Map<String, List<Entry>> byCode = new HashMap<>();

    private RuleCatalog() {
    }

    static RuleCatalog of(RuleSet ruleSet) {
        RuleCatalog catalog = new RuleCatalog();
        Map<String, RuleRef> refs = new HashMap<>();
        ruleSet.rules().forEach(r -> refs.put(key(r.packageName(), r.name()), r));
        for (RuleFile f : ruleSet.sources().files()) {
            if (f.isDrl()) {
                catalog.read(f.path(), f.text(), null, refs);
            } else if (f.isDecisionTable()) {
                try {
                    catalog.read(f.path(), null, DecisionTableDrl.compile(f), refs);
                } catch (RuntimeException e) {
                    // The rule set compiled from this very table; should it not read again, its rules are
                    // explained without their conditions rather than not at all.
                }
            }
        }
        return catalog;
    }

    private void read(String path, String drlText, DecisionTableDrl table, Map<String, RuleRef> refs) {
        String text = table != null ? table.drl() : drlText;
        PackageDescr pkg;
        DrlParser parser = new DrlParser();
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            return;
        }
        if (pkg == null || parser.hasErrors()) {
            return;
        }
        TypeResolver types = new TypeResolver(pkg);
        Map<String, FunctionDescr> functions = new HashMap<>();
        pkg.getFunctions().forEach(fn -> functions.put(fn.getName(), fn));
        String[] lines = text.split("\n", -1);
        for (RuleDescr rule : pkg.getRules()) {
            RuleRef ref = refs.get(key(pkg.getName(), rule.getName()));
            if (ref == null) {
                ref = new RuleRef(path, pkg.getName(), rule.getName());
            }
            int at = lineOf(lines, rule.getName());
            Integer row = table == null ? null : table.rowForRule(rule.getName());
            String citation = table != null ? (row == null ? "decision table" : "decision table row " + row)
                    : citationAbove(lines, at);
            Map<String, Set<Class<?>>> codes = new LinkedHashMap<>();
            String consequence = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
            for (ObjectCreationExpr created : createdFacts(consequence)) {
                Class<?> type = types.resolve(created.getType().getNameAsString());
                int index = codeComponent(type);
                if (index >= 0 && index < created.getArguments().size() && created.getArgument(index) instanceof StringLiteralExpr code) {
                    codes.computeIfAbsent(code.getValue(), k -> new java.util.HashSet<>()).add(type);
                }
            }
            Entry entry = new Entry(ref, phaseOf(pkg, rule), table == null && at >= 0 ? at + 1 : null, row, citation, rule,
                    types, functions, Map.copyOf(codes));
            byKey.put(key(ref.packageName(), ref.name()), entry);
            codes.keySet().forEach(c -> byCode.computeIfAbsent(c, k -> new ArrayList<>()).add(entry));
        }
    }

    /** Where a fact type keeps its code: the index of its String component named {@code code}, or -1. */
    private static int codeComponent(Class<?> type) {
        if (type == null || !type.isRecord()) {
            return -1;
        }
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals("code") && components[i].getType() == String.class) {
                return i;
            }
        }
        return -1;
    }

    /** The {@code new Fact(...)} expressions of a consequence (the rule policy allows no other statements). */
    private static List<ObjectCreationExpr> createdFacts(String consequence) {
        ParseResult<BlockStmt> parsed = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parseBlock("{" + consequence + "\n}");
        return parsed.getResult().map(b -> b.findAll(ObjectCreationExpr.class)).orElse(List.of());
    }

    private static int lineOf(String[] lines, String ruleName) {
        String header = "rule \"" + ruleName + "\"";
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().startsWith(header)) {
                return i;
            }
        }
        return -1;
    }

    /** The {@code //} comment lines directly above the rule header, joined: where the rule says its source is. */
    private static String citationAbove(String[] lines, int header) {
        List<String> comment = new ArrayList<>();
        for (int i = header - 1; i >= 0; i--) {
            String t = lines[i].trim();
            if (!t.startsWith("//")) {
                break;
            }
            comment.add(0, t.replaceFirst("^//+\\s?", "").trim());
        }
        return comment.isEmpty() ? null : String.join(" ", comment);
    }

    private static String phaseOf(PackageDescr pkg, RuleDescr rule) {
        AttributeDescr own = rule.getAttributes().get("ruleflow-group");
        String value = own != null ? own.getValue()
                : pkg.getAttributes().stream().filter(a -> a.getName().equals("ruleflow-group")).findFirst()
                        .map(AttributeDescr::getValue).orElse(null);
        return value == null ? null : value.trim().replaceAll("^\"|\"$", "");
    }

    private static String key(String pkg, String name) {
        return pkg + "/" + name;
    }

    Entry entry(RuleRef ref) {
        return ref == null ? null : byKey.get(key(ref.packageName(), ref.name()));
    }

    Entry entry(String packageName, String name) {
        return byKey.get(key(packageName, name));
    }

    Collection<Entry> entries() {
        return byKey.values();
    }

    /** Rules whose consequence concludes something about this code, in file order. */
    List<Entry> concluding(String code) {
        return byCode.getOrDefault(code, List.of());
    }

    /** Every code some rule concludes about (options, exclusions, limits, cautions, alerts). */
    Set<String> codes() {
        return byCode.keySet();
    }
}
