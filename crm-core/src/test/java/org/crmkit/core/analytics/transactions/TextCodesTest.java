package org.crmkit.core.analytics.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The open-addressing text dictionary against a {@link LinkedHashMap} model. */
class TextCodesTest {

    @Test
    void givesTheSameDenseCodesAsAMapWhetherLookedUpByStringOrByChars() {
        qt().withExamples(120).withFixedSeed(5L)
                .forAll(integers().between(0, 5_000), longs().all())
                .checkAssert((n, seed) -> {
                    Random random = new Random(seed);
                    // a small alphabet and short keys give many equal hashes and long probe runs
                    String alphabet = random.nextBoolean() ? "ab" : "aAbB\u00e9\u4e2d\ud83d\ude00 ";
                    Map<String, Integer> model = new LinkedHashMap<>();
                    TextCodes codes = new TextCodes();
                    char[] buffer = new char[40];
                    for (int i = 0; i < n; i++) {
                        int length = random.nextInt(9);
                        StringBuilder key = new StringBuilder();
                        for (int j = 0; j < length; j++) {
                            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
                        }
                        String k = key.toString();
                        Integer expected = model.computeIfAbsent(k, x -> model.size());
                        int code;
                        if (random.nextBoolean()) {
                            code = codes.code(k);
                        } else {
                            int from = random.nextInt(buffer.length - length + 1);
                            k.getChars(0, length, buffer, from);
                            code = codes.code(buffer, from, from + length);
                        }
                        assertThat(code).isEqualTo(expected);
                        assertThat(codes.find(k)).isEqualTo(expected);
                    }
                    assertThat(codes.size()).isEqualTo(model.size());
                    assertThat(codes.keys()).containsExactlyElementsOf(new ArrayList<>(model.keySet()));
                    assertThat(codes.find("not in it: longer than any key")).isEqualTo(-1);
                });
    }

    @Test
    void tellsKeysWithEqualHashCodesApart() {
        // "Aa" and "BB" share String.hashCode, and so do all their concatenations
        List<String> colliding = List.of("AaAa", "AaBB", "BBAa", "BBBB");
        TextCodes codes = new TextCodes();
        for (String k : colliding) {
            codes.code(k);
        }
        for (int i = 0; i < colliding.size(); i++) {
            assertThat(codes.code(colliding.get(i).toCharArray(), 0, 4)).isEqualTo(i);
            assertThat(codes.key(i)).isEqualTo(colliding.get(i));
        }
    }

    @Test
    void keepsCodesWhenKeysStopArrivingInOrder() {
        TextCodes codes = new TextCodes();
        for (int i = 0; i < 1_000; i++) {
            String key = String.format("k%05d", i);
            assertThat(codes.code(key.toCharArray(), 0, key.length())).isEqualTo(i);
            assertThat(codes.code(key)).isEqualTo(i);
        }
        assertThat(codes.ascending()).isTrue();
        assertThat(codes.code("k00500")).isEqualTo(500);
        assertThat(codes.ascending()).isFalse();
        assertThat(codes.code("a")).isEqualTo(1_000);
        assertThat(codes.code("k99999".toCharArray(), 0, 6)).isEqualTo(1_001);
        for (int i = 0; i < 1_000; i++) {
            assertThat(codes.find(String.format("k%05d", i))).isEqualTo(i);
        }
    }
}
