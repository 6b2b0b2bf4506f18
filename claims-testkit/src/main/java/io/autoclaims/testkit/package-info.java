/**
 * For the tests of hosts and rule repositories, in test scope:
 * {@link io.autoclaims.testkit.WorkbookScenarios} turns the scenarios rule workbooks carry into JUnit 5
 * dynamic tests, {@link io.autoclaims.testkit.SyntheticBacklog} generates seeded, realistic JSON
 * Lines backlogs of any size, and {@link io.autoclaims.testkit.ServiceFaults} runs faults under load
 * against a running {@code claims serve}. The library's own modules carry no test types; JUnit is a dependency of
 * this module only.
 */
package io.autoclaims.testkit;
