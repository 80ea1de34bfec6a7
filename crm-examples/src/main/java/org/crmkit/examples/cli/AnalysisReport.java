package org.crmkit.examples.cli;

import java.util.Locale;
import java.util.Map;

import org.crmkit.core.analytics.CustomerBaseAnalysis;
import org.crmkit.core.analytics.CustomerBaseAnalysis.CustomerRow;
import org.crmkit.core.analytics.abc.AbcAnalysis;
import org.crmkit.core.analytics.abc.AbcBasis;
import org.crmkit.core.analytics.abc.AbcClass;
import org.crmkit.core.analytics.clv.BgNbdModel;
import org.crmkit.core.analytics.clv.GammaGammaModel;
import org.crmkit.core.analytics.clv.NoInteriorMaximumException;
import org.crmkit.core.analytics.clv.ParetoNbdModel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a {@link CustomerBaseAnalysis} as plain-words text or as a JSON document ({@link HtmlReport} does HTML). */
final class AnalysisReport {

    /** Where the transactions came from. */
    record Source(String file, long rows, long skippedRows, int negativeAmounts) {
    }

    private AnalysisReport() {
    }

    static String json(CustomerBaseAnalysis a, Source source, boolean perCustomer) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode doc = mapper.createObjectNode();
        doc.put("format", 1);
        ObjectNode src = doc.putObject("source");
        src.put("file", source.file());
        src.put("rows", source.rows());
        src.put("skippedRows", source.skippedRows());
        src.put("negativeAmounts", source.negativeAmounts());
        doc.put("calibrationEnd", a.options().calibrationEnd().toString());
        doc.put("timeUnit", a.options().unit().name().toLowerCase(Locale.ROOT));
        doc.put("currency", a.currency());
        doc.put("customers", a.customerCount());
        doc.put("transactions", a.transactionCount());
        doc.put("calibrationTransactions", a.calibrationTransactionCount());
        doc.put("skippedRows", source.skippedRows());
        doc.put("repeatCustomers", a.repeatCustomerCount());
        doc.put("customersAfterCalibration", a.customersAfterCalibration());
        doc.put("customersWithoutPurchase", a.customersWithoutPurchase());

        ObjectNode models = doc.putObject("models");
        BgNbdModel bg = a.bgNbd().model();
        ObjectNode bgNode = models.putObject("bgnbd");
        bgNode.put("r", bg.r());
        bgNode.put("alpha", bg.alpha());
        bgNode.put("a", bg.a());
        bgNode.put("b", bg.b());
        bgNode.put("logLikelihood", a.bgNbd().logLikelihood());
        ObjectNode pnNode = models.putObject("paretonbd");
        if (a.paretoNbd().isPresent()) {
            ParetoNbdModel pn = a.paretoNbd().get().model();
            pnNode.put("r", pn.r());
            pnNode.put("alpha", pn.alpha());
            pnNode.put("s", pn.s());
            pnNode.put("beta", pn.beta());
            pnNode.put("logLikelihood", a.paretoNbd().get().logLikelihood());
        } else {
            // no interior maximum: the limit where every customer drops out at the same rate s/beta
            NoInteriorMaximumException boundary = a.paretoNbdBoundary().orElseThrow();
            pnNode.put("interiorMaximum", false);
            pnNode.put("boundary", boundary.boundary());
            boundary.boundaryEstimates().forEach((name, v) -> pnNode.put(name.equals("s/beta") ? "dropoutRate" : name, v));
            pnNode.put("logLikelihood", boundary.logLikelihood());
        }
        GammaGammaModel gg = a.gammaGamma().model();
        ObjectNode ggNode = models.putObject("gammagamma");
        ggNode.put("p", gg.p());
        ggNode.put("q", gg.q());
        ggNode.put("gamma", gg.gamma());
        ggNode.put("customers", a.spendCustomerCount());
        ggNode.put("logLikelihood", a.gammaGamma().logLikelihood());
        if (gg.q() > 1) {
            ggNode.put("meanSpend", gg.expectedSpend());
        }

        ObjectNode forecast = doc.putObject("forecast");
        forecast.put("horizon", a.options().horizon());
        forecast.put("periods", a.options().clvPeriods());
        forecast.put("periodLength", a.options().clvPeriodLength());
        forecast.put("discountRate", a.options().discountRate());
        forecast.put("expectedPurchases", a.totalExpectedPurchases());
        forecast.put("lifetimeValue", a.totalLifetimeValue());
        forecast.put("meanProbabilityAlive", a.meanProbabilityAlive());

