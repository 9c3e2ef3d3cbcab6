package org.hccguidance.impact;

import org.hccguidance.api.BadRequestException;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSetCompiler;
import org.hccguidance.ruleset.RuleSetRegistry;
import org.hccguidance.safety.GeneratedPatientCheck;
import org.hccguidance.scenario.ScenarioGateService;
import org.springframework.stereotype.Service;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Resolves the two rule sets and the cohort of an impact request, and runs the analysis. */
@Service
public class ImpactService {

    public static final String LIVE = "live";
    public static final String REFUSED = "refused";
    private static final Pattern VERSION = Pattern.compile("sha256:[0-9a-f]{64}");

    private final RuleSetRegistry registry;
    private final ScenarioGateService scenarios;
    private final RuleSetCompiler compiler;
    private final ImpactAnalysis analysis;

    public ImpactService(RuleSetRegistry registry, ScenarioGateService scenarios, RuleSetCompiler compiler,
                         GuidanceEngine engine, Clock clock) {
        this.registry = registry;
        this.scenarios = scenarios;
        this.compiler = compiler;
        this.analysis = new ImpactAnalysis(engine, clock);
    }

    public ImpactReport compare(ImpactRequest request) {
        if (request == null || request.to() == null || request.to().isBlank()) {
            throw new BadRequestException("to", "name the rule set to compare to: live, refused, a sha256: version or a folder");
        }
        int generated = request.generated() == null ? 0 : request.generated();
        if (generated < 0 || generated > Cohorts.MAX_GENERATED) {
            throw new BadRequestException("generated", "must be between 0 and " + Cohorts.MAX_GENERATED);
        }
        String fromName = request.from() == null || request.from().isBlank() ? LIVE : request.from().trim();
        try (RuleSetRef from = resolve(fromName, "from"); RuleSetRef to = resolve(request.to().trim(), "to")) {
            List<CohortPatient> cohort = new ArrayList<>(Cohorts.of(scenarios.scenarios()));
            try {
                if (request.patientsDir() != null && !request.patientsDir().isBlank()) {
                    cohort.addAll(Cohorts.fromFolder(folder(request.patientsDir(), "patientsDir")));
                }
                long seed = request.seed() == null ? GeneratedPatientCheck.DEFAULT_SEED : request.seed();
                cohort.addAll(Cohorts.generated(from.ruleSet(), seed, generated));
            } catch (CohortException e) {
                throw new BadRequestException(e.field(), e.getMessage());
            }
            return analysis.compare(from.ruleSet(), from.label(), to.ruleSet(), to.label(), cohort);
        }
    }

    private RuleSetRef resolve(String name, String field) {
        // A comparison can outlast the delay after which the registry releases a replaced or evicted rule set,
        // so it compiles its own copy of a live or stored version from the same files (same content hash).
        if (LIVE.equals(name)) {
            return registry.active().map(rs -> new RuleSetRef(compiler.compile(rs.sources()), LIVE))
                    .orElseThrow(() -> new BadRequestException(field, "no valid rule set is live to compare with"));
        }
        if (REFUSED.equals(name)) {
            var sources = registry.lastRefusedSources().orElseThrow(() -> new BadRequestException(field,
                    "no refused candidate is pending (the last one was replaced, or none was refused since start)"));
            // A candidate with build errors throws here: its errors come back as the rule-set-refused problem.
            return new RuleSetRef(compiler.compile(sources), REFUSED);
        }
        if (VERSION.matcher(name).matches()) {
            return registry.storedSources(name).map(sources -> new RuleSetRef(compiler.compile(sources), name))
                    .orElseThrow(() -> new BadRequestException(field, "version " + name + " was never live here"));
        }
        if (name.startsWith("sha256:")) {
            throw new BadRequestException(field, "a version is sha256: followed by 64 lower-case hex digits");
        }
        return new RuleSetRef(registry.compileCandidate(folder(name, field)), name);
    }

    private static Path folder(String value, String field) {
        Path p;
        try {
            p = Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new BadRequestException(field, "not live, refused, a sha256: version or a valid folder path");
        }
        if (!Files.isDirectory(p)) {
            throw new BadRequestException(field, "not live, refused, a sha256: version or an existing folder: " + value);
        }
        return p;
    }
}
