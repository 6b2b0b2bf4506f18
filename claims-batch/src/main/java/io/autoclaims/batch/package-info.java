/**
 * Re-evaluation of JSON Lines backlogs at scale: {@link io.autoclaims.batch.BacklogRun} streams a
 * backlog of any size through a rulebook on several threads, writes exactly one record per input line
 * in input order (the same bytes for any thread count), and with a checkpoint directory survives
 * {@code kill -9} and resumes exactly once; {@link io.autoclaims.batch.RunSummary} is what it returns,
 * {@link io.autoclaims.batch.ProgressListener} where its progress goes;
 * {@link io.autoclaims.batch.ImpactRun} compares two rulebooks on a backlog in one such pass and writes an
 * impact report ({@link io.autoclaims.batch.ImpactReport}) from a mergeable
 * {@link io.autoclaims.batch.ImpactAccumulator}. Seeded synthetic backlogs for tests and benchmarks
 * are {@code io.autoclaims.testkit.SyntheticBacklog}, in {@code claims-testkit}.
 */
package io.autoclaims.batch;
