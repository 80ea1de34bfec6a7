package org.crmkit.spi.fulfillment;

/**
 * The back office (an ERP) that fulfils the CRM's orders: the CRM hands it an order with
 * {@link #submit(FulfillmentRequest)}, and the back office later reports what became of it as
 * {@link FulfillmentUpdate}s, which the host passes to the CRM's orders service
 * ({@code org.crmkit.core.sales.order.Orders#applyUpdate}). The back office never calls the CRM
 * through this interface.
 *
 * <p><b>Idempotency.</b> The CRM calls {@code submit} outside its own transactions and retries
 * after a failure or a lost answer, so the same order can be submitted more than once, possibly
 * from several threads at once. An implementation must be idempotent by
 * ({@link FulfillmentRequest#tenant()}, {@link FulfillmentRequest#orderId()}): a second
 * submission of an order creates nothing new in the back office and answers with the same
 * {@link FulfillmentReceipt#backOfficeReference()} as the first. The same holds for
 * {@link #cancel(FulfillmentCancellation)}.
 *
 * <p><b>Thread safety.</b> Implementations are thread-safe. Methods never return null. Register
 * an implementation explicitly with the CRM; there is no discovery.
 *
 * <p>Vendors check an implementation with the contract tests of {@code crm-tck}
 * ({@code org.crmkit.tck.fulfillment.OrderFulfillmentContract}).
 *
 * @since 0.1
 */
public interface OrderFulfillment {

    /**
     * Hands an order to the back office, or, if it already has it, answers as it did the first
     * time. Idempotent by tenant and order id (see the class comment).
     *
     * @param request the order; not null
     * @return the back office's receipt with its reference for the order; never null
     * @throws FulfillmentException if the back office cannot take the order now; it may or may not
     *                              have taken it, and the caller may submit the same request again
     */
    FulfillmentReceipt submit(FulfillmentRequest request);

    /**
     * Asks the back office to stop fulfilling an order it was given. When this returns normally,
     * the back office will not ship the order; it may still report the cancellation as a
     * {@link FulfillmentUpdate}, which the CRM then ignores as already applied. Idempotent: a
     * second cancellation of the same order returns normally. Cancelling an order the back office
     * never received returns normally too (there is nothing to stop).
     *
     * <p>The default refuses every cancellation: a back office without this hook takes
     * cancellations only on its own side, and reports them as updates.
     *
     * @param cancellation which order and why; not null
     * @throws FulfillmentException if the back office cannot, or no longer can, stop the order (for
     *                              example because it has shipped); the order is then not cancelled
     */
    default void cancel(FulfillmentCancellation cancellation) {
        throw new FulfillmentException("this back office takes no cancellations from the CRM; order "
                + cancellation.orderId() + " of tenant " + cancellation.tenant() + " was not cancelled");
    }
}
