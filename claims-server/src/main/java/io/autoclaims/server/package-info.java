/**
 * The HTTP/JSON service ({@code claims serve}): {@link io.autoclaims.server.ClaimsServer} answers
 * verdicts, batches, explanations and rulebook checks with the command line's bytes; its contract is
 * {@code openapi.yaml}, served at {@code /openapi.yaml}.
 */
package io.autoclaims.server;
