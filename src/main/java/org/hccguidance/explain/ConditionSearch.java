package org.hccguidance.explain;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a rule's conditions against a set of facts, the way the engine would have matched them,
 * and keeps the partial match that came closest when they fail: how many conditions held, which one
 * failed first, on which fact, and why, in the rule's own terms. Used for rules that did not fire (the
 * nearest miss) and to find the facts that satisfied an {@code exists}. Search is bounded: a rule set
 * that multiplied facts cannot make an explanation run away.
 */
final class ConditionSearch {

    /** Condition evaluations one explanation may spend on searching, across all its searches. */
    static final int DEFAULT_BUDGET = 50_000;

    /** Where a partial match stopped. {@code satisfied} counts conditions met before it. */
    record Miss(int satisfied, int constraintsHeld, String condition, String reason, Object fact) {
    }

    /** A complete match: the variables bound and the facts matched by its positive patterns. */
    record Solution(Map<String, Object> bindings, List<Object> objects) {
    }

    /** Thrown when the search budget is spent; the explanation then says so instead of guessing. */
    static final class BudgetSpent extends RuntimeException {
        BudgetSpent() {
            super("the search for the nearest match was stopped at its limit", null, false, false);
        }
    }

    private final Expressions expressions;
    private final TypeResolver types;
    private final List<Object> facts;
    private final Map<Class<?>, List<Object>> byType;
    private final int[] budget;
    private final List<String> notChecked = new ArrayList<>();
    private Miss best;

    /** {@code budget} is shared: one cell that every search of the same explanation draws from. */
    ConditionSearch(Expressions expressions, TypeResolver types, List<Object> facts, int[] budget) {
        this(expressions, types, facts, new IdentityHashMap<>(), budget);
    }

    private ConditionSearch(Expressions expressions, TypeResolver types, List<Object> facts,
                            Map<Class<?>, List<Object>> byType, int[] budget) {
        this.expressions = expressions;
        this.types = types;
        this.facts = facts;
        this.byType = byType;
        this.budget = budget;
    }

    private ConditionSearch child() {
        return new ConditionSearch(expressions, types, facts, byType, budget);
    }

    Miss best() {
        return best;
    }

    List<String> notChecked() {
        return notChecked;
    }

    Solution solve(List<? extends BaseDescr> elements, Map<String, Object> bindings) {
        return solve(new ArrayList<>(elements), 0, bindings, List.of(), 0);
    }

    private Solution solve(List<BaseDescr> els, int i, Map<String, Object> b, List<Object> objs, int satisfied) {
        if (--budget[0] < 0) {
            throw new BudgetSpent();
        }
        if (i == els.size()) {
            return new Solution(b, objs);
        }
        BaseDescr e = els.get(i);
        if (e instanceof AndDescr and) {
            List<BaseDescr> flat = new ArrayList<>(and.getDescrs());
            flat.addAll(els.subList(i + 1, els.size()));
            return solve(flat, 0, b, objs, satisfied);
        }
        if (e instanceof PatternDescr p && p.getSource() == null) {
            Class<?> type = types.resolve(p.getObjectType());
            List<Object> candidates = factsOf(type);
            if (candidates.isEmpty()) {
                miss(new Miss(satisfied, -1, text(p), "there is no " + p.getObjectType() + " fact", null));
                return null;
            }
            for (Object candidate : candidates) {
                if (--budget[0] < 0) {
                    throw new BudgetSpent();
                }
                Tried t = tryPattern(p, candidate, b);
                if (t.reason != null) {
                    miss(new Miss(satisfied, t.held, text(p), t.reason, candidate));
                    continue;
                }
                List<Object> more = new ArrayList<>(objs);
                more.add(candidate);
                Solution s = solve(els, i + 1, t.bindings, more, satisfied + 1);
                if (s != null) {
                    return s;
                }
            }
            return null;
        }
        if (e instanceof NotDescr not) {
            Solution witness = child().solve(not.getDescrs(), b);
            if (witness == null) {
                return solve(els, i + 1, b, objs, satisfied + 1);
            }
            miss(new Miss(satisfied, Integer.MAX_VALUE, text(e), "there is " + describeAll(witness.objects()),
                    witness.objects().isEmpty() ? null : witness.objects().get(0)));
            return null;
        }
        if (e instanceof ExistsDescr exists) {
            ConditionSearch inner = child();
            if (inner.solve(exists.getDescrs(), b) != null) {
                return solve(els, i + 1, b, objs, satisfied + 1);
            }
            Miss m = inner.best();
            miss(new Miss(satisfied, m == null ? -1 : m.satisfied(), text(e),
                    m == null ? "nothing matches" : "none matches: " + m.condition() + ": " + m.reason(), m == null ? null : m.fact()));
            return null;
        }
        if (e instanceof OrDescr or) {
            for (BaseDescr branch : or.getDescrs()) {
                List<BaseDescr> flat = new ArrayList<>();
                flat.add(branch);
                flat.addAll(els.subList(i + 1, els.size()));
                Solution s = solve(flat, 0, b, objs, satisfied);
                if (s != null) {
                    return s;
                }
            }
            return null;
        }
        if (e instanceof EvalDescr eval) {
            String code = String.valueOf(eval.getContent()).trim();
            Expressions.Truth truth = expressions.test(code, null, b);
            if (truth == Expressions.Truth.TRUE) {
                return solve(els, i + 1, b, objs, satisfied + 1);
            }
            miss(new Miss(satisfied, 0, "eval(" + code + ")", truth == Expressions.Truth.FALSE
                    ? expressions.whyFalse(code, null, b) : "could not be checked", null));
            return null;
        }
        // from, accumulate, forall: not re-checked here; the search goes on as if it held, and says so.
        notChecked.add(text(e));
        return solve(els, i + 1, b, objs, satisfied + 1);
    }

