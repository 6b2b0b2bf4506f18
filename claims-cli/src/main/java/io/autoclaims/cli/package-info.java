/**
 * The {@code claims} command line ({@code claims.jar}): {@link io.autoclaims.cli.ClaimsCli} with its
 * subcommands adjudicate, reevaluate, impact, check, test, explain and diff. It is an application,
 * not a library: it chooses the logging backend, which the other modules never do.
 */
package io.autoclaims.cli;
