/**
 * The safety net under the rules: invariants every response must meet whatever the rules say (nothing
 * recommended that a contraindication bars or that repeats an agent the patient progressed on, no code
 * both recommended and not, no active therapy in BCLC D, every recommendation justified), what happens
 * to a response that breaks one (the item is withheld, a CRITICAL alert names the check), and the
 * generated patients that test a candidate rule set against them before it goes live.
 */
package org.hccguidance.safety;
