package org.hccguidance.workbench;

import io.swagger.v3.oas.annotations.Hidden;
import org.hccguidance.feedback.FeedbackStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** How often clinicians override each recommendation in the EHR, and why, per rule-set version (admin). */
@Controller
@Hidden
class FeedbackPage {

    private final FeedbackStore store;
    private final Clock clock;

    FeedbackPage(FeedbackStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/workbench/feedback")
    String page(@RequestParam(defaultValue = "90") String days, Model model) {
        int window;
        try {
            window = Math.max(1, Math.min(3650, Integer.parseInt(days.trim())));
        } catch (NumberFormatException e) {
            window = 90;
            model.addAttribute("daysProblem", "days: a whole number of days; showing the last 90");
        }
        Instant since = clock.instant().minus(Duration.ofDays(window));
        model.addAttribute("page", "feedback");
        model.addAttribute("days", window);
        model.addAttribute("since", since);
        model.addAttribute("rows", store.summary(since));
        return "workbench/feedback";
    }
}
