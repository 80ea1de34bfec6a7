/**
 * The {@code crm} command-line tool, built with picocli: {@link org.crmkit.examples.cli.CrmCommand}
 * and its subcommands {@code demo} ({@link org.crmkit.examples.cli.DemoCommand}) and {@code export}
 * ({@link org.crmkit.examples.cli.ExportCommand}).
 *
 * <p>It is also an example of embedding crmkit: {@code demo} builds a {@code Crm} on an embedded H2
 * database through the JDBC adapter (creating and migrating the schema on first use) or on
 * in-memory storage, and {@code export} reads it back through the public API only.
 *
 * <p>{@code example} ({@link org.crmkit.examples.cli.ExampleCommand}) runs the four cases of the
 * course (domain §14) with the library on an in-memory {@code Crm}, one class per case
 * ({@code SuningCase}, {@code TiandiCase}, {@code PropertyCase}, {@code EcommerceCase}), described
 * in {@code docs/cases.md}.
 */
package org.crmkit.examples.cli;
