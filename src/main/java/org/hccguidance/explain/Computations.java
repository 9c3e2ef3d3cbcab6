package org.hccguidance.explain;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.visitor.ModifierVisitor;
import com.github.javaparser.ast.visitor.Visitable;
import org.drools.drl.ast.descr.FunctionDescr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the functions of a rule file computed in one firing's consequence, term by term: a score that is
 * a sum ({@code return a + b + c;}) is shown with the value of each term and the field it came from,
 * so "Child-Pugh 5" reads as the points each component gave. Functions are the rule file's own
 * ({@code if}/{@code return} over allowed expressions, by the rule policy), evaluated with the values
 * the firing bound.
 */
final class Computations {

    /** One function call: its arguments with their values, its result, and the terms of its sum. */
    record Computation(String call, String value, List<String> terms) {
    }

    private static final int MAX_DEPTH = 8;

    private final Map<String, FunctionDescr> functions;
    private final Expressions expressions;
    private final Map<String, String> boundFields;

    Computations(Map<String, FunctionDescr> functions, Expressions expressions, Map<String, String> boundFields) {
        this.functions = functions;
        this.expressions = expressions;
        this.boundFields = boundFields;
    }

    List<Computation> of(String consequence, Map<String, Object> declarations) {
        if (functions.isEmpty() || consequence == null) {
            return List.of();
        }
        Optional<BlockStmt> block = parseBlock("{" + consequence + "\n}");
        if (block.isEmpty()) {
            return List.of();
        }
        Map<String, Computation> out = new LinkedHashMap<>();
        List<MethodCallExpr> calls = new ArrayList<>();
        collect(block.get(), calls);
        for (MethodCallExpr call : calls) {
            String key = call.toString();
            if (out.containsKey(key)) {
                continue;
            }
            try {
                out.put(key, compute(call, declarations));
            } catch (RuntimeException | LinkageError e) {
                // A computation that cannot be repeated here is left out, not shown wrong.
            }
        }
        return List.copyOf(out.values());
    }

    /** File-function calls, innermost first, so that a score is shown before the class derived from it. */
    private void collect(Node node, List<MethodCallExpr> calls) {
        for (Node child : node.getChildNodes()) {
            collect(child, calls);
        }
        if (node instanceof MethodCallExpr m && m.getScope().isEmpty() && functions.containsKey(m.getNameAsString())) {
            calls.add(m);
        }
    }

    private Computation compute(MethodCallExpr call, Map<String, Object> vars) {
        FunctionDescr fn = functions.get(call.getNameAsString());
        List<Object> args = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (Expression a : call.getArguments()) {
            Object v = eval(a, vars, 0);
            args.add(v);
            shown.add(label(a) + " " + round(v));
        }
        Object result = invoke(fn, args, 0);
        List<String> terms = new ArrayList<>();
        Map<String, Object> params = params(fn, args);
        Optional<Expression> sum = singleReturn(fn);
        if (sum.isPresent()) {
            List<Expression> parts = new ArrayList<>();
            List<Boolean> negative = new ArrayList<>();
            flatten(sum.get(), false, parts, negative);
            if (parts.size() > 1) {
                for (int i = 0; i < parts.size(); i++) {
                    Expression term = parts.get(i);
                    Object v = eval(term, params, 0);
                    List<String> from = new ArrayList<>();
                    for (NameExpr n : names(term)) {
                        int index = fn.getParameterNames().indexOf(n.getNameAsString());
                        if (index >= 0) {
                            String l = label(call.getArgument(index)) + " " + round(args.get(index));
                            if (!from.contains(l)) {
                                from.add(l);
                            }
                        }
                    }
                    String value = (negative.get(i) ? "-" : "") + round(v);
                    terms.add((from.isEmpty() ? term.toString() : String.join(", ", from)) + " -> " + value);
                }
            }
        }
        return new Computation(call.getNameAsString() + "(" + String.join(", ", shown) + ")", round(result), List.copyOf(terms));
    }

    private static List<NameExpr> names(Expression e) {
        List<NameExpr> out = new ArrayList<>(e.findAll(NameExpr.class));
        if (e instanceof NameExpr n && !out.contains(n)) {
            out.add(0, n);
        }
        return out;
    }

    private String label(Expression arg) {
        if (arg instanceof NameExpr n) {
            return boundFields.getOrDefault(n.getNameAsString(), n.getNameAsString());
        }
        if (arg instanceof MethodCallExpr m && m.getScope().isEmpty()) {
            return m.getNameAsString() + "(...)";
        }
        return arg.toString();
    }

