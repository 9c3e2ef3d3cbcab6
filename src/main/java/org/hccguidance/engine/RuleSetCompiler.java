package org.hccguidance.engine;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSessionsPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compiles a rule folder into a {@link RuleSet} at run time (DRL compilation, no executable model),
 * or refuses it with every error located to a file line or decision-table row. A refused candidate
 * leaves nothing behind in the KieRepository.
 */
public class RuleSetCompiler {

    private static final Logger log = LoggerFactory.getLogger(RuleSetCompiler.class);
    private static final String RESOURCE_ROOT = "src/main/resources/";
    /** Files are written under this folder so that a file's Drools package can match its folder. */
    private static final String RULES_ROOT = "rules/";
    /** Appended to a decision table's path for the DRL generated from it, and removed again in reports. */
    private static final String GENERATED_DRL = ".generated.drl";
    private static final AtomicLong BUILD_COUNTER = new AtomicLong();
    private static final int SESSION_POOL_SIZE = 4;

    private final KieServices ks = KieServices.Factory.get();
    private final Clock clock;

    public RuleSetCompiler(Clock clock) {
        this.clock = clock;
    }

    public RuleSetCompiler() {
        this(Clock.systemUTC());
    }

    /** Compiles, or throws {@link RuleSetRefusedException} listing every error. */
    public RuleSet compile(RuleSources sources) {
        String version = sources.version();
        List<BuildError> errors = new ArrayList<>();
        Map<String, DecisionTableDrl> tables = new HashMap<>();
        Map<String, String> fileOfRule = new HashMap<>();
        List<RulePolicy.RankUse> ranks = new ArrayList<>();
        if (sources.files().stream().noneMatch(f -> f.isDrl() || f.isDecisionTable())) {
            errors.add(BuildError.atLine(sources.label(), null, "the rule folder holds no .drl, .drl.csv or .drl.xlsx file"));
        }
        for (RuleFile f : sources.files()) {
            if (f.isDataTable()) {
                continue;   // read by ReferenceTables below
            } else if (!f.isDrl() && !f.isDecisionTable()) {
                errors.add(BuildError.atLine(f.path(), null, "decision tables must be named *.drl.csv, *.drl.xlsx or "
                        + "*.drl.xls; Drools would silently ignore this file"));
            } else if (f.isDecisionTable()) {
                try {
                    DecisionTableDrl table = DecisionTableDrl.compile(f);
                    tables.put(f.path(), table);
                    record(f.path(), RulePolicy.inspect(table.drl(), table::errorAt), errors, fileOfRule, ranks);
                } catch (RuntimeException e) {
                    errors.add(BuildError.atLine(f.path(), null, "cannot read decision table: " + rootMessage(e)));
                }
            } else {
                record(f.path(), RulePolicy.inspect(f.text(), (line, msg) -> BuildError.atLine(f.path(), line, msg)),
                        errors, fileOfRule, ranks);
            }
        }
        ReferenceData reference = ReferenceTables.read(sources.files(), errors);
        ranks.stream().filter(use -> !reference.hasRank(use.rank())).forEach(use -> errors.add(use.ifUnknown()));
        // Nothing from a candidate is compiled, let alone run, until every file has passed the policy.
        if (!errors.isEmpty()) {
            throw refused(version, errors);
        }

        ReleaseId releaseId = ks.newReleaseId("org.hccguidance.rules", "ruleset",
                "1.0.0-" + version.substring(7, 19) + "-" + BUILD_COUNTER.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (RuleFile f : sources.files()) {
            DecisionTableDrl table = tables.get(f.path());
            if (table != null) {
                // The table was already turned into DRL for the policy check; handing Drools that DRL
                // spares it reading the spreadsheet a second time.
                kfs.write(RESOURCE_ROOT + RULES_ROOT + f.path() + GENERATED_DRL, table.drl());
            } else if (f.isDrl()) {
                kfs.write(RESOURCE_ROOT + RULES_ROOT + f.path(), f.content());
            }
        }
        KieBuilder builder;
        try {
            // Without the executable-model compiler on the class path this builds plain DRL.
            builder = ks.newKieBuilder(kfs).buildAll();
        } catch (RuntimeException e) {
            ks.getRepository().removeKieModule(releaseId);
            throw refused(version, List.of(BuildError.atLine(sources.label(), null, "rule compiler failed: " + rootMessage(e))));
        }
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            errors.add(locate(m, tables));
        }
        if (!errors.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            throw refused(version, errors);
        }

        KieContainer container = ks.newKieContainer(releaseId);
        try {
            KieBase kieBase = container.getKieBase();
            Map<Rule, RuleRef> ruleIndex = index(kieBase, fileOfRule);
            List<RuleRef> rules = ruleIndex.values().stream()
                    .sorted(Comparator.comparing(RuleRef::file).thenComparing(RuleRef::name)).toList();
            // Sessions are pooled per snapshot: building a session's network memory is a large share of an
            // evaluation, and a pooled session is reset rather than rebuilt.
            KieSessionsPool pool = kieBase.newKieSessionsPool(SESSION_POOL_SIZE);
            return new RuleSet(version, sources.label(), sources, rules, reference, clock.instant(), kieBase, container,
                    releaseId, ruleIndex, pool);
        } catch (RuntimeException e) {
            release(container, releaseId);
            throw refused(version, List.of(BuildError.atLine(sources.label(), null, "rule set cannot start: " + rootMessage(e))));
        }
    }

