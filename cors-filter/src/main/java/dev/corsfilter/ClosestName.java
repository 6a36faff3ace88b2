package dev.corsfilter;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the setting a misspelt name most likely meant, for "did you mean" hints. Names are compared without
 * case and punctuation ({@code ALLOWED_ORIGINS}, {@code allowedOrigins} and {@code allowed-origins} are the
 * same), by the number of letters to insert, delete, replace or swap; a name that is part of a setting's name
 * ({@code credentials}) counts too. Nothing is suggested when every setting is too far off to be the one meant.
 * Public for the modules that read settings under names of their own (the Spring Boot starter's {@code cors.*}
 * properties), so that their hints are the library's.
 */
public final class ClosestName {

    /** Longer names are no typos of a setting; comparing them would only cost time. */
    private static final int MAX_LENGTH = 100;
    private static final int MIN_PART_LENGTH = 4;

    private ClosestName() {
    }

    /**
     * The known name closest to {@code name}, if one is close enough.
     *
     * @param name the unknown name
     * @param known the names that would have been accepted
     * @return the closest, the first in sort order among equally close ones; empty when none is close
     */
    public static Optional<String> among(String name, Collection<String> known) {
        String wanted = letters(name);
        if (wanted.isEmpty() || wanted.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String letters = letters(candidate);
            if (letters.length() > MAX_LENGTH) {
                continue;
            }
            int distance = distance(wanted, letters);
            boolean close = distance <= Math.max(2, wanted.length() / 3)
                    || (wanted.length() >= MIN_PART_LENGTH && (letters.contains(wanted) || wanted.contains(letters)));
            if (close && (distance < bestDistance || (distance == bestDistance && candidate.compareTo(best) < 0))) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String letters(String name) {
        StringBuilder letters = new StringBuilder(name.length());
        name.toLowerCase(Locale.ROOT).chars().filter(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                .forEach(c -> letters.append((char) c));
        return letters.toString();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    private static int distance(String a, String b) {
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
