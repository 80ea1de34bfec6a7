/**
 * Implementations of the SPI that keep everything in memory, for tests, labs and examples:
 * {@link org.crmkit.core.memory.InMemoryStorage} and {@link org.crmkit.core.memory.InMemoryChannel}.
 */
package org.crmkit.core.memory;
