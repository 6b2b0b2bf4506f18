package io.autoclaims.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoclaims.model.Cause;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimLine;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.Incident;
import io.autoclaims.model.LineVerdict;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.Reason;
import io.autoclaims.model.RepairShop;
import io.autoclaims.model.ShopTier;
import io.autoclaims.model.Vehicle;
import io.autoclaims.model.Verdict;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a dealer management system (DMS) embeds the claims library.
 *
 * <ol>
 *   <li>load the default rulebook once and build one {@link Adjudicator} for the whole process;</li>
 *   <li>adjudicate a claim the DMS builds in Java from its repair order;</li>
 *   <li>adjudicate a claim that arrives as JSON (e.g. from the dealer portal);</li>
 *   <li>run a JSON Lines backlog (night batch) and count the decisions.</li>
 * </ol>
 *
 * <p>Run from the repository root: {@code mvn -q -pl examples exec:java}, or with arguments
 * {@code -Dexec.args="examples/claims/warranty.jsonl path/to/rules"}: {@code args[0]} is the backlog
 * (default {@code examples/claims/warranty.jsonl}), the optional {@code args[1]} a rulebook file or
 * folder to check and swap in at the end.
 */
public final class DealerSystemExample {

    /** The sample backlog, relative to the repository root. */
    static final String DEFAULT_BACKLOG = "examples/claims/warranty.jsonl";

    private DealerSystemExample() {
    }

    public static void main(String[] args) throws IOException {
        // Loading compiles the workbooks with Drools: seconds, not milliseconds. Do it once at startup.
        Rulebook rulebook = Rulebook.loadDefault();
        // One adjudicator for the whole DMS: it is thread-safe, so every service thread shares it.
        Adjudicator adjudicator = Adjudicator.of(rulebook);
        System.out.printf("Rulebook 规则集: %s %s (fingerprint %s)%n",
                rulebook.name(), rulebook.version(), shortFingerprint(rulebook.fingerprint()));

        // 1. A claim built in Java, as the DMS would from its repair order (任务委托书).
        System.out.println();
        System.out.println("== 1. Claim built in Java ==");
        Verdict verdict = adjudicator.adjudicate(claimFromRepairOrder());
        print(verdict);

        // 2. A claim that arrives as JSON text. Bad input gives an error record, never an exception,
        // so a portal can hand the answer straight back to the sender.
        System.out.println();
        System.out.println("== 2. Claim as JSON ==");
        System.out.println(adjudicator.adjudicateJson(JSON_CLAIM));

        // 3. The night batch: one output line per input line (verdict or error record), in order.
        Path backlog = resolveBacklog(args.length > 0 ? args[0] : null);
        System.out.println();
        System.out.println("== 3. Backlog " + backlog + " ==");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written;
        try (InputStream in = Files.newInputStream(backlog)) {
            // bytes in, UTF-8 records out: a line that is not UTF-8 gets its error record like any other
            written = adjudicator.adjudicateJsonLines(in, out);
        }
        Map<String, Integer> counts = countByDecision(out.toString(StandardCharsets.UTF_8));
        System.out.println(written + " records written");
        counts.forEach((decision, n) -> System.out.printf("  %-18s %3d%n", decision, n));

        // 4. A policy analyst published a new workbook: swap it in without restarting the DMS.
        // swap(...) loads it, runs the check and the workbook's own scenarios on it, and only then
        // switches: calls in flight finish with the old rulebook, the next calls use the new one.
        // Anything wrong throws, listing each problem at its cell, and the running rulebook stays.
        // adjudicator.rollback() returns to the previous one; RulebookWatcher does this on every save.
        //
        //     adjudicator.swap(Path.of("/srv/dms/rules/"));
        if (args.length > 1) {
            System.out.println();
            try {
                Rulebook previous = adjudicator.swap(Path.of(args[1]));
                Rulebook next = adjudicator.rulebook();
                System.out.printf("== 4. Swapped rulebook %s %s -> %s %s ==%n",
                        previous.name(), previous.version(), next.name(), next.version());
            } catch (RulebookException e) {
                System.out.println("== 4. Rulebook refused, the running one stays 规则集被拒绝，继续使用原规则集 ==");
                e.errors().forEach(issue -> System.out.println("  " + issue.toStringZh()));
            }
        }
    }

