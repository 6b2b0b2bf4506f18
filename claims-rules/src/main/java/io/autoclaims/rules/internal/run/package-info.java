/**
 * Adjudication: {@code Engine} puts batches of claims through the compiled stages in one Drools session,
 * as the fact objects the rules match ({@code ClaimFacts}, {@code LineFacts}, named in
 * {@code FactCatalog}); {@code Settlement} turns the rows that fired into a verdict, {@code Traces} into
 * an explanation.
 */
package io.autoclaims.rules.internal.run;
