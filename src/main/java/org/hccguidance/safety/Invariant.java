package org.hccguidance.safety;

/** The safety invariants, checked on every response. See docs/clinical-logic.md, "Safety invariants". */
public enum Invariant {
    I1("nothing recommended contains an agent or drug class that a contraindication bars, and nothing systemic while a state bars all systemic therapy"),
    I2("nothing recommended repeats an agent the patient progressed on, unless a rule says why"),
    I3("no code is both recommended and not recommended"),
    I4("no active anticancer therapy in Child-Pugh C or at the supportive-care performance status"),
    I5("every recommendation has a rationale and evidence (or needs none), every exclusion a reason, ranks run 1..n");

    private final String meaning;

    Invariant(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
