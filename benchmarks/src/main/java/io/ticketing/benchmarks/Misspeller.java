package io.ticketing.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns real titles into the typos customers make, deterministically, so that a keyword search benchmark
 * exercises the fuzzy matching and the spelling suggestions and still finds the movie.
 *
 * <p>One edit in one word of four letters or more, never its first letter: the search forgives one edit in
 * words of three to five letters and two in longer ones ({@code fuzziness: AUTO}) and compares the first
 * letter exactly ({@code prefix_length: 1}). The edit is a dropped letter ({@code Incepton}), two neighbours
 * swapped ({@code Inecption}), a letter replaced by a neighbour on the keyboard ({@code Inceptiom}) or a
 * doubled letter ({@code Incepttion}).
 */
final class Misspeller {

    private static final Map<Character, String> KEYBOARD_NEIGHBOURS = Map.ofEntries(
            Map.entry('q', "wa"), Map.entry('w', "qes"), Map.entry('e', "wrd"), Map.entry('r', "etf"),
            Map.entry('t', "ryg"), Map.entry('y', "tuh"), Map.entry('u', "yij"), Map.entry('i', "uok"),
            Map.entry('o', "ipl"), Map.entry('p', "ol"), Map.entry('a', "qsz"), Map.entry('s', "adw"),
            Map.entry('d', "sfe"), Map.entry('f', "dgr"), Map.entry('g', "fht"), Map.entry('h', "gjy"),
            Map.entry('j', "hku"), Map.entry('k', "jli"), Map.entry('l', "ko"), Map.entry('z', "xa"),
            Map.entry('x', "zcs"), Map.entry('c', "xvd"), Map.entry('v', "cbf"), Map.entry('b', "vng"),
            Map.entry('n', "bmh"), Map.entry('m', "nj"));

    private static final int DROP = 0;
    private static final int SWAP = 1;
    private static final int NEIGHBOUR = 2;
    private static final int DOUBLE = 3;

    private Misspeller() {
    }

    /**
     * A misspelling of the title; the same title and variant always give the same one, different variants
     * usually different ones.
     *
     * @return empty when the title has no word of four letters or more to misspell safely
     */
    static Optional<String> misspell(String title, int variant) {
        List<int[]> words = words(title);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        long hash = mix(title.hashCode() * 0x9E3779B97F4A7C15L + variant);
        int[] word = words.get((int) Math.floorMod(hash, (long) words.size()));
        int start = word[0];
        int length = word[1] - word[0];
        hash = mix(hash);
        int edit = (int) Math.floorMod(hash, 4L);
        hash = mix(hash);
        // a position after the first letter
        int at = start + 1 + (int) Math.floorMod(hash, (long) (length - 1));
        char letter = title.charAt(at);
        StringBuilder typo = new StringBuilder(title);
        switch (edit) {
            case SWAP -> {
                int first = at < word[1] - 1 ? at : at - 1;
                if (first > start && title.charAt(first) != title.charAt(first + 1)) {
                    typo.setCharAt(first, title.charAt(first + 1));
                    typo.setCharAt(first + 1, title.charAt(first));
                }
                else {
                    typo.deleteCharAt(at);
                }
            }
            case NEIGHBOUR -> {
                String neighbours = KEYBOARD_NEIGHBOURS.get(Character.toLowerCase(letter));
                if (neighbours == null) {
                    typo.deleteCharAt(at);
                }
                else {
                    char replacement = neighbours.charAt((int) Math.floorMod(mix(hash), (long) neighbours.length()));
                    typo.setCharAt(at, Character.isUpperCase(letter) ? Character.toUpperCase(replacement) : replacement);
                }
            }
            case DOUBLE -> typo.insert(at, letter);
            default -> typo.deleteCharAt(at);
        }
        return Optional.of(typo.toString());
    }

    /** Start (inclusive) and end (exclusive) of each run of four or more letters. */
    private static List<int[]> words(String title) {
        List<int[]> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= title.length(); i++) {
            boolean letter = i < title.length() && Character.isLetter(title.charAt(i));
            if (letter && start < 0) {
                start = i;
            }
            else if (!letter && start >= 0) {
                if (i - start >= 4) {
                    words.add(new int[] { start, i });
                }
                start = -1;
            }
        }
        return words;
    }

    /** A 64-bit finaliser, so that neighbouring inputs give unrelated outputs. */
    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
