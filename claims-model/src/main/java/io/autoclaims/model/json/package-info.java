/**
 * The contract's JSON: {@link io.autoclaims.model.json.ClaimCodec} reads claims strictly (unknown
 * fields, wrong types, coerced values and bytes that are not UTF-8 are error records naming the
 * dotted field path) and writes verdicts and error records; {@link io.autoclaims.model.json.JsonLinesReader}
 * cuts a JSON Lines stream into numbered lines with bounded memory.
 */
package io.autoclaims.model.json;
