package org.hccguidance.explain;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.hccguidance.engine.Evaluation;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.explain.Explanation.Condition;
import org.hccguidance.explain.Explanation.DerivedValue;
import org.hccguidance.explain.Explanation.NearMiss;
import org.hccguidance.explain.Explanation.RuleCitation;
import org.hccguidance.explain.Explanation.Status;
import org.hccguidance.explain.Explanation.Step;
import org.hccguidance.explain.FiringRecorder.Firing;
import org.hccguidance.facts.Albi;
import org.hccguidance.facts.Bclc;
import org.hccguidance.facts.ChildPugh;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PatientFacts;
import org.hccguidance.guidance.Exclusion;
import org.hccguidance.guidance.GuidanceAssembler;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.NotRecommended;
import org.hccguidance.guidance.Option;
import org.hccguidance.guidance.GuidanceService;
import org.hccguidance.guidance.PatientCheck;
import org.hccguidance.guidance.Recommendation;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Explains one option code for one patient. The patient is evaluated once more with a recorder
 * listening to the engine (which rule fired, on which facts, with which bound values, inserting what);
 * the explanation is read from that record and from the rule files' parsed conditions, never from
 * consequence code. Rules that would have concluded about the code but did not fire are checked
 * condition by condition against the facts their phase saw, to name the condition that failed.
 */
public final class Explainer {

    /** Steps beyond this many are left out; a chain this long is a rule-set problem in itself. */
    private static final int MAX_STEPS = 200;
    private static final int MAX_NEAR_MISSES = 5;
    private static final int CATALOGS_KEPT = 4;

