/**
 * Backlog re-evaluation and impact reports on Apache Spark, with the same records as the local runs:
 * {@link io.autoclaims.spark.ClaimsSpark} for Datasets, {@link io.autoclaims.spark.SparkImpact} for
 * impact reports, {@link io.autoclaims.spark.SparkCli} for {@code spark-submit}. The rulebook travels
 * to the executors as its workbooks' bytes and is compiled once per executor JVM.
 */
package io.autoclaims.spark;
