package org.crmkit.core.sales.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.core.sales.order.OrderStatus.CANCELLED;
import static org.crmkit.core.sales.order.OrderStatus.CONFIRMED;
import static org.crmkit.core.sales.order.OrderStatus.CREATED;
import static org.crmkit.core.sales.order.OrderStatus.DELIVERED;
import static org.crmkit.core.sales.order.OrderStatus.SHIPPED;
import static org.crmkit.core.sales.order.OrderStatus.SUBMITTED;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class OrderStatusTest {

    @Test
    void theHappyPathGoesFromCreatedToDeliveredOneStepAtATime() {
        assertThat(CREATED.canTransitionTo(SUBMITTED)).isTrue();
        assertThat(SUBMITTED.canTransitionTo(CONFIRMED)).isTrue();
        assertThat(CONFIRMED.canTransitionTo(SHIPPED)).isTrue();
        assertThat(SHIPPED.canTransitionTo(DELIVERED)).isTrue();
    }

    @Test
    void anOrderIsNeverDeliveredBeforeItIsShipped() {
        for (OrderStatus s : EnumSet.complementOf(EnumSet.of(SHIPPED))) {
            assertThat(s.canTransitionTo(DELIVERED)).as("%s -> DELIVERED", s).isFalse();
        }
    }

    @Test
    void onlyOrdersNotYetShippedCanBeCancelled() {
        assertThat(EnumSet.allOf(OrderStatus.class)).filteredOn(s -> s.canTransitionTo(CANCELLED))
                .containsExactlyInAnyOrder(CREATED, SUBMITTED, CONFIRMED);
    }

    @Test
    void deliveredAndCancelledAreFinalAndNoStateMovesToItself() {
        assertThat(DELIVERED.isFinal()).isTrue();
        assertThat(CANCELLED.isFinal()).isTrue();
        for (OrderStatus s : OrderStatus.values()) {
            assertThat(s.canTransitionTo(s)).as("%s -> itself", s).isFalse();
            assertThat(s.canTransitionTo(CREATED)).as("%s -> CREATED", s).isFalse();
        }
    }
}
