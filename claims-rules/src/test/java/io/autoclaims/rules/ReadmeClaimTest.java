package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.Cause;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimLine;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.Incident;
import io.autoclaims.model.InputError;
import io.autoclaims.model.InvalidClaimException;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.RepairShop;
import io.autoclaims.model.ShopTier;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.Vehicle;
import io.autoclaims.model.json.ClaimCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's section "Building a claim in Java", run as the README has it: its three Java blocks are
 * the code between the markers below ({@link ReadmeSnippets}), so neither can change without the other.
 * The builder's claim is the codec's claim from the same JSON; what {@code build()} throws is what the
 * README's comments say, word for word; and each exception the README tells a host to catch reaches the
 * {@code catch} it names.
 */
class ReadmeClaimTest {
    private static final String SECTION = "### Building a claim in Java";

    @TempDir
    Path dir;

    /** The snippets' {@code log}: what they logged as warnings. */
    private final List<String> warned = new ArrayList<>();
    /** What the catching snippet did with the claim: stored, rejected or routed. */
    private final List<String> done = new ArrayList<>();

    private final Log log = new Log();

    /** The snippets' {@code log}. */
    final class Log {
        void warn(String line) {
            warned.add(line);
        }
    }

    private void store(Verdict verdict) {
        done.add("stored " + verdict.decision());
    }

    private void reject(String claimId, InputError error) {
        done.add("rejected " + claimId + " " + error.code() + " " + error.field());
    }

    private void route(Claim claim) {
        done.add("routed " + claim.claimId());
    }

    private static String exampleLine(String file) throws IOException {
        return Files.readAllLines(Path.of("..", "examples", "claims", file), StandardCharsets.UTF_8).get(0);
    }

    @Test
    void theReadmesSnippetsAreTheCodeThisTestRuns() throws IOException {
        assertEquals(ReadmeSnippets.block(SECTION, 0), ReadmeSnippets.code(getClass(), "building a claim"));
        assertEquals(ReadmeSnippets.block(SECTION, 1), ReadmeSnippets.code(getClass(), "what build() throws"));
        assertEquals(ReadmeSnippets.block(SECTION, 2), ReadmeSnippets.code(getClass(), "what to catch where"));
    }

    @Test
    void theBuiltClaimIsTheOneTheCodecReadsFromLine1OfTheWarrantyBacklog() throws IOException {
        String json = exampleLine("warranty.jsonl");
        // README building a claim: begin
        Claim claim = Claim.warranty("W-001")                    // or Claim.insurance(id), Claim.assistance(id)
                .submittedOn(LocalDate.of(2025, 3, 4))
                .vehicle(Vehicle.builder().vin("LSGKB54H8PA123456").purchasedOn(LocalDate.of(2023, 5, 10))
                        .odometerKm(28400).priceCny(new BigDecimal("149900.00")))
                .incident(Incident.builder().occurredOn(LocalDate.of(2025, 3, 2)).cause(Cause.QUALITY_DEFECT))
                .repairShop(new RepairShop("4S-SH-0231", true, ShopTier.DEALER_4S))
                .line(ClaimLine.builder().lineId("L1").system(PartSystem.ENGINE).part("气门室盖垫 valve cover gasket")
                        .problem("ENG-OIL-LEAK")
                        .repairCostCny(new BigDecimal("860.00")).replaceCostCny(new BigDecimal("1450.00")))
                .documents(DocumentCode.REPAIR_ORDER, DocumentCode.WARRANTY_CARD)
                .extension("dmsRoNo", "RO2503020142").extension("advisor", "王磊")
                .build();                                        // equals the claim on line 1 of examples/claims/warranty.jsonl

        Claim fromJson = ClaimCodec.create().readClaim(json);    // the same checks, the same InvalidClaimException
        // README building a claim: end
        assertEquals(fromJson, claim);
        assertEquals(new BigDecimal("860.00"), claim.lines().get(0).repairCostCny());
        assertEquals(new BigDecimal("1450.00"), claim.lines().get(0).replaceCostCny());
    }

