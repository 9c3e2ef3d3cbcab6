package org.hccguidance.explain;

import java.util.List;

/** The code asked about is not one the rule set knows; {@code suggestions} are the nearest known codes. */
public class UnknownCodeException extends RuntimeException {

    private final List<String> suggestions;

    public UnknownCodeException(String code, List<String> suggestions) {
        super("'" + code + "' is not a code this rule set knows"
                + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions.stream().map(s -> "'" + s + "'").toList()) + "?"));
        this.suggestions = List.copyOf(suggestions);
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
