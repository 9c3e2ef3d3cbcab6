package org.hccguidance.workbench;

import io.swagger.v3.oas.annotations.Hidden;
import org.hccguidance.api.BadRequestException;
import org.hccguidance.engine.RuleSetRefusedException;
import org.hccguidance.scenario.ScenarioFormatException;
import org.hccguidance.impact.ImpactRequest;
import org.hccguidance.impact.ImpactService;
import org.hccguidance.ruleset.Activation;
import org.hccguidance.ruleset.ReloadOutcome;
import org.hccguidance.ruleset.RuleSetRegistry;
import org.hccguidance.ruleset.GuidanceProperties;
import org.hccguidance.ruleset.SourceRedaction;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The live rule set, its history, the last refused candidate, reload, and the impact of any two versions. */
@Controller
@Hidden
class RuleSetPage {

    private final RuleSetRegistry registry;
    private final ImpactService impact;
    private final SourceRedaction redaction;

    RuleSetPage(RuleSetRegistry registry, ImpactService impact, GuidanceProperties props) {
        this.registry = registry;
        this.impact = impact;
        this.redaction = new SourceRedaction(props);
    }

    @GetMapping("/workbench/ruleset")
    String page(Model model) {
        return show(model);
    }

    @PostMapping("/workbench/ruleset/reload")
    String reload(Authentication who, RedirectAttributes flash) {
        ReloadOutcome outcome = registry.reload("workbench:" + who.getName());
        flash.addFlashAttribute("reloadOutcome", outcome);
        return "redirect:/workbench/ruleset";
    }

    @PostMapping("/workbench/ruleset/impact")
    String compare(@RequestParam String from, @RequestParam String to,
                   @RequestParam(required = false, defaultValue = "0") String generated, Model model) {
        model.addAttribute("impactFrom", from);
        model.addAttribute("impactTo", to);
        model.addAttribute("impactGenerated", generated);
        int count;
        try {
            count = Integer.parseInt(generated.trim());
        } catch (NumberFormatException e) {
            model.addAttribute("impactProblem", "generated patients: a whole number from 0 to 20000");
            return show(model);
        }
        try {
            model.addAttribute("impact", impact.compare(new ImpactRequest(from, to, null, count, null)));
        } catch (BadRequestException e) {
            model.addAttribute("impactProblem", String.join("; ", e.problems().stream()
                    .map(p -> p.field() + ": " + p.message()).toList()));
        } catch (RuleSetRefusedException e) {
            model.addAttribute("impactProblem", "that rule set does not compile: " + e.errors().size()
                    + " error(s); see the refused candidate below");
        } catch (ScenarioFormatException e) {
            model.addAttribute("impactProblem", "the scenario folder has malformed files: " + String.join("; ", e.problems()));
        }
        return show(model);
    }

    private String show(Model model) {
        // Folder paths are named, not shown, to everyone but admins, as on GET /api/v1/ruleset.
        boolean admin = Boolean.TRUE.equals(model.getAttribute("isAdmin"));
        model.addAttribute("page", "ruleset");
        model.addAttribute("active", registry.active().orElse(null));
        model.addAttribute("activeSource", registry.active().map(rs -> admin ? rs.source() : SourceRedaction.kind(rs.source()))
                .orElse(null));
        model.addAttribute("refused", registry.lastRefused().map(r -> admin ? r : redaction.candidate(r)).orElse(null));
        model.addAttribute("refusedComparable", registry.lastRefusedSources().isPresent());
        model.addAttribute("note", registry.startupNote().map(n -> admin ? n : redaction.text(n)).orElse(null));
        List<Activation> history = new ArrayList<>(admin ? registry.history()
                : registry.history().stream().map(redaction::activation).toList());
        Collections.reverse(history);
        model.addAttribute("history", history);
        List<String> choices = new ArrayList<>();
        choices.add(ImpactService.LIVE);
        if (registry.lastRefusedSources().isPresent()) {
            choices.add(ImpactService.REFUSED);
        }
        history.stream().map(Activation::version).distinct().forEach(choices::add);
        model.addAttribute("versionChoices", choices);
        return "workbench/ruleset";
    }
}
