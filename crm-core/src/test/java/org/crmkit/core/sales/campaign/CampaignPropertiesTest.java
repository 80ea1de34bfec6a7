package org.crmkit.core.sales.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.RelationshipLevel;
import org.crmkit.core.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * Seeded random tests (the seed is printed on failure): random target rules survive a round trip
 * through their record, and random verb sequences on a stored campaign never reach an illegal
 * state and agree with a reference model of status, cost and revenue.
 */
class CampaignPropertiesTest {

    private static final long SEED = 20261123L;
    private static final StaffId ANNA = StaffId.of("anna");

    @Test
    void randomRulesSurviveARoundTripThroughTheirRecord() {
        SplittableRandom seeds = new SplittableRandom(SEED);
        TestClock clock = TestClock.at("2026-03-01T08:00:00Z");
        for (int run = 0; run < 500; run++) {
            long seed = seeds.nextLong();
            SplittableRandom random = new SplittableRandom(seed);
            TargetSegment target = randomTarget(random);
            Campaign c = Campaign.plan(CampaignTest.command(target, Money.of("10.00", "EUR")),
                    CampaignId.of(UUID.randomUUID()), TenantId.of("t"), clock);
            Campaign back = Campaign.restore(c.toRecord());
            assertThat(back.target()).as("seed %d", seed).isEqualTo(target);
            assertThat(back.target().describe()).as("seed %d", seed).isEqualTo(target.describe());
        }
    }

