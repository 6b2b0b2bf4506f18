/**
 * The claims contract ({@code claims-contract.md}) as immutable records and enums: claims in,
 * verdicts and error records out.
 *
 * <h2>Making a claim</h2>
 * Build one with its builder, {@link io.autoclaims.model.Claim#warranty Claim.warranty(id)},
 * {@link io.autoclaims.model.Claim#insurance Claim.insurance(id)} or
 * {@link io.autoclaims.model.Claim#assistance(String) Claim.assistance(id)}, nested objects from
 * {@code Vehicle.builder()}, {@code Incident.builder()}, {@code ClaimLine.builder()} and the like, or
 * read one from JSON with {@link io.autoclaims.model.json.ClaimCodec}. Both check the same rules in the
 * same order and report the same error record for the same mistake.
 *
 * <h2>Where each rule is checked</h2>
 * <ul>
 * <li><b>A record's constructor rejects only a null in a required component</b> (a
 * {@link java.lang.NullPointerException} naming it), and applies the contract's defaults to optional
 * components left null. It checks nothing else, so that any record can be made, e.g. by a test or
 * by a host mapping its own data.
 * <li><b>Every other rule of the contract</b> (lengths, amounts, ranges, dates JSON can hold, unique
 * line ids, what each claim type requires) is an {@link io.autoclaims.model.InvalidClaimException}
 * carrying the error record's content: thrown by a builder's {@code build()} and by
 * {@code ClaimCodec.readClaim}, written as an error record by the JSON Lines paths, returned by
 * {@link io.autoclaims.model.ClaimChecks#firstProblem} and by the adjudicator for a claim made in
 * Java ({@code claims-rules}).
 * <li><b>A programming error</b> is the JDK's exception, never a contract error: a null argument
 * of a method or a builder's setter is a {@link java.lang.NullPointerException} whose message names
 * the parameter; an argument out of its range an {@link java.lang.IllegalArgumentException}.
 * </ul>
 *
 * <h2>Exceptions</h2>
 * Every exception the library throws for a reason of its own is a
 * {@link io.autoclaims.model.ClaimsException} (unchecked): {@link io.autoclaims.model.InvalidClaimException}
 * here; {@code UnsupportedClaimException}, {@code RulebookException} and {@code OutputFailedException}
 * in {@code claims-rules}; {@code CheckpointMismatchException} in {@code claims-batch};
 * {@code RulebookMismatchException} in {@code claims-spark}.
 */
package io.autoclaims.model;
