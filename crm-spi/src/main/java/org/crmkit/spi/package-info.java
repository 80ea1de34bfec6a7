/**
 * The root exception types shared by every crmkit module.
 */
package org.crmkit.spi;
