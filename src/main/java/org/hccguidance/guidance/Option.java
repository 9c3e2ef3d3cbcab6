package org.hccguidance.guidance;

/**
 * A rule's proposal to offer an option. {@code rank} names a row of the rank table
 * ({@code rules/catalogue/ranks.csv}), whose position orders options of equal strength (lower first): the
 * order is clinical content, so the rule says which place it means and the table says where that place is.
 * The compiler refuses a rule set whose rules name a rank the table does not hold.
 */
public record Option(String code, Category category, Strength strength, String rank, String title,
                     String rationale) {

    public boolean isActiveTherapy() {
        return category.isActiveTherapy();
    }
}
