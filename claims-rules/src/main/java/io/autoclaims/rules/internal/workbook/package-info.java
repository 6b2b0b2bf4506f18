/**
 * Reading a workbook: {@code WorkbookGuard} checks the zip before anything parses it, {@code FastXlsx}
 * (or POI, for what it declines) reads the cells into a {@code Grid}, and {@code WorkbookReader} types
 * every sheet into the table model, reporting each bad cell at its address.
 */
package io.autoclaims.rules.internal.workbook;