        ObjectNode rfm = doc.putObject("rfm");
        a.rfm().segmentCounts().forEach(rfm::put);

        ObjectNode lifecycle = doc.putObject("lifecycle");
        a.lifecycleCounts().forEach((stage, n) -> lifecycle.put(stage.name().toLowerCase(java.util.Locale.ROOT), n));

        ObjectNode abc = doc.putObject("abc");
        abc.put("value", valueName(a));
        a.abc().ifPresent(x -> {
            ObjectNode counts = abc.putObject("counts");
            ObjectNode shares = abc.putObject("valueShares");
            ObjectNode customerShares = abc.putObject("customerShares");
            for (AbcClass c : AbcClass.values()) {
                int n = x.classCounts().getOrDefault(c, 0);
                counts.put(c.name(), n);
                shares.put(c.name(), x.classValueShares().getOrDefault(c, 0.0));
                customerShares.put(c.name(), n / (double) x.customers().size());
            }
            abc.put("total", x.total());
            abc.put("paretoShare", x.paretoShare());
            abc.put("gini", x.gini());
        });

        if (perCustomer) {
            ArrayNode rows = doc.putArray("perCustomer");
            for (CustomerRow row : a.customers()) {
                ObjectNode r = rows.addObject();
                r.put("id", row.customerId());
                r.put("frequency", row.frequency());
                r.put("recency", row.recency());
                r.put("T", row.age());
                if (row.meanSpend().isPresent()) {
                    r.put("monetary", row.meanSpend().getAsDouble());
                } else {
                    r.putNull("monetary");
                }
                r.put("netSpend", row.netSpend());
                r.put("probabilityAlive", row.probabilityAlive());
                r.put("expectedPurchases", row.expectedPurchases());
                r.put("clv", row.lifetimeValue());
                r.put("rfm", row.rfmCode());
                r.put("rfmSegment", row.rfmSegment());
                r.put("abcClass", row.abcClass().name());
            }
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new CommandFailure("cannot write the JSON report: " + e.getOriginalMessage(), e);
        }
    }

    static String text(CustomerBaseAnalysis a, Source source, boolean perCustomer) {
        StringBuilder s = new StringBuilder();
        String unit = a.options().unit().name().toLowerCase(Locale.ROOT);
        String cur = a.currency();
        line(s, "Customer base analysis of %s", source.file());
        line(s, "");
        line(s, "Data");
        line(s, "  %s transactions read (%s rows skipped); %s of them up to the calibration end %s.",
                count(a.transactionCount()), count(source.skippedRows()), count(a.calibrationTransactionCount()),
                a.options().calibrationEnd());
        line(s, "  %s customers bought by then; %s of them (%s) came back for a repeat purchase.",
                count(a.customerCount()), count(a.repeatCustomerCount()),
                percent(a.repeatCustomerCount() / (double) a.customerCount()));
        if (a.customersAfterCalibration() > 0) {
            line(s, "  %s customers first bought after the calibration end and are not analysed.",
                    count(a.customersAfterCalibration()));
        }
        if (a.customersWithoutPurchase() > 0) {
            line(s, "  %s customers have refunds only and are not analysed.", count(a.customersWithoutPurchase()));
        }
        if (source.negativeAmounts() > 0) {
            line(s, "  %s negative amounts were counted as refunds.", count(source.negativeAmounts()));
        }
        line(s, "  Time is measured in %ss; amounts are in %s.", unit, cur);
        line(s, "");

        line(s, "Purchase models (maximum likelihood)");
        BgNbdModel bg = a.bgNbd().model();
        line(s, "  BG/NBD       r %.4f, alpha %.4f, a %.4f, b %.4f; log-likelihood %.2f",
                bg.r(), bg.alpha(), bg.a(), bg.b(), a.bgNbd().logLikelihood());
        if (a.paretoNbd().isPresent()) {
            ParetoNbdModel pn = a.paretoNbd().get().model();
            line(s, "  Pareto/NBD   r %.4f, alpha %.4f, s %.4f, beta %.4f; log-likelihood %.2f",
                    pn.r(), pn.alpha(), pn.s(), pn.beta(), a.paretoNbd().get().logLikelihood());
        } else {
            NoInteriorMaximumException boundary = a.paretoNbdBoundary().orElseThrow();
            Map<String, Double> q = boundary.boundaryEstimates();
            line(s, "  Pareto/NBD   no interior maximum: every customer drops out at the same rate s/beta %.4f"
                    + " (r %.4f, alpha %.4f); log-likelihood %.2f in the limit", q.get("s/beta"), q.get("r"),
                    q.get("alpha"), boundary.logLikelihood());
        }
        GammaGammaModel gg = a.gammaGamma().model();
        line(s, "  Gamma-Gamma  p %.4f, q %.4f, gamma %.4f; fitted on %s repeat customers", gg.p(), gg.q(),
                gg.gamma(), count(a.spendCustomerCount()));
        line(s, "  A new customer is expected to come back %.2f times in the first year after the first purchase; the mean purchase is worth %s.",
                bg.expectedPurchases(365.25 / a.options().unit().days()),
                gg.q() > 1 ? money(gg.expectedSpend(), cur) : "(undefined: q <= 1)");
        line(s, "");

        CustomerBaseAnalysis.Options o = a.options();
        line(s, "Outlook for the next %d months (%.2f %ss; BG/NBD with Gamma-Gamma, value discounted %s a month)",
                o.clvPeriods(), o.horizon(), unit, percent(o.discountRate()));
        line(s, "  On average a customer is still active with probability %.2f.", a.meanProbabilityAlive());
        line(s, "  Expected purchases: %s in total, %.2f per customer.", decimal(a.totalExpectedPurchases()),
                a.totalExpectedPurchases() / a.customerCount());
        line(s, "  Customer lifetime value: %s in total, %s per customer.", money(a.totalLifetimeValue(), cur),
                money(a.totalLifetimeValue() / a.customerCount(), cur));
        line(s, "");

        line(s, "RFM segments as of %s", o.calibrationEnd());
        for (Map.Entry<String, Integer> e : a.rfm().segmentCounts().entrySet()) {
            line(s, "  %-20s %7s  %6s", e.getKey(), count(e.getValue()),
                    percent(e.getValue() / (double) a.customerCount()));
        }
        line(s, "");

        line(s, "Lifecycle stages as of %s (default policy, P(alive) from BG/NBD)", o.calibrationEnd());
        for (Map.Entry<org.crmkit.core.customer.LifecycleStage, Integer> e : a.lifecycleCounts().entrySet()) {
            line(s, "  %-20s %7s  %6s", e.getKey().name().toLowerCase(java.util.Locale.ROOT), count(e.getValue()),
                    percent(e.getValue() / (double) a.customerCount()));
        }
        line(s, "");

        line(s, "ABC classes of %s up to %s", valueName(a), o.calibrationEnd());
        if (a.abc().isEmpty()) {
            line(s, "  Every customer's %s is 0 or less, so there are no classes.", valueName(a));
        } else {
            AbcAnalysis abc = a.abc().get();
            for (AbcClass c : AbcClass.values()) {
                int n = abc.classCounts().getOrDefault(c, 0);
                line(s, "  %s  %7s customers (%6s) hold %6s of the value", c, count(n),
                        percent(n / (double) abc.customers().size()), percent(abc.classValueShares().getOrDefault(c, 0.0)));
            }
            line(s, "  %s of the customers bring 80 %% of the value; Gini coefficient %.4f; total %s.",
                    percent(abc.paretoShare()), abc.gini(), money(abc.total().doubleValue(), cur));
        }
        if (perCustomer) {
            line(s, "");
            line(s, "Customers (x = repeat purchases, t_x and T in %ss, spend in %s)", unit, cur);
            line(s, "%-16s %5s %8s %8s %10s %8s %9s %10s %4s %-20s %s", "id", "x", "t_x", "T", "mean spend",
                    "P(alive)", "E[buys]", "CLV", "RFM", "segment", "ABC");
            for (CustomerRow r : a.customers()) {
                line(s, "%-16s %5d %8.2f %8.2f %10s %8.4f %9.4f %10.2f %4s %-20s %s", r.customerId(), r.frequency(),
                        r.recency(), r.age(), r.meanSpend().isPresent()
                                ? String.format(Locale.ROOT, "%.2f", r.meanSpend().getAsDouble()) : "-",
                        r.probabilityAlive(), r.expectedPurchases(), r.lifetimeValue(), r.rfmCode(), r.rfmSegment(),
                        r.abcClass());
            }
        }
        return s.toString();
    }

    private static void line(StringBuilder s, String format, Object... args) {
        s.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String decimal(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    static String money(double v, String currency) {
        return String.format(Locale.ROOT, "%,.2f %s", v, currency);
    }

    /** @return what the ABC classes rank by, in words: "net spend" or "net margin" */
    static String valueName(CustomerBaseAnalysis a) {
        return a.options().abcBasis() == AbcBasis.NET_MARGIN ? "net margin" : "net spend";
    }
}
