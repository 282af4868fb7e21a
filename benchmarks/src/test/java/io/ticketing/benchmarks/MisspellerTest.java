package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MisspellerTest {

    private static final List<String> TITLES = List.of("Inception", "The Lighthouse Keeper", "Paper Satellites",
            "Die Vergessene Stadt", "The Clockmaker's Daughter", "Amélie", "Se7en Days", "WALL-E Returns",
            "Mission: Impossible", "Harbour Lights 2");

    @Test
    void givesTheSameTypoForTheSameTitleAndVariant() {
        for (String title : TITLES) {
            for (int variant = 0; variant < 5; variant++) {
                assertThat(Misspeller.misspell(title, variant)).isEqualTo(Misspeller.misspell(title, variant));
            }
        }
    }

    @Test
    void makesOneEditInOneLongWordAndKeepsItsFirstLetter() {
        for (String title : TITLES) {
            for (int variant = 0; variant < 20; variant++) {
                String typo = Misspeller.misspell(title, variant).orElseThrow();
                assertThat(typo).as("%s, variant %d", title, variant).isNotEqualTo(title);
                assertThat(editDistance(title, typo)).as("%s -> %s", title, typo).isEqualTo(1);
                String[] words = title.split(" ");
                String[] typoWords = typo.split(" ");
                assertThat(typoWords).hasSameSizeAs(words);
                int changed = 0;
                for (int i = 0; i < words.length; i++) {
                    if (!words[i].equals(typoWords[i])) {
                        changed++;
                        assertThat(typoWords[i].charAt(0)).as("%s -> %s", title, typo).isEqualTo(words[i].charAt(0));
                        assertThat(words[i].chars().filter(Character::isLetter).count()).isGreaterThanOrEqualTo(4);
                    }
                }
                assertThat(changed).as("%s -> %s", title, typo).isEqualTo(1);
            }
        }
    }

    @Test
    void variesTheTypoWithTheVariant() {
        Set<String> typos = new HashSet<>();
        for (int variant = 0; variant < 10; variant++) {
            typos.add(Misspeller.misspell("Inception", variant).orElseThrow());
        }
        assertThat(typos).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void leavesTitlesWithoutALongWordAlone() {
        assertThat(Misspeller.misspell("Up", 0)).isEmpty();
        assertThat(Misspeller.misspell("It Is On 2", 3)).isEmpty();
        assertThat(Misspeller.misspell("Up in the Air", 1)).isEmpty();
        assertThat(Misspeller.misspell("", 0)).isEmpty();
    }

    @Test
    void keepsTheCaseOfTheLetterItReplaces() {
        for (int variant = 0; variant < 50; variant++) {
            String typo = Misspeller.misspell("INCEPTION", variant).orElseThrow();
            assertThat(typo).as(typo).isUpperCase();
        }
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    private static int editDistance(String a, String b) {
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