    /**
     * A DMS claim: a BEV whose drive-motor bearing howls at 14 months; repaired at a 4S shop. Every
     * field is named (the two costs cannot be swapped unnoticed); {@code build()} checks the claim as
     * the JSON codec would and throws {@code InvalidClaimException} naming the field.
     */
    static Claim claimFromRepairOrder() {
        return Claim.warranty("DMS-RO-20251124-0087")
                .submittedOn(LocalDate.of(2025, 11, 25))
                .vehicle(Vehicle.builder()
                        .vin("LRWYGCEK1RC418205")
                        .purchasedOn(LocalDate.of(2024, 9, 26))      // purchase invoice date 购车发票日期
                        .deliveredOn(LocalDate.of(2024, 9, 28))      // delivered 交付日期: the warranty starts here
                        .odometerKm(23_480)                          // odometer at the failure
                        .priceCny(new BigDecimal("231900.00"))      // only needed for 三包 replacement or refund
                        .warrantyRegistered(true))                   // the warranty card is waived
                .incident(Incident.builder().occurredOn(LocalDate.of(2025, 11, 24)).cause(Cause.QUALITY_DEFECT))
                .repairShop(new RepairShop("4S-SH-0560", true, ShopTier.DEALER_4S))
                .line(ClaimLine.builder().lineId("L1").system(PartSystem.DRIVE_MOTOR)
                        .part("驱动电机轴承 drive-motor bearing").problem("EDU-BEARING-NOISE")
                        .repairCostCny(new BigDecimal("3850.00")).replaceCostCny(new BigDecimal("21600.00")))
                .line(ClaimLine.builder().lineId("L2").system(PartSystem.ACCESSORY)
                        .part("加装脚垫 after-market floor mats").repairable(false)
                        .repairCostCny(BigDecimal.ZERO).replaceCostCny(new BigDecimal("399.00")))
                .documents(DocumentCode.REPAIR_ORDER)
                .extension("dmsRoNo", "RO20251124-0087")
                .build();
    }

    /** The same kind of claim as a dealer portal would post it. */
    static final String JSON_CLAIM = """
            {"claimId":"PORTAL-7731","type":"WARRANTY","submittedOn":"2025-12-02",\
            "vehicle":{"vin":"LSGKB54H8JA123456","purchasedOn":"2023-03-18","odometerKm":61200},\
            "incident":{"occurredOn":"2025-12-01","cause":"QUALITY_DEFECT"},\
            "repairShop":{"id":"4S-SH-0231","authorized":true,"tier":"DEALER_4S"},\
            "lines":[{"lineId":"L1","system":"ENGINE","part":"油底壳垫 oil pan gasket",\
            "problem":"ENG-OIL-LEAK","repairCostCny":740.00,"replaceCostCny":1280.00}],\
            "documents":["REPAIR_ORDER"]}""";

    static void print(Verdict v) {
        System.out.printf("%s: %s (%s), remedy %s, payable %s CNY, customer pays %s CNY%n",
                v.claimId(), v.decision(), v.decision().zh(), v.remedy(), v.payableCny(), v.customerPaysCny());
        for (LineVerdict line : v.lines()) {
            System.out.printf("  %s covered=%s %s %s CNY%n", line.lineId(), line.covered(), line.remedy(),
                    line.payableCny());
        }
        if (!v.missingDocuments().isEmpty()) {
            System.out.println("  missing documents: " + v.missingDocuments());
        }
        // Every reason names the workbook row that produced it, so the advisor can show the customer
        // the Chinese text and the policy team can trace it back to a cell.
        for (Reason r : v.reasons()) {
            System.out.printf("  [%s %s] %s%n      %s%n", r.ruleId(), r.code(), r.text(), r.textEn());
        }
    }

    /**
     * The backlog path: the argument if given, else the sample, found from the repository root (exec
     * plugin) or from the examples module (surefire runs tests there).
     */
    static Path resolveBacklog(String arg) {
        if (arg != null) {
            return Path.of(arg);
        }
        Path fromRoot = Path.of(DEFAULT_BACKLOG);
        if (Files.exists(fromRoot)) {
            return fromRoot;
        }
        Path fromModule = Path.of("claims/warranty.jsonl");
        return Files.exists(fromModule) ? fromModule : fromRoot;
    }

    /** Decision counts of a JSON Lines output; error records count as {@code ERROR}. */
    static Map<String, Integer> countByDecision(String jsonLines) {
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> counts = new TreeMap<>();
        jsonLines.lines().forEach(line -> {
            try {
                JsonNode node = json.readTree(line);
                String key = node.has("error") ? "ERROR" : node.get("decision").asText();
                counts.merge(key, 1, Integer::sum);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return counts;
    }

    private static String shortFingerprint(String fingerprint) {
        return fingerprint.length() > 12 ? fingerprint.substring(0, 12) + "…" : fingerprint;
    }
}
