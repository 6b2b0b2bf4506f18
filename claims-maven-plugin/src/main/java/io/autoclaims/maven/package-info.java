/**
 * The goals of {@code claims-maven-plugin}, the build gate of a rule repository: {@code check}
 * (validate), {@code rulebook} (process-classes: the rulebook jar's content and manifest),
 * {@code test} (the workbooks' scenarios, row coverage, JUnit XML) and {@code impact} (verify, against
 * a released rulebook over a backlog).
 */
package io.autoclaims.maven;
