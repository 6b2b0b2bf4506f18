package io.autoclaims.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.autoclaims.model.Claim;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.InvalidClaimException;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Explanation;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.TableTrace;
import io.autoclaims.rules.UnsupportedClaimException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claims explain}: why one claim got its verdict, table by table, and why not the other rows. */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "Explains one claim: its verdict, every table consulted, the row that matched with the values",
            "it matched on, and for the rows that did not, the nearest ones and which condition failed by",
            "how much."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:explained", "1:the claim breaks the contract (the error is printed)",
            "2:unusable arguments", "3:the rulebook does not load"})
final class ExplainCommand implements Callable<Integer> {

    enum Lang { zh, en }

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--claim", required = true, paramLabel = "FILE",
            description = "A file holding one claim as JSON, or - for standard input.")
    String claim;

    @Mixin
    RulesOption rules;

    @Option(names = "--lang", defaultValue = "en", description = "zh or en (default) for text output.")
    Lang lang;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String json;
        try {
            json = claim.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(claim), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("No such claim file: " + e.getFile());
            err.flush();
            return ClaimsCli.USAGE;
        }
        Rulebook rulebook = rules.load(err);
        if (rulebook == null) {
            return ClaimsCli.RULEBOOK;
        }
        Explanation e;
        try {
            Claim c = ClaimCodec.create().readClaim(json.strip());
            e = Adjudicator.of(rulebook).explain(c);
        } catch (InvalidClaimException ex) {
            err.println(ex.error().code() + " " + ex.error().field() + ": " + ex.error().message());
            err.flush();
            return 1;
        } catch (UnsupportedClaimException ex) {
            err.println(ex.error().code() + ": " + ex.error().message());
            err.flush();
            return 1;
        }
        if (format == Format.json) {
            out.println(new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writeValueAsString(e));
        } else {
            print(out, e, lang == Lang.zh);
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, Explanation e, boolean zh) {
        Verdict v = e.verdict();
        out.printf("%s %s (%s): %s, %s, %s %s%n", zh ? "索赔" : "Claim", v.claimId(), v.type(), v.decision(),
                v.remedy(), zh ? "赔付" : "payable", v.payableCny().toPlainString());
        for (Reason r : v.reasons()) {
            out.printf("  %s %s (%s %s %d%s): %s%n", r.code(), r.ruleId(), r.table(), zh ? "第" : "row", r.row(),
                    zh ? " 行" : "", zh ? r.text() : r.textEn());
        }
        out.println(zh ? "逐表说明：" : "Table by table:");
        for (TableTrace t : e.tables()) {
            String where = t.table() + (t.lineId() == null ? "" : " [" + t.lineId() + "]");
            if (t.matched().isEmpty()) {
                out.printf("  %s: %s%n", where, zh ? "无规则命中" : "no row matched");
            }
            for (TableTrace.Match m : t.matched()) {
                String on = m.values().stream().map(x -> x.fact() + " = " + x.value()).collect(Collectors.joining(", "));
                out.printf("  %s: %s %s (%s %d%s)%s%n", where, zh ? "命中" : "matched", m.ruleId(), zh ? "第" : "row",
                        m.row(), zh ? " 行" : "", on.isEmpty() ? "" : (zh ? "，依据 " : " on ") + on);
            }
            for (TableTrace.NearMiss n : t.nearest()) {
                String why = n.failed().stream().map(f -> (zh ? "要求 " : "requires ") + f.fact() + " " + f.condition()
                        + (zh ? "，实际为 " : "; the claim has ") + f.actual()
                        + (f.shortBy() == null || f.shortBy().signum() == 0 ? ""
                                : (zh ? "（相差 " : " (off by ") + f.shortBy().toPlainString()
                                + (zh ? "）" : ")")))
                        .collect(Collectors.joining("; "));
                if (n.failed().isEmpty()) {
                    why = zh ? "条件也都符合，但前面的规则已先命中" : "matches too, but an earlier row decided first";
                }
                out.printf("      %s %s (%s %d%s): %s%n", zh ? "未命中" : "not", n.ruleId(), zh ? "第" : "row", n.row(),
                        zh ? " 行" : "", why);
            }
        }
    }
}
