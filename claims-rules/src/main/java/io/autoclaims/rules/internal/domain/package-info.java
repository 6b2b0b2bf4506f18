/**
 * Claim domains: {@code WarrantyDomain}, {@code InsuranceDomain} and {@code AssistanceDomain} (and
 * {@code CommonFacts}, shared by all three) declare the facts workbooks name, each once, with its
 * type, unit, meaning and the getter of the fact object that derives it; the fact catalogue, the
 * slots rows set and the properties Drools reads are built from these declarations. A domain also
 * holds its claim type's law (the articles the validator cites), formulas and settlement basis;
 * the numbers stay in the workbooks.
 *
 * <p>Adding a fact: write its getter on {@code ClaimFacts} or {@code LineFacts} (the derivation
 * Drools calls), declare it in its domain with that getter, and add its row to
 * {@code docs/workbook-format.md} ({@code ClaimDomainTest} fails for an undocumented fact).
 */
package io.autoclaims.rules.internal.domain;
