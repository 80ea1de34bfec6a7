package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.examples.cli.Cases.amount;
import static org.crmkit.examples.cli.Cases.step;
import static org.crmkit.examples.cli.Cases.texts;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code crm example ecommerce}: the key figures of the e-commerce case (domain §14, §12). */
class EcommerceCaseTest {

    private static JsonNode doc;

    @BeforeAll
    static void runTheCase() {
        doc = Cases.run("ecommerce");
    }

    @Test
    void businessesBuyFromTheWholesaleListAndHouseholdsAtListPrices() {
        JsonNode b2b = step(doc, "b2b_selling");
        assertThat(b2b.get("type").asText()).isEqualTo("B2B");
        assertThat(b2b.get("lines").get(0).get("priceList").asText()).isEqualTo("wholesale");
        assertThat(amount(b2b.get("lines").get(0).get("unitPrice"))).isEqualByComparingTo("259.00");
        // (3 x 259.00 + 3 x 64.00) with 19% VAT
        assertThat(amount(b2b.get("total"))).isEqualByComparingTo(new BigDecimal("969.00").multiply(
                new BigDecimal("1.19")));
        assertThat(b2b.get("orderStatus").asText()).isEqualTo("DELIVERED");

        BigDecimal b2cTotal = BigDecimal.ZERO;
        for (JsonNode o : step(doc, "b2c_online_store").get("orders")) {
            assertThat(o.get("type").asText()).isEqualTo("B2C");
            assertThat(o.get("lines").get(0).get("priceList").isNull()).isTrue();
            assertThat(amount(o.get("lines").get(0).get("unitPrice"))).isEqualByComparingTo("349.00");
            assertThat(o.get("orderStatus").asText()).isEqualTo("DELIVERED");
            assertThat(o.get("pointsEarned").asLong()).isEqualTo(amount(o.get("total")).longValue());
            b2cTotal = b2cTotal.add(amount(o.get("total")));
        }
        assertThat(amount(doc.get("figures").get("b2cTotal"))).isEqualByComparingTo(b2cTotal)
                .isEqualByComparingTo("1563.66");
    }

    @Test
    void offersAndMarketingArePersonal() {
        JsonNode customers = step(doc, "personalised_offers").get("customers");
        JsonNode julia = customers.get(0);
        JsonNode tom = customers.get(1);

        assertThat(julia.get("tier").asText()).isEqualTo("MEMBER");
        assertThat(texts(julia.get("offers"))).containsExactly("Free descaler with your next order");
        assertThat(julia.get("marketingEmail").asText()).isEqualTo("REFUSED");
        assertThat(amount(julia.get("memberPriceOfKettle"))).isEqualByComparingTo("39.90");
        assertThat(tom.get("tier").asText()).isEqualTo("SILVER");
        assertThat(texts(tom.get("offers"))).hasSize(2).contains("15% off coffee beans");
        assertThat(tom.get("marketingEmail").asText()).isEqualTo("SENT");
        // the standard policy: silver from 1000 lifetime points, 5% off
        assertThat(amount(tom.get("memberPriceOfKettle"))).isEqualByComparingTo("37.91");
    }

    @Test
    void oneCustomerIsOneRecordOnEveryChannel() {
        JsonNode step = step(doc, "one_customer");

        assertThat(step.get("foundByEmail").asText()).isEqualTo(step.get("customerId").asText());
        assertThat(step.get("foundByPhone").asText()).isEqualTo(step.get("customerId").asText());
        assertThat(step.get("sameRecord").asBoolean()).isTrue();
        assertThat(step.get("email").asText()).isEqualTo("SENT");
        assertThat(step.get("web").asText()).isEqualTo("SENT");
        assertThat(texts(step.get("channels"))).containsExactly("EMAIL", "PHONE", "WEB");
        assertThat(doc.get("figures").get("sameRecordOnEveryChannel").asBoolean()).isTrue();
    }
}
