package org.crmkit.core.analytics.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The CDNOW sample (2,357 customers of the 1997 Q1 cohort, 39-week calibration period, in weeks), as
 * distributed with Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way", Marketing Science
 * 24(2), and copied from ../shared/data/cdnow.
 */
final class Cdnow {

    private static List<PurchaseHistory> cached;

    private Cdnow() {
    }

    /** @return the customers of cdnow_customers_summary_with_transactions.csv, with their mean repeat spend */
    static synchronized List<PurchaseHistory> customers() {
        if (cached == null) {
            List<PurchaseHistory> list = new ArrayList<>();
            for (String[] row : rows("cdnow_customers_summary_with_transactions.csv")) {
                double x = Double.parseDouble(row[1]);
                double tx = Double.parseDouble(row[2]);
                double t = Double.parseDouble(row[3]);
                double zbar = Double.parseDouble(row[4]);
                list.add(x > 0 ? PurchaseHistory.of(x, tx, t, zbar) : PurchaseHistory.of(x, tx, t));
            }
            cached = List.copyOf(list);
        }
        return cached;
    }

    /** @return the customers of cdnow_customers_summary.csv (ID, frequency, recency, T) */
    static List<PurchaseHistory> summary() {
        List<PurchaseHistory> list = new ArrayList<>();
        for (String[] row : rows("cdnow_customers_summary.csv")) {
            list.add(PurchaseHistory.of(Double.parseDouble(row[1]), Double.parseDouble(row[2]),
                    Double.parseDouble(row[3])));
        }
        return list;
    }

    private static List<String[]> rows(String name) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(Cdnow.class.getResourceAsStream(name), name), StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            in.readLine(); // header
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.trim().split(","));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
