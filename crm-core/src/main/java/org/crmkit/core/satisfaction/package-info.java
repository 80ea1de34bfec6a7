/**
 * Satisfaction surveys and their answers.
 *
 * @since 0.1
 */
package org.crmkit.core.satisfaction;