    private static void flatten(Expression e, boolean negative, List<Expression> parts, List<Boolean> signs) {
        Expression x = e;
        while (x instanceof EnclosedExpr en) {
            x = en.getInner();
        }
        if (x instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.PLUS || b.getOperator() == BinaryExpr.Operator.MINUS)) {
            flatten(b.getLeft(), negative, parts, signs);
            flatten(b.getRight(), b.getOperator() == BinaryExpr.Operator.MINUS != negative, parts, signs);
            return;
        }
        parts.add(x);
        signs.add(negative);
    }

    private Optional<Expression> singleReturn(FunctionDescr fn) {
        Optional<BlockStmt> body = parseBlock("{" + fn.getBody() + "}");
        if (body.isEmpty() || body.get().getStatements().size() != 1
                || !(body.get().getStatement(0) instanceof ReturnStmt r) || r.getExpression().isEmpty()) {
            return Optional.empty();
        }
        return r.getExpression();
    }

    private static Map<String, Object> params(FunctionDescr fn, List<Object> args) {
        Map<String, Object> params = new HashMap<>();
        List<String> names = fn.getParameterNames();
        for (int i = 0; i < names.size() && i < args.size(); i++) {
            params.put(names.get(i), args.get(i));
        }
        return params;
    }

    private Object invoke(FunctionDescr fn, List<Object> args, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("functions nest too deep");
        }
        BlockStmt body = parseBlock("{" + fn.getBody() + "}").orElseThrow();
        Returned r = run(body, params(fn, args), depth);
        return r == null ? null : r.value();
    }

    private record Returned(Object value) {
    }

    /** Rule functions hold only if/else and return (the rule policy's rule), so this is their whole language. */
    private Returned run(Statement s, Map<String, Object> vars, int depth) {
        if (s instanceof ReturnStmt r) {
            return new Returned(r.getExpression().map(e -> eval(e, vars, depth)).orElse(null));
        }
        if (s instanceof IfStmt i) {
            if (Boolean.TRUE.equals(eval(i.getCondition(), vars, depth))) {
                return run(i.getThenStmt(), vars, depth);
            }
            return i.getElseStmt().map(e -> run(e, vars, depth)).orElse(null);
        }
        if (s instanceof BlockStmt b) {
            for (Statement inner : b.getStatements()) {
                Returned r = run(inner, vars, depth);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }
        throw new IllegalStateException("not a function statement");
    }

    private Object eval(Expression e, Map<String, Object> vars, int depth) {
        if (e instanceof MethodCallExpr m && m.getScope().isEmpty() && functions.containsKey(m.getNameAsString())) {
            List<Object> args = new ArrayList<>();
            m.getArguments().forEach(a -> args.add(eval(a, vars, depth)));
            return invoke(functions.get(m.getNameAsString()), args, depth + 1);
        }
        Map<String, Object> slots = new HashMap<>();
        Expression copy = (Expression) e.clone().accept(new ModifierVisitor<Void>() {
            @Override
            public Visitable visit(MethodCallExpr c, Void arg) {
                if (c.getScope().isEmpty() && functions.containsKey(c.getNameAsString())) {
                    String slot = "__c" + slots.size();
                    slots.put(slot, eval(c, vars, depth + 1));
                    return new NameExpr(slot);
                }
                return super.visit(c, arg);
            }

            @Override
            public Visitable visit(NameExpr n, Void arg) {
                if (vars.containsKey(n.getNameAsString())) {
                    // Renamed, so that a parameter called like an MVEL keyword ("as") still reads as a variable.
                    String slot = "__v" + slots.size();
                    slots.put(slot, vars.get(n.getNameAsString()));
                    return new NameExpr(slot);
                }
                return super.visit(n, arg);
            }
        }, null);
        return expressions.value(copy.toString(), null, slots);
    }

    private static String round(Object v) {
        if (v instanceof Double d && !d.isNaN() && !d.isInfinite() && d != Math.rint(d)) {
            return Expressions.show(Math.round(d * 100.0) / 100.0);
        }
        return Expressions.show(v);
    }

    private static Optional<BlockStmt> parseBlock(String code) {
        ParseResult<BlockStmt> parsed = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parseBlock(code);
        return parsed.isSuccessful() ? parsed.getResult() : Optional.empty();
    }
}
