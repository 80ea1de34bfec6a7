/**
 * The entry point: {@link org.crmkit.core.Crm}.
 */
package org.crmkit.core;