    @Test
    void buildThrowsWhatTheReadmeSaysWithTheFieldsPath() throws IOException {
        // README what build() throws: begin
        ClaimLine.Builder gasket = ClaimLine.builder().lineId("L1").system(PartSystem.ENGINE)
                .part("气门室盖垫 valve cover gasket").repairCostCny(new BigDecimal("860.00")); // no replaceCostCny
        try {
            Claim.warranty("W-002").submittedOn(LocalDate.of(2025, 3, 4))
                    .vehicle(Vehicle.builder().vin("LSGKB54H8PA123456").purchasedOn(LocalDate.of(2023, 5, 10))
                            .odometerKm(28400))
                    .incident(Incident.builder().occurredOn(LocalDate.of(2025, 3, 2)).cause(Cause.QUALITY_DEFECT))
                    .repairShop(new RepairShop("4S-SH-0231", true, ShopTier.DEALER_4S))
                    .line(gasket)                                // passed unbuilt: checked at its place in the claim
                    .build();
        } catch (InvalidClaimException e) {
            InputError error = e.error();                        // the error record's code, field and message
            log.warn(error.code() + " " + error.field() + ": " + error.message());
            // MISSING_FIELD lines[0].replaceCostCny: required field "replaceCostCny" is missing
        }
        try {
            gasket.replaceCostCny(new BigDecimal("1450.00")).repairCostCny(new BigDecimal("-350.00")).build();
        } catch (InvalidClaimException e) {                      // built alone: paths of its own
            log.warn(e.getMessage());                            // code, field and message, as above
            // INVALID_FIELD repairCostCny: must be an amount >= 0 with at most 2 decimal places, got -350.00
        }
        // README what build() throws: end
        // each warning is the comment under the line that logs it, in the README as here
        List<String> block = ReadmeSnippets.block(SECTION, 1);
        List<String> said = new ArrayList<>();
        for (int i = 0; i < block.size() - 1; i++) {
            if (block.get(i).contains("log.warn(")) {
                said.add(block.get(i + 1).strip().substring("// ".length()));
            }
        }
        assertEquals(2, said.size(), block::toString);
        assertEquals(said, warned);
    }

    /** The README's catching snippet, with the folder it loads and the claim it adjudicates. */
    private void snippet(Path rulesFolder, Claim claim) {
        // README what to catch where: begin
        Rulebook rulebook;
        try {
            rulebook = Rulebook.load(rulesFolder);               // at start-up
        } catch (RulebookException e) {                          // workbooks that do not load: every problem at its cell
            e.errors().forEach(i -> log.warn(i + " / " + i.toStringZh()));
            throw e;                                             // nothing to adjudicate with: stop the start
        }
        Adjudicator adjudicator = Adjudicator.of(rulebook);

        try {
            store(adjudicator.adjudicate(claim));
        } catch (InvalidClaimException e) {                      // the claim breaks the contract: its sender's to fix
            reject(claim.claimId(), e.error());
        } catch (UnsupportedClaimException e) {                  // the rulebook has no rules for the claim's type
            route(claim);                                        // e.g. to a person
        }
        // README what to catch where: end
    }

    @Test
    void eachExceptionReachesTheCatchTheReadmeNames() throws IOException {
        Path warrantyOnly = Files.createDirectories(dir.resolve("warranty-only"));
        Files.write(warrantyOnly.resolve("warranty.xlsx"), Rulebook.defaultWorkbooks().get("warranty.xlsx"));
        ClaimCodec codec = ClaimCodec.create();
        Claim warranty = codec.readClaim(exampleLine("warranty.jsonl"));
        Claim insurance = codec.readClaim(exampleLine("insurance.jsonl"));

        snippet(warrantyOnly, warranty);
        // a claim made with the records' constructors is checked at adjudication: no lines at all
        snippet(warrantyOnly, warranty.withLines(List.of()));
        snippet(warrantyOnly, insurance);
        assertEquals(List.of("stored APPROVED", "rejected W-001 INVALID_FIELD lines", "routed I-001"), done);
        assertTrue(warned.isEmpty(), warned::toString);

        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("warranty.xlsx"), "not a workbook");
        assertThrows(RulebookException.class, () -> snippet(broken, warranty));
        assertEquals(1, warned.size(), warned::toString);
        assertTrue(warned.get(0).startsWith("warranty.xlsx") && warned.get(0).contains(" / "), warned.get(0));
    }
}
