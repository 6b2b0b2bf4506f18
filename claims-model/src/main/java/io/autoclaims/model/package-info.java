/**
 * The claims contract ({@code claims-contract.md}) as immutable records and enums: what a host sends
 * ({@link io.autoclaims.model.Claim} and its parts) and what it gets back
 * ({@link io.autoclaims.model.Verdict} with its {@link io.autoclaims.model.Reason}s, or an
 * {@link io.autoclaims.model.ErrorRecord}). Money is {@link java.math.BigDecimal} in CNY with 2
 * decimals ({@link io.autoclaims.model.Money}); every enum constant carries its Chinese name
 * ({@link io.autoclaims.model.Labelled}). {@link io.autoclaims.model.ClaimChecks} applies the
 * contract's rules that the types cannot hold to claims built in Java.
 */
package io.autoclaims.model;
