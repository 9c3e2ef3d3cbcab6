/**
 * The patient as the rules see it: the request body of {@code POST /api/v1/guidance}, split into
 * plain immutable facts, and the derived facts (Child-Pugh, ALBI, BCLC, setting, contraindications)
 * that the rules in {@code rules/derived} and {@code rules/setting} compute from them.
 */
package org.hccguidance.facts;