    private final GuidanceEngine engine;
    private final Clock clock;
    private final Map<String, RuleCatalog> catalogs = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleCatalog> eldest) {
            return size() > CATALOGS_KEPT;
        }
    });

    public Explainer(GuidanceEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** The codes a rule set knows: its regimen catalogue and every code some rule concludes about. */
    public Set<String> knownCodes(RuleSet ruleSet) {
        Set<String> codes = new TreeSet<>(ruleSet.knownRegimens());
        codes.addAll(catalog(ruleSet).codes());
        return codes;
    }

    /**
     * The code as the rule set spells it (codes are matched regardless of case), or
     * {@link UnknownCodeException} with the nearest known codes.
     */
    public String resolveCode(RuleSet ruleSet, String code) {
        Set<String> known = knownCodes(ruleSet);
        String wanted = code == null ? "" : code.trim();
        for (String k : known) {
            if (k.equalsIgnoreCase(wanted)) {
                return k;
            }
        }
        throw new UnknownCodeException(wanted, nearest(wanted, known));
    }

    public Explanation explain(RuleSet ruleSet, PatientCase patient, String requestedCode) {
        String code = resolveCode(ruleSet, requestedCode);
        PatientCheck.requireKnownCodes(patient, ruleSet);
        RuleCatalog catalog = catalog(ruleSet);
        FiringRecorder recorder = new FiringRecorder(ruleSet);
        Evaluation evaluation = engine.evaluate(ruleSet, GuidanceService.facts(patient, java.time.Instant.now()), recorder.observer());
        GuidanceResponse guidance = GuidanceAssembler.assemble(evaluation, null, clock.instant());
        Run run = new Run(ruleSet, catalog, recorder);

        List<Firing> concluding = new ArrayList<>();
        for (Firing f : recorder.firings()) {
            // A grade row describes an option in the pathway whether or not it is offered: it concludes nothing about it.
            if (f.inserted().stream().anyMatch(o -> !(o instanceof org.hccguidance.guidance.Grade)
                    && code.equals(codeOf(o)) && !recorder.wasWithdrawn(o))) {
                concluding.add(f);
            }
        }
        Status status;
        String summary;
        Recommendation rec = guidance.recommendations().stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
        NotRecommended not = guidance.notRecommended().stream().filter(n -> n.code().equals(code)).findFirst().orElse(null);
        if (rec != null) {
            status = Status.RECOMMENDED;
            summary = "recommended, rank " + rec.rank() + " of " + guidance.recommendations().size() + ", " + rec.strength()
                    + ": " + rec.title();
        } else if (not != null) {
            status = Status.NOT_RECOMMENDED;
            summary = "not recommended: " + not.reason();
        } else if (!concluding.isEmpty()) {
            status = Status.CONCLUDED;
            summary = "concluded by the rules below; it is not an option";
        } else {
            status = Status.ABSENT;
            summary = "not offered: no rule concluded anything about " + code + " for this patient";
        }
        // The deciding conclusions first: the exclusions of an option ruled out, the proposals of one recommended.
        Class<?> first = status == Status.NOT_RECOMMENDED ? Exclusion.class : Option.class;
        concluding.sort(Comparator.comparing((Firing f) -> f.inserted().stream().noneMatch(o -> first.isInstance(o) && code.equals(codeOf(o))))
                .thenComparing(f -> run.citation(f).location()).thenComparing(Firing::ruleName));
        List<Integer> conclusions = new ArrayList<>();
        for (Firing f : concluding) {
            conclusions.add(run.visit(f));
        }
        List<DerivedValue> derived = new ArrayList<>();
        for (Class<?> type : List.of(ChildPugh.class, Albi.class, Bclc.class)) {
            for (Object fact : evaluation.factsOf(type)) {
                Firing by = recorder.insertedBy(fact);
                if (by != null) {
                    derived.add(new DerivedValue(Expressions.describe(fact), run.visit(by)));
                }
            }
        }
        List<NearMiss> nearMisses = status == Status.RECOMMENDED ? List.of() : run.nearMisses(code);
        return new Explanation(code, status, summary, List.copyOf(conclusions), run.steps(), List.copyOf(derived),
                nearMisses, ruleSet.version());
    }

    private RuleCatalog catalog(RuleSet ruleSet) {
        synchronized (catalogs) {
            return catalogs.computeIfAbsent(ruleSet.version(), v -> RuleCatalog.of(ruleSet));
        }
    }

    /** The code of a vocabulary fact whose first component is its code (Option, Exclusion, Caution, Alert...). */
    static String codeOf(Object fact) {
        if (fact == null || !fact.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent c : fact.getClass().getRecordComponents()) {
            if (c.getName().equals("code") && c.getType() == String.class) {
                try {
                    return (String) c.getAccessor().invoke(fact);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }

    static List<String> nearest(String code, Set<String> known) {
        String upper = code.toUpperCase(Locale.ROOT);
        List<String> containing = known.stream().filter(k -> !upper.isEmpty() && (k.contains(upper) || upper.contains(k))).limit(3).toList();
        if (!containing.isEmpty()) {
            return containing;
        }
        int limit = Math.max(2, upper.length() / 3);
        return known.stream().map(k -> Map.entry(k, distance(upper, k))).filter(e -> e.getValue() <= limit)
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey))
                .limit(3).map(Map.Entry::getKey).toList();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The state of one explanation being built: steps numbered as they are first reached. */
    private static final class Run {

        private final RuleSet ruleSet;
        private final RuleCatalog catalog;
        private final FiringRecorder recorder;
        private final Map<Firing, Integer> ids = new IdentityHashMap<>();
        private final List<Step> steps = new ArrayList<>();
        private final Set<Object> reference = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<TypeResolver, Expressions> expressions = new IdentityHashMap<>();
        private final int[] budget = {ConditionSearch.DEFAULT_BUDGET};

        Run(RuleSet ruleSet, RuleCatalog catalog, FiringRecorder recorder) {
            this.ruleSet = ruleSet;
            this.catalog = catalog;
            this.recorder = recorder;
            reference.addAll(ruleSet.reference().sessionFacts());
        }

        List<Step> steps() {
            return steps.stream().filter(s -> s != null).toList();
        }

        RuleCitation citation(Firing f) {
            RuleCatalog.Entry e = catalog.entry(f.packageName(), f.ruleName());
            return e == null ? new RuleCitation(f.ruleName(), f.ref() == null ? "?" : f.ref().file(), null, null, null, null)
                    : citation(e);
        }

        static RuleCitation citation(RuleCatalog.Entry e) {
            return new RuleCitation(e.ref().name(), e.ref().file(), e.line(), e.row(), e.phase(), e.citation());
        }

        private Expressions expressions(TypeResolver types) {
            return expressions.computeIfAbsent(types, Expressions::new);
        }

        /** The step number of a firing, building its step (and the steps it rests on) the first time. */
        int visit(Firing f) {
            Integer known = ids.get(f);
            if (known != null) {
                return known;
            }
            int id = ids.size() + 1;
            ids.put(f, id);
            steps.add(null);
            if (id > MAX_STEPS) {
                return id;
            }
            RuleCatalog.Entry entry = catalog.entry(f.packageName(), f.ruleName());
            List<String> concluded = new ArrayList<>();
            for (Object o : f.inserted()) {
                concluded.add(Expressions.describe(o) + (recorder.wasWithdrawn(o) ? " (withdrawn later: its premises no longer held)" : ""));
            }
            Set<Integer> builtOn = new LinkedHashSet<>();
            List<Condition> conditions = entry == null ? List.of() : conditions(entry, f, builtOn);
            List<Explanation.Computation> computations = List.of();
            if (entry != null) {
                Expressions ex = expressions(entry.types());
                Computations c = new Computations(entry.functions(), ex, boundFields(entry.descr().getLhs()));
                computations = c.of(entry.descr().getConsequence() == null ? null : entry.descr().getConsequence().toString(),
                        f.declarations()).stream()
                        .map(x -> new Explanation.Computation(x.call(), x.value(), x.terms())).toList();
            }
            builtOn.remove(id);
            steps.set(id - 1, new Step(id, citation(f), List.copyOf(concluded), conditions, computations, List.copyOf(builtOn)));
            return id;
        }

        private List<Condition> conditions(RuleCatalog.Entry entry, Firing f, Set<Integer> builtOn) {
            Expressions ex = expressions(entry.types());
            List<Condition> out = new ArrayList<>();
            boolean[] used = new boolean[f.objects().size()];
            Map<String, Object> vars = f.declarations();
            for (BaseDescr e : flatten(entry.descr().getLhs())) {
                String text = ConditionSearch.text(e);
                if (e instanceof PatternDescr p && p.getSource() == null) {
                    Class<?> type = entry.types().resolve(p.getObjectType());
                    Object fact = null;
                    for (int i = 0; i < used.length && type != null; i++) {
                        if (!used[i] && type.isInstance(f.objects().get(i))) {
                            used[i] = true;
                            fact = f.objects().get(i);
                            break;
                        }
                    }
                    Map<String, String> values = new LinkedHashMap<>();
                    for (BaseDescr d : p.getDescrs()) {
                        if (d instanceof ExprConstraintDescr c) {
                            Expressions.Constraint k = Expressions.Constraint.parse(c.getExpression());
                            String read = k.test() != null ? k.test() : k.boundPath();
                            if (fact != null) {
                                values.putAll(ex.values(read, fact, vars));
                            }
                        }
                    }
                    Integer from = null;
                    String origin = null;
                    if (fact != null) {
                        Firing by = recorder.insertedBy(fact);
                        if (by != null) {
                            from = visit(by);
                            builtOn.add(from);
                            origin = "step " + from;
                        } else {
                            origin = reference.contains(fact) ? "reference data" : "patient data";
                        }
                    }
                    String matched = fact == null || origin.equals("patient data") ? null : Expressions.describe(fact);
                    out.add(new Condition(text, true, matched, origin, from, values, fact == null ? "matched" : null));
                } else if (e instanceof ExistsDescr || e instanceof OrDescr) {
                    List<? extends BaseDescr> inner = e instanceof ExistsDescr x ? x.getDescrs() : List.of(e);
                    ConditionSearch search = new ConditionSearch(ex, entry.types(), recorder.factsAtEndOf(entry.phase()), budget);
                    ConditionSearch.Solution witness;
                    try {
                        witness = search.solve(inner, vars);
                    } catch (ConditionSearch.BudgetSpent spent) {
                        witness = null;
                    }
                    List<String> matched = new ArrayList<>();
                    Integer from = null;
                    if (witness != null) {
                        for (Object o : witness.objects()) {
                            matched.add(Expressions.describe(o));
                            Firing by = recorder.insertedBy(o);
                            if (by != null) {
                                from = visit(by);
                                builtOn.add(from);
                            }
                        }
                    }
                    out.add(new Condition(text, true, matched.isEmpty() ? null : String.join(" and ", matched),
                            from == null ? null : "step " + from, from, variables(ex, text, vars), null));
                } else {
                    // not, eval: nothing to point at but the values they compared
                    out.add(new Condition(text, true, null, null, null, variables(ex, text, vars), null));
                }
            }
            return out;
        }

        private static Map<String, String> variables(Expressions ex, String text, Map<String, Object> vars) {
            Map<String, String> out = new LinkedHashMap<>();
            for (String p : Expressions.paths(text)) {
                if (p.startsWith("$") && vars.containsKey(p.split("[.(]")[0])) {
                    out.put(p, Expressions.show(ex.safeValue(p, null, vars)));
                }
            }
            return out;
        }

        /** Rules that conclude about the code and did not fire, each with the condition that stopped it; nearest first. */
        List<NearMiss> nearMisses(String code) {
            Set<String> fired = new TreeSet<>();
            recorder.firings().forEach(f -> fired.add(f.packageName() + "/" + f.ruleName()));
            List<NearMiss> out = new ArrayList<>();
            for (RuleCatalog.Entry entry : catalog.concluding(code)) {
                if (fired.contains(entry.ref().packageName() + "/" + entry.ref().name())) {
                    continue;
                }
                List<BaseDescr> lhs = flatten(entry.descr().getLhs());
                int total = count(lhs);
                Expressions ex = expressions(entry.types());
                ConditionSearch search = new ConditionSearch(ex, entry.types(), recorder.factsAtEndOf(entry.phase()), budget);
                try {
                    if (search.solve(lhs, new HashMap<>()) != null) {
                        out.add(new NearMiss(citation(entry), total, total, null,
                                "its conditions hold on the facts at the end of its phase, but it did not fire then", search.notChecked()));
                        continue;
                    }
                } catch (ConditionSearch.BudgetSpent spent) {
                    out.add(new NearMiss(citation(entry), 0, total, null, spent.getMessage(), List.of()));
                    continue;
                }
                ConditionSearch.Miss miss = search.best();
                out.add(new NearMiss(citation(entry), miss == null ? 0 : Math.min(miss.satisfied(), total), total,
                        miss == null ? null : miss.condition(), miss == null ? "no condition could be checked" : miss.reason(),
                        List.copyOf(search.notChecked())));
            }
            // Rules that would have offered the option come first: they answer "why was it not offered?".
            Map<String, Boolean> proposes = new HashMap<>();
            catalog.concluding(code).forEach(e -> proposes.put(e.ref().name(), e.concludes(code, Option.class)));
            out.sort(Comparator.comparing((NearMiss n) -> !proposes.getOrDefault(n.rule().name(), false))
                    .thenComparingDouble(n -> n.conditions() == 0 ? 0 : -(double) n.conditionsHeld() / n.conditions())
                    .thenComparing(n -> -n.conditionsHeld()).thenComparing(n -> n.rule().location()));
            return List.copyOf(out.subList(0, Math.min(MAX_NEAR_MISSES, out.size())));
        }

        private static List<BaseDescr> flatten(AndDescr lhs) {
            List<BaseDescr> out = new ArrayList<>();
            for (BaseDescr d : lhs.getDescrs()) {
                if (d instanceof AndDescr and) {
                    out.addAll(flatten(and));
                } else {
                    out.add(d);
                }
            }
            return out;
        }

        private static int count(List<BaseDescr> elements) {
            int n = 0;
            for (BaseDescr d : elements) {
                if (d instanceof OrDescr or) {
                    n += or.getDescrs().stream().mapToInt(b -> b instanceof AndDescr a ? count(flatten(a)) : 1).max().orElse(1);
                } else {
                    n++;
                }
            }
            return n;
        }

        /** Each variable bound to a field in the rule's conditions, with that field: "$b" to "bilirubinMgDl". */
        private static Map<String, String> boundFields(BaseDescr d) {
            Map<String, String> out = new HashMap<>();
            collectBindings(d, out);
            return out;
        }

        private static void collectBindings(BaseDescr d, Map<String, String> out) {
            if (d instanceof PatternDescr p) {
                for (BaseDescr c : p.getDescrs()) {
                    if (c instanceof ExprConstraintDescr e) {
                        Expressions.Constraint k = Expressions.Constraint.parse(e.getExpression());
                        if (k.variable() != null) {
                            out.put(k.variable(), k.boundPath());
                        }
                    }
                }
                if (p.getIdentifier() != null) {
                    out.put(p.getIdentifier(), p.getObjectType());
                }
            } else if (d instanceof org.drools.drl.ast.descr.ConditionalElementDescr ce) {
                // Bindings inside not/exists do not reach the consequence, but collecting them is harmless:
                // this map only labels function arguments with the field they were read from.
                for (Object inner : ce.getDescrs()) {
                    collectBindings((BaseDescr) inner, out);
                }
            }
        }
    }
}
