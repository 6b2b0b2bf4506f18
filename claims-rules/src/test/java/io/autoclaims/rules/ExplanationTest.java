package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.json.ClaimCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Explanation#toText} renders what {@code claims explain} printed before the rendering moved
 * into the library: the expected texts are the command's output for this claim, byte for byte.
 */
class ExplanationTest {
    static final String CLAIM = "{\"claimId\":\"W-EX\",\"type\":\"WARRANTY\",\"submittedOn\":\"2024-05-21\","
            + "\"vehicle\":{\"vin\":\"LSGKB54H8JA123456\",\"purchasedOn\":\"2021-01-10\",\"odometerKm\":103200,"
            + "\"warrantyRegistered\":true},"
            + "\"incident\":{\"occurredOn\":\"2023-12-20\",\"cause\":\"QUALITY_DEFECT\"},"
            + "\"repairShop\":{\"id\":\"4S-SH-001\",\"authorized\":true,\"tier\":\"DEALER_4S\"},"
            + "\"lines\":[{\"lineId\":\"L1\",\"system\":\"STEERING\",\"part\":\"转向机总成\",\"repairCostCny\":1800.00,"
            + "\"replaceCostCny\":6200.00}],\"documents\":[\"REPAIR_ORDER\"]}";

    static final String ENGLISH = """
            Claim W-EX (WARRANTY): DENIED, NONE, payable 0.00 CNY
              WARRANTY_EXPIRED W5-02 (Coverage 保修范围 row 10): Warranty expired by distance: 103200 km driven, 3200 km over the 100000 km term
            Table by table:
              Regimes 三包规定: matched RG-01 (row 6) on period.start = 2021-01-10
                  not RG-02 (row 7): requires period.start >= 2022-01-01; the claim has 2021-01-10 (off by 356)
              Claim checks 索赔审核: no row matched
                  not W1-01 (row 6): requires shop.authorized FALSE; the claim has true
              Terms 保修期限 [L1]: matched T-04 (row 9)
                  not T-01 (row 6): requires line.system TRACTION_BATTERY, DRIVE_MOTOR; the claim has STEERING
                  not T-02 (row 7): requires line.system WEAR_PART; the claim has STEERING
                  not T-03 (row 8): requires line.system LOW_VOLTAGE_BATTERY; the claim has STEERING
              Coverage 保修范围 [L1]: matched W5-02 (row 10) on line.kmOverTerm = 3200 km
                  not W7-01 (row 11): matches too, but an earlier row decided first
                  not W5-01 (row 9): requires line.monthsOverTerm > 0; the claim has 0 months
                  not W2-01 (row 6): requires line.cause MISUSE, UNAUTHORIZED_MODIFICATION, IMPROPER_MAINTENANCE, IMPROPER_HANDLING, FORCE_MAJEURE, NORMAL_WEAR, DELIBERATE; the claim has QUALITY_DEFECT
            """;

    static final String CHINESE = """
            索赔 W-EX (WARRANTY): DENIED, NONE, 赔付 0.00 元
              WARRANTY_EXPIRED W5-02 (Coverage 保修范围 第 10 行): 保修里程已超：行驶 103200 公里，超出 100000 公里的保修里程 3200 公里
            逐表说明：
              Regimes 三包规定: 命中 RG-01 (第 6 行)，依据 period.start = 2021-01-10
                  未命中 RG-02 (第 7 行): 要求 period.start >= 2022-01-01，实际为 2021-01-10（相差 356）
              Claim checks 索赔审核: 无规则命中
                  未命中 W1-01 (第 6 行): 要求 shop.authorized FALSE，实际为 true
              Terms 保修期限 [L1]: 命中 T-04 (第 9 行)
                  未命中 T-01 (第 6 行): 要求 line.system TRACTION_BATTERY, DRIVE_MOTOR，实际为 STEERING
                  未命中 T-02 (第 7 行): 要求 line.system WEAR_PART，实际为 STEERING
                  未命中 T-03 (第 8 行): 要求 line.system LOW_VOLTAGE_BATTERY，实际为 STEERING
              Coverage 保修范围 [L1]: 命中 W5-02 (第 10 行)，依据 line.kmOverTerm = 3200 公里
                  未命中 W7-01 (第 11 行): 条件也都符合，但前面的规则已先命中
                  未命中 W5-01 (第 9 行): 要求 line.monthsOverTerm > 0，实际为 0 个月
                  未命中 W2-01 (第 6 行): 要求 line.cause MISUSE, UNAUTHORIZED_MODIFICATION, IMPROPER_MAINTENANCE, IMPROPER_HANDLING, FORCE_MAJEURE, NORMAL_WEAR, DELIBERATE，实际为 QUALITY_DEFECT
            """;

    private static Explanation explanation;

    @BeforeAll
    static void explain() {
        explanation = Adjudicator.of(Rulebook.loadDefault()).explain(ClaimCodec.create().readClaim(CLAIM));
    }

    @Test
    void theTextIsWhatClaimsExplainPrinted() {
        assertEquals(ENGLISH, explanation.toText(Lang.EN));
        assertEquals(CHINESE, explanation.toText(Lang.ZH));
    }

    @Test
    void toStringIsTheEnglishTextNotARecordDump() {
        assertEquals(ENGLISH, explanation.toString());
    }

    @Test
    void everyRowThatFiredHasTheCellOfItsRuleId() {
        Rulebook rulebook = Rulebook.loadDefault();
        for (RuleRef r : explanation.fired()) {
            CellRef cell = rulebook.ruleCell(r.table(), r.row()).orElseThrow(() -> new AssertionError(r.toString()));
            assertEquals("warranty.xlsx", cell.workbook(), r.toString());
            assertEquals(r.table(), cell.sheet(), r.toString());
            assertTrue(cell.cell().matches("[A-Z]+" + r.row()), cell.toString());
        }
        assertEquals("warranty.xlsx!Coverage 保修范围!A10", rulebook.ruleCell("Coverage 保修范围", 10).orElseThrow().toString());
        assertTrue(rulebook.ruleCell("Coverage 保修范围", 1).isEmpty(), "the header row is no rule row");
        assertTrue(rulebook.ruleCell("No such sheet", 10).isEmpty());
    }

    @Test
    void aLanguageIsRequired() {
        assertEquals("lang", assertThrows(NullPointerException.class, () -> explanation.toText(null)).getMessage());
    }
}