    private record Tried(Map<String, Object> bindings, int held, String reason) {
    }

    private Tried tryPattern(PatternDescr p, Object fact, Map<String, Object> b) {
        Map<String, Object> nb = new HashMap<>(b);
        if (p.getIdentifier() != null) {
            nb.put(p.getIdentifier(), fact);
        }
        int held = 0;
        for (BaseDescr d : p.getDescrs()) {
            if (!(d instanceof ExprConstraintDescr c)) {
                continue;
            }
            Expressions.Constraint k = Expressions.Constraint.parse(c.getExpression());
            if (k.test() != null) {
                Expressions.Truth truth = expressions.test(k.test(), fact, nb);
                if (truth != Expressions.Truth.TRUE) {
                    String why = truth == Expressions.Truth.FALSE ? expressions.whyFalse(k.test(), fact, nb)
                            : "could not be checked";
                    return new Tried(nb, held, k.test() + ": " + why);
                }
            }
            if (k.variable() != null) {
                nb.put(k.variable(), expressions.safeValue(k.boundPath(), fact, nb));
            }
            held++;
        }
        return new Tried(nb, held, null);
    }

    private void miss(Miss m) {
        if (best == null || m.satisfied() > best.satisfied()
                || m.satisfied() == best.satisfied() && m.constraintsHeld() > best.constraintsHeld()) {
            best = m;
        }
    }

    private List<Object> factsOf(Class<?> type) {
        if (type == null) {
            return List.of();
        }
        return byType.computeIfAbsent(type, t -> facts.stream().filter(t::isInstance).toList());
    }

    private static String describeAll(List<Object> objects) {
        return objects.isEmpty() ? "a match" : String.join(" and ", objects.stream().map(Expressions::describe).toList());
    }

    /** A condition as the rule author wrote it, near enough: {@code $t : PriorTherapy(regimen == $r)}. */
    static String text(BaseDescr e) {
        if (e instanceof PatternDescr p) {
            List<String> parts = new ArrayList<>();
            for (BaseDescr d : p.getDescrs()) {
                if (d instanceof ExprConstraintDescr c) {
                    parts.add(c.getExpression().trim());
                }
            }
            String source = p.getSource() == null ? "" : " " + p.getSource().getText();
            return (p.getIdentifier() == null ? "" : p.getIdentifier() + " : ") + p.getObjectType()
                    + "(" + String.join(", ", parts) + ")" + source;
        }
        if (e instanceof NotDescr n) {
            return "not " + inner(n.getDescrs());
        }
        if (e instanceof ExistsDescr x) {
            return "exists " + inner(x.getDescrs());
        }
        if (e instanceof AndDescr a) {
            return String.join(" and ", a.getDescrs().stream().map(ConditionSearch::text).toList());
        }
        if (e instanceof OrDescr o) {
            return String.join(" or ", o.getDescrs().stream().map(d -> "(" + text(d) + ")").toList());
        }
        if (e instanceof EvalDescr ev) {
            return "eval(" + String.valueOf(ev.getContent()).trim() + ")";
        }
        return e.getText() == null ? e.getClass().getSimpleName() : e.getText().trim();
    }

    private static String inner(List<? extends BaseDescr> descrs) {
        if (descrs.size() == 1 && descrs.get(0) instanceof PatternDescr) {
            return text(descrs.get(0));
        }
        List<String> parts = descrs.stream().map(ConditionSearch::text).toList();
        return "(" + String.join(" and ", parts) + ")";
    }
}
