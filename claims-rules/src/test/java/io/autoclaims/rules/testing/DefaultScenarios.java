package io.autoclaims.rules.testing;

import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Scenarios sheets of the shipped workbooks. Each scenario names a claim in the JSON Lines file
 * shipped next to the workbooks ({@code scenarios/warranty.jsonl#W-001}) and its expected verdict,
 * kept in {@code src/test/resources/default-scenarios/<name>.tsv}. {@link #main} records that file
 * from the current rulebook: run it after a deliberate policy change, and review the diff.
 */
public final class DefaultScenarios {
    private static final String RESOURCES = "claims-rules/src/main/resources/io/autoclaims/rules/default/";
    private static final String EXPECTED = "claims-rules/src/test/resources/default-scenarios/";

    private DefaultScenarios() {
    }

    /** Adds the "Scenarios 测试场景" sheet of one shipped workbook ({@code warranty}, ...). */
    public static void addTo(WorkbookBuilder wb, String name) {
        List<String[]> rows = expected(name);
        if (rows.isEmpty()) {
            return;
        }
        WorkbookBuilder.ReferenceBuilder s = wb.reference("Scenarios 测试场景")
                .title("Scenarios 测试场景 — the workbook's own tests: `claims test` runs them and reports row coverage")
                .note("Each row: a claim (JSON, or file.jsonl#claimId next to the workbook) and its expected verdict; "
                        + "blank means not checked. 每行一个测试索赔及其预期结论，留空表示不检查。")
                .column("ID 编号", 10).column("Claim 索赔", 34).column("Decision 结论", 20).column("Remedy 处理", 18)
                .column("Payable 赔付", 14).column("Reasons 理由代码", 50).column("Description 说明", 40);
        for (String[] r : rows) {
            s.row(r[0], r[1], r[2], r[3], new java.math.BigDecimal(r[4]), r[5], r.length > 6 ? r[6] : "");
        }
    }

    private static List<String[]> expected(String name) {
        try (InputStream in = DefaultScenarios.class.getResourceAsStream("/default-scenarios/" + name + ".tsv")) {
            if (in == null) {
                return List.of();
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records the expected verdicts: for each of warranty, insurance, assistance, every valid claim
     * of {@code scenarios/<name>.jsonl} adjudicated by the shipped rulebook. Run from the repository
     * root after the workbooks are regenerated.
     */
    public static void main(String[] args) throws IOException {
        Adjudicator adjudicator = Adjudicator.of(Rulebook.loadDefault());
        ClaimCodec codec = ClaimCodec.create();
        for (String name : List.of("warranty", "insurance", "assistance")) {
            String file = "scenarios/" + name + ".jsonl";
            String text = Files.readString(Path.of(RESOURCES + file));
            StringBuilder tsv = new StringBuilder("# ID\tClaim\tDecision\tRemedy\tPayable\tReasons\tDescription\n");
            try (Stream<ReadResult> lines = codec.readLines(new StringReader(text))) {
                for (ReadResult r : (Iterable<ReadResult>) lines::iterator) {
                    if (r instanceof ReadResult.Ok ok) {
                        Verdict v = adjudicator.adjudicate(ok.claim());
                        tsv.append(String.join("\t", "SC-" + ok.claim().claimId(), file + "#" + ok.claim().claimId(),
                                v.decision().name(), v.remedy().name(), v.payableCny().toPlainString(),
                                String.join(", ", v.reasonCodes()), "")).append('\n');
                    }
                }
            }
            Path out = Path.of(EXPECTED + name + ".tsv");
            Files.createDirectories(out.getParent());
            Files.writeString(out, tsv.toString());
            System.out.println("wrote " + out);
        }
    }
}
