package org.hccguidance.facts;

/** What a label (or the committee) says about one agent for this patient now. */
public enum RestrictionKind {
    /** Not now: withheld until the named condition is met, then reassessed. */
    DEFER,
    /** Not to be given: the label discontinues it for good in this situation. */
    NOT_RECOMMENDED,
    /** May be given; the clinician must weigh or act on what the caution says. */
    CAUTION;

    /** DEFER and NOT_RECOMMENDED: nothing that gives the agent may be recommended now. */
    public boolean isBar() {
        return this != CAUTION;
    }
}
