package org.hccguidance.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Suggestions for misspellings: near misses and beginnings, never a guess. */
class SuggestionsTests {

    private static final List<String> COMMANDS = List.of("serve", "evaluate", "explain", "validate", "scenario", "responses",
            "completion", "help");

    @Test
    void typosSwapsAndBeginningsFindTheCommand() {
        assertThat(Suggestions.nearest("evalute", COMMANDS)).containsExactly("evaluate");
        assertThat(Suggestions.nearest("evaulate", COMMANDS)).containsExactly("evaluate");
        assertThat(Suggestions.nearest("valdiate", COMMANDS)).containsExactly("validate");
        assertThat(Suggestions.nearest("expalin", COMMANDS)).containsExactly("explain");
        assertThat(Suggestions.nearest("eval", COMMANDS)).containsExactly("evaluate");
        assertThat(Suggestions.nearest("--ruls", List.of("--rules", "--format", "--help"))).containsExactly("--rules");
    }

    @Test
    void unrelatedWordsAndSingleLettersGetNoSuggestion() {
        assertThat(Suggestions.nearest("impact", COMMANDS)).isEmpty();
        assertThat(Suggestions.nearest("-x", List.of("-h", "-V", "--help"))).isEmpty();
        assertThat(Suggestions.nearest("report", COMMANDS)).isEmpty();
    }
}