    @Test
    void randomVerbSequencesNeverReachAnIllegalStateAndMatchTheModel() {
        SplittableRandom seeds = new SplittableRandom(SEED);
        for (int run = 0; run < 100; run++) {
            long seed = seeds.nextLong();
            try {
                runSequence(new SplittableRandom(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("failed with seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private void runSequence(SplittableRandom random) {
        TestClock clock = TestClock.at("2026-03-01T08:00:00Z");
        InMemoryStorage storage = InMemoryStorage.create();
        Campaigns campaigns = new Campaigns(TenantId.of("t"), storage, clock, IdGenerator.timeOrdered(clock), e -> { });
        CampaignId id = campaigns.plan(CampaignTest.command(CampaignTest.rule(), Money.of("500.00", "EUR"))).id();
        CampaignStatus status = CampaignStatus.PLANNED;
        BigDecimal cost = new BigDecimal("0.00");
        BigDecimal revenue = new BigDecimal("0.00");
        long version = 1;
        List<UUID> sources = new ArrayList<>();
        for (int step = 0; step < 25; step++) {
            clock.advance(Duration.ofHours(random.nextInt(1, 100)));
            switch (random.nextInt(6)) {
                case 0 -> {
                    boolean ok = status == CampaignStatus.PLANNED;
                    attempt(ok, () -> campaigns.launch(id, ANNA));
                    status = ok ? CampaignStatus.ACTIVE : status;
                    version += ok ? 1 : 0;
                }
                case 1 -> {
                    boolean ok = status == CampaignStatus.ACTIVE;
                    attempt(ok, () -> campaigns.complete(id, ANNA));
                    status = ok ? CampaignStatus.COMPLETED : status;
                    version += ok ? 1 : 0;
                }
                case 2 -> {
                    boolean ok = status == CampaignStatus.PLANNED || status == CampaignStatus.ACTIVE;
                    attempt(ok, () -> campaigns.cancel(id, ANNA, "changed plans"));
                    status = ok ? CampaignStatus.CANCELLED : status;
                    version += ok ? 1 : 0;
                }
                case 3 -> {
                    BigDecimal amount = BigDecimal.valueOf(random.nextInt(1, 100_000), 2);
                    campaigns.recordCost(id, Money.of(amount, "EUR"));
                    cost = cost.add(amount);
                    version++;
                }
                default -> {
                    boolean again = !sources.isEmpty() && random.nextBoolean();
                    UUID source = again ? sources.get(random.nextInt(sources.size())) : UUID.randomUUID();
                    BigDecimal amount = BigDecimal.valueOf(random.nextInt(0, 100_000), 2);
                    boolean ok = status != CampaignStatus.PLANNED;
                    if (!ok) {
                        assertThatThrownBy(() -> campaigns.attributeRevenue(id, source, Money.of(amount, "EUR")))
                                .isInstanceOf(IllegalTransitionException.class);
                    } else {
                        assertThat(campaigns.attributeRevenue(id, source, Money.of(amount, "EUR"))).isEqualTo(!again);
                        if (!again) {
                            sources.add(source);
                            revenue = revenue.add(amount);
                            version++;
                        }
                    }
                }
            }
            Campaign c = campaigns.get(id);
            Campaign.restore(c.toRecord());
            assertThat(c.status()).isEqualTo(status);
            assertThat(c.version()).isEqualTo(version);
            assertThat(c.actualCost()).isEqualTo(Money.of(cost, "EUR"));
            assertThat(c.attributedRevenue()).isEqualTo(Money.of(revenue, "EUR"));
            assertThat(c.history().get(c.history().size() - 1).to()).isEqualTo(status);
            assertThat(c.returnOnCost().isPresent()).isEqualTo(cost.signum() > 0);
        }
    }

    private static void attempt(boolean allowed, Runnable verb) {
        if (allowed) {
            verb.run();
        } else {
            assertThatThrownBy(verb::run).isInstanceOf(IllegalTransitionException.class);
        }
    }

    private static TargetSegment randomTarget(SplittableRandom random) {
        List<List<TargetCondition>> clauses = new ArrayList<>();
        int n = random.nextInt(1, 4);
        for (int i = 0; i < n; i++) {
            List<TargetCondition> clause = new ArrayList<>();
            int m = random.nextInt(1, 4);
            for (int j = 0; j < m; j++) {
                clause.add(randomCondition(random));
            }
            clauses.add(clause);
        }
        return new TargetSegment.Rule(clauses);
    }

    private static TargetCondition randomCondition(SplittableRandom random) {
        AttributeCategory category = AttributeCategory.values()[random.nextInt(AttributeCategory.values().length)];
        String name = "a" + random.nextInt(5);
        return switch (random.nextInt(7)) {
            case 0 -> TargetCondition.attributeEquals(category, name, randomValue(random, random.nextInt(5)));
            case 1 -> TargetCondition.attributeAtLeast(category, name, randomValue(random, 1 + random.nextInt(3)));
            case 2 -> TargetCondition.attributeAtMost(category, name, randomValue(random, 1 + random.nextInt(3)));
            case 3 -> {
                int type = random.nextInt(5);
                yield TargetCondition.attributeIn(category, name, randomValue(random, type), randomValue(random, type));
            }
            case 4 -> TargetCondition.typeIn(CustomerType.values()[random.nextInt(4)], CustomerType.B2B);
            case 5 -> TargetCondition.lifecycleStageIn(LifecycleStage.values()[random.nextInt(5)]);
            default -> TargetCondition.relationshipLevelAtLeast(RelationshipLevel.values()[random.nextInt(5)]);
        };
    }

    /** Type 0 text, 1 number, 2 date, 3 timestamp, 4 flag. */
    private static AttributeValue randomValue(SplittableRandom random, int type) {
        return switch (type) {
            case 0 -> AttributeValue.of("t" + random.nextInt(3));
            case 1 -> AttributeValue.of(BigDecimal.valueOf(random.nextLong(-1_000_000, 1_000_000), random.nextInt(4)));
            case 2 -> AttributeValue.of(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000)));
            case 3 -> AttributeValue.of(Instant.parse("2026-01-01T00:00:00Z").plusNanos(random.nextLong(1L << 50)));
            default -> AttributeValue.of(random.nextBoolean());
        };
    }
}