    private static void record(String path, RulePolicy.Checked checked, List<BuildError> errors, Map<String, String> fileOfRule,
                               List<RulePolicy.RankUse> ranks) {
        errors.addAll(checked.errors());
        ranks.addAll(checked.ranks());
        checked.ruleNames().forEach(name -> fileOfRule.put(checked.packageName() + "/" + name, path));
    }

    private void release(KieContainer container, ReleaseId releaseId) {
        container.dispose();
        ks.getRepository().removeKieModule(releaseId);
    }

    private static Map<Rule, RuleRef> index(KieBase kieBase, Map<String, String> fileOfRule) {
        Map<Rule, RuleRef> rules = new java.util.IdentityHashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                String file = fileOfRule.getOrDefault(pkg.getName() + "/" + r.getName(), "?");
                rules.put(r, new RuleRef(file, pkg.getName(), r.getName()));
            }
        }
        return java.util.Collections.unmodifiableMap(rules);
    }

    private static BuildError locate(Message m, Map<String, DecisionTableDrl> tables) {
        String file = m.getPath() == null ? "?" : stripRoot(m.getPath());
        String text = m.getText() == null ? "" : m.getText().replaceAll("\\s+", " ").trim();
        DecisionTableDrl table = tables.get(file);
        if (table != null) {
            return table.errorAt(m.getLine(), text);
        }
        return BuildError.atLine(file, m.getLine() > 0 ? m.getLine() : null, text);
    }

    static String stripRoot(String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith(RESOURCE_ROOT)) {
            p = p.substring(RESOURCE_ROOT.length());
        }
        if (p.endsWith(GENERATED_DRL)) {
            String table = p.substring(0, p.length() - GENERATED_DRL.length());
            if (new RuleFile(table, new byte[0]).isDecisionTable()) {
                p = table;
            }
        }
        return p.startsWith(RULES_ROOT) ? p.substring(RULES_ROOT.length()) : p;
    }

    private static RuleSetRefusedException refused(String version, List<BuildError> errors) {
        List<BuildError> unique = new ArrayList<>(new LinkedHashSet<>(errors));
        RuleSetRefusedException e = new RuleSetRefusedException(version, unique);
        log.warn("{}", e.getMessage());
        return e;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return msg.replaceAll("\\s+", " ").trim();
    }
}
