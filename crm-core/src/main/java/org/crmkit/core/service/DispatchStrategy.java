package org.crmkit.core.service;

import java.util.List;

/**
 * Chooses the service agent a work order goes to (domain §10: "the system dispatches each work order
 * automatically, preferring staff with high customer satisfaction, with no manual step"). Registered
 * on the builder with {@code Crm.builder().dispatchStrategy(...)}; {@link #highestRated()} otherwise.
 *
 * <p>Whatever a strategy returns, {@link ServiceDesk} holds it to the hard rules: a chosen agent must
 * be available, have the work order's required skill and have spare capacity; a strategy that breaks
 * them is a programming error ({@link IllegalStateException}) and nothing is written.
 *
 * <p>Implementations must be thread-safe and side-effect free: they are called inside the unit of
 * work that opens or dispatches the work order, and must not reach storage.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface DispatchStrategy {

    /**
     * @param request    the work order to place; not null
     * @param candidates every registered agent of the tenant, available or not, in staff-id order;
     *                   not null, may be empty
     * @return the decision or the reason none was made; never null
     */
    DispatchOutcome dispatch(DispatchRequest request, List<AgentCandidate> candidates);

    /**
     * The default strategy. Among the agents who are available, have the required skill (if the work
     * order names one) and have fewer open work orders than their capacity, it chooses the one with
     * the highest {@linkplain AgentRating satisfaction rating}. Ties are broken fairly, in this order:
     * fewest work orders open now; then least recently assigned (never assigned first); then
     * staff id in ascending order, so the choice is always the same for the same facts. When no agent
     * qualifies, the outcome is {@linkplain DispatchOutcome#unassigned unassigned}, naming why each
     * agent could not take the work order.
     *
     * @return the default strategy; thread-safe
     */
    static DispatchStrategy highestRated() {
        return HighestRatedDispatch.INSTANCE;
    }
}
