/**
 * The rulebook as read and typed: workbooks, tables, columns, rule rows with their conditions, outputs
 * and reason templates, over facts of known value types. Immutable; what analysis, compilation and the
 * run all read.
 */
package io.autoclaims.rules.internal.table;
