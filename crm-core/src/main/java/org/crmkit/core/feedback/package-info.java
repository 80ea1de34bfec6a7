/**
 * Feedback from customers (comments, complaints, product ideas), traced back to the campaign that started the loop.
 *
 * @since 0.1
 */
package org.crmkit.core.feedback;
