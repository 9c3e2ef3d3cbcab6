package org.hccguidance.ruleset;

import io.micrometer.core.instrument.MeterRegistry;
import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSetCompiler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Wires the engine and the live rule set from {@code guidance.*} properties. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GuidanceProperties.class)
class RuleSetConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EvaluationLimits evaluationLimits(GuidanceProperties props) {
        return new EvaluationLimits(props.evaluation().maxFirings(), props.evaluation().timeBudget(),
                props.evaluation().maxFacts(), props.evaluation().maxMatches());
    }

    @Bean
    GuidanceEngine guidanceEngine(EvaluationLimits limits) {
        return new GuidanceEngine(limits);
    }

    @Bean
    RuleSetCompiler ruleSetCompiler(Clock clock) {
        return new RuleSetCompiler(clock);
    }

    @Bean(destroyMethod = "shutdown")
    RuleSetRegistry ruleSetRegistry(GuidanceProperties props, RuleSetCompiler compiler, EvaluationLimits limits,
                                    ObjectProvider<ScenarioGate> gate, ObjectProvider<MeterRegistry> meters,
                                    ObjectProvider<CandidateImpact> impact, Clock clock) {
        var folder = RuleSourceLocator.rulesFolder(props.rules().dir());
        RuleSetRegistry registry = new RuleSetRegistry(() -> RuleSourceLocator.read(folder), compiler,
                new RuleSetArchive(props.data().dir()), gate.getIfAvailable(), props.reload().requireScenarios(),
                limits, meters.getIfAvailable(), clock, props.reload().gateTimeout());
        impact.ifAvailable(registry::measureImpactWith);
        // Compiling the rules and running the scenario gate is most of start-up; it runs alongside the rest
        // of the context, and RuleSetStartupBarrier holds the web server back until it is done.
        registry.startInBackground();
        return registry;
    }

    /** Watches the rule folder when there is one (the embedded copy cannot change). */
    @Bean(destroyMethod = "close")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "guidance.reload.watch", havingValue = "true", matchIfMissing = true)
    RuleFolderWatcher ruleFolderWatcher(GuidanceProperties props, RuleSetRegistry registry) {
        return RuleSourceLocator.rulesFolder(props.rules().dir()).filter(java.nio.file.Files::isDirectory)
                .map(dir -> new RuleFolderWatcher(dir, props.reload().debounce(),
                        props.reload().pollInterval(), () -> registry.reload("file-watch")))
                .orElse(null);
    }
}
