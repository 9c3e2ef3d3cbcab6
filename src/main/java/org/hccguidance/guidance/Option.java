package org.hccguidance.guidance;

/**
 * A rule's proposal to offer an option. {@code priority} orders options of equal strength (lower
 * first); the rules set it from the weight of the evidence.
 */
public record Option(String code, Category category, Strength strength, int priority, String title,
                     String rationale) {

    public boolean isActiveTherapy() {
        return category.isActiveTherapy();
    }
}
