package org.hccguidance.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The real commands or options nearest to a misspelt one: a typo (one or two letters off, or swapped)
 * or a beginning ("eval"). Picocli's own suggestions rank by letter overlap and offer something for
 * anything ("impact" would get "completion"), which misleads more than it helps.
 */
final class Suggestions {

    private Suggestions() {
    }

    static List<String> nearest(String typed, Collection<String> candidates) {
        String t = typed.toLowerCase(Locale.ROOT);
        String bare = t.replaceFirst("^-+", "");
        if (bare.length() < 3) {
            return List.of();   // "-x" is one letter off every short option: no suggestion beats a wrong one
        }
        int limit = Math.max(1, bare.length() / 3);
        return candidates.stream()
                .map(c -> Map.entry(c, score(t, bare, c.toLowerCase(Locale.ROOT), limit)))
                .filter(e -> e.getValue() <= limit)
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey, Comparator.naturalOrder()))
                .limit(3).map(Map.Entry::getKey).toList();
    }

    private static int score(String typed, String bare, String candidate, int limit) {
        String candidateBare = candidate.replaceFirst("^-+", "");
        if (bare.length() >= 3 && candidateBare.startsWith(bare)) {
            return 0;
        }
        return distance(typed, candidate);
    }

    /** Edit distance with adjacent transpositions ("evaulate" is one edit from "evaluate"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
