/**
 * The Spring Boot starter of autoclaims: auto-configured {@link io.autoclaims.rules.Rulebook} and
 * {@link io.autoclaims.rules.Adjudicator} beans ({@link io.autoclaims.spring.boot.AutoclaimsProperties}),
 * folder watching through the checked swap, an Actuator health indicator, and Micrometer meters
 * recorded by {@link io.autoclaims.spring.boot.MeasuredAdjudicator}. Works on Spring Boot 3.5 and 4.0.
 */
package io.autoclaims.spring.boot;
