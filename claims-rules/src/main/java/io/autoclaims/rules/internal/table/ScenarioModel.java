package io.autoclaims.rules.internal.table;

import io.autoclaims.model.Decision;
import io.autoclaims.model.Remedy;
import io.autoclaims.rules.CellRef;
import java.math.BigDecimal;
import java.util.List;

/**
 * One test scenario of a workbook's Scenarios sheet: a claim (inline JSON or {@code file.jsonl#id})
 * and what its verdict must be; a blank expectation is not checked. {@code claimCell} is where a
 * problem with the claim file it names is reported.
 */
public record ScenarioModel(String workbook, String sheet, int row, String id, String claim, Decision decision,
        Remedy remedy, BigDecimal payable, List<String> reasons, String description, CellRef idCell,
        CellRef claimCell) {
}
