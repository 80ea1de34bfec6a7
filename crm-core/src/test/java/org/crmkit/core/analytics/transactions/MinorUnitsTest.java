package org.crmkit.core.analytics.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * The direct decimal reader against the reference path it replaces on the CSV hot path: the syntax
 * pattern, then a {@link BigDecimal} checked by the {@link Transaction} record and turned into minor
 * units. Same accept or reject, same rule, same value.
 */
class MinorUnitsTest {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)");
    private static final List<Currency> CURRENCIES = List.of(Currency.getInstance("JPY"),
            Currency.getInstance("EUR"), Currency.getInstance("BHD"), Currency.getInstance("CLF"));
    private static final List<String> EDGES = List.of("92233720368547758.07", "92233720368547758.08",
            "-92233720368547758.08", "-92233720368547758.09", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "-9223372036854775809", "999999999999999999", "1000000000000000000",
            "999999999999999999.99", "0000000000000000000000000000000000001.5", "1.50000000000000000000000000000000000",
            "-0", "+0.000", "-.0", "0.", ".", "+", "-", "", "1e3", "1,5", "1.2.3", "--1", "+-1", " 1", "1 ",
            "0.001", "0.0001", "0.00001", "100", "1000000", "12345678901234567890123456789012345678901",
            "1234567890123456789012345678901234567890", "\u0661", "\uff11");

    /** The old path: pattern, then the record's checks, then exact minor units. */
    private static Object reference(String text, Currency currency) {
        if (text.length() > MinorUnits.MAX_LENGTH || !DECIMAL.matcher(text).matches()) {
            return "NOT_PLAIN";
        }
        try {
            Transaction t = Transaction.of("c", LocalDate.of(2024, 1, 1), new BigDecimal(text), currency);
            return Transaction.toMinor("amount", t.amount(), currency);
        } catch (ValidationException e) {
            return e.rule().startsWith("must have at most") ? "TOO_MANY_DECIMALS"
                    : e.rule().startsWith("must fit") ? "TOO_LARGE" : e.getMessage();
        }
    }

    private static Object direct(String text, Currency currency, Random random) {
        // somewhere inside a larger buffer, as in the reader
        int offset = random.nextInt(5);
        char[] chars = new char[offset + text.length() + random.nextInt(5)];
        java.util.Arrays.fill(chars, '7');
        text.getChars(0, text.length(), chars, offset);
        MinorUnits units = new MinorUnits(Transaction.minorDigits(currency));
        int status = units.read(chars, offset, offset + text.length());
        return switch (status) {
            case MinorUnits.OK -> units.value();
            case MinorUnits.NOT_PLAIN -> "NOT_PLAIN";
            case MinorUnits.TOO_MANY_DECIMALS -> "TOO_MANY_DECIMALS";
            case MinorUnits.TOO_LARGE -> "TOO_LARGE";
            default -> "status " + status;
        };
    }

    static String randomDecimal(Random random) {
        StringBuilder s = new StringBuilder();
        switch (random.nextInt(4)) {
            case 0 -> {
                // anything from a small alphabet
                String alphabet = "0123456789+-.e, ";
                int n = random.nextInt(8);
                for (int i = 0; i < n; i++) {
                    s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            case 1 -> {
                // well formed, of any size, with leading and trailing zeros
                if (random.nextInt(3) == 0) {
                    s.append(random.nextBoolean() ? '-' : '+');
                }
                s.append("0".repeat(random.nextInt(3)));
                int whole = random.nextInt(22);
                for (int i = 0; i < whole; i++) {
                    s.append((char) ('0' + random.nextInt(10)));
                }
                if (random.nextBoolean() || whole == 0) {
                    s.append('.');
                    int fraction = random.nextInt(whole == 0 ? 6 : 7) + (whole == 0 ? 1 : 0);
                    for (int i = 0; i < fraction; i++) {
                        s.append((char) ('0' + random.nextInt(10)));
                    }
                    s.append("0".repeat(random.nextInt(3)));
                }
            }
            case 2 -> s.append(EDGES.get(random.nextInt(EDGES.size())));
            default -> {
                // near the 64-bit limit, in minor units of 0 to 4 decimals
                long v = random.nextBoolean() ? Long.MAX_VALUE - random.nextInt(3) : Long.MIN_VALUE + random.nextInt(3);
                BigDecimal d = BigDecimal.valueOf(v, random.nextInt(5));
                if (random.nextBoolean()) {
                    d = d.add(BigDecimal.valueOf(random.nextInt(3) - 1, d.scale()));
                }
                s.append(d.toPlainString());
            }
        }
        return s.toString();
    }

    @Test
    void agreesWithTheBigDecimalPathOnEveryText() {
        qt().withExamples(20_000).withFixedSeed(20_241L)
                .forAll(integers().between(0, CURRENCIES.size() - 1), longs().all())
                .checkAssert((c, seed) -> {
                    Random random = new Random(seed);
                    Currency currency = CURRENCIES.get(c);
                    String text = randomDecimal(random);
                    assertThat(direct(text, currency, random)).as("%s in %s", text, currency)
                            .isEqualTo(reference(text, currency));
                });
    }

    @Test
    void agreesOnTheEdgesOfEveryCurrency() {
        Random random = new Random(3);
        for (Currency currency : CURRENCIES) {
            for (String text : EDGES) {
                assertThat(direct(text, currency, random)).as("%s in %s", text, currency)
                        .isEqualTo(reference(text, currency));
            }
        }
        assertThat(direct("-92233720368547758.08", Currency.getInstance("EUR"), random)).isEqualTo(Long.MIN_VALUE);
        assertThat(direct("12.5", Currency.getInstance("BHD"), random)).isEqualTo(12_500L);
    }
}
