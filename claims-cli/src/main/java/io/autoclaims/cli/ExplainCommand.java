package io.autoclaims.cli;

import io.autoclaims.batch.ReportJson;
import io.autoclaims.model.Claim;
import io.autoclaims.model.InvalidClaimException;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Explanation;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.UnsupportedClaimException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
            "how much. A JSON Lines backlog: pick the claim with --line N or --id CLAIM_ID."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:explained", "1:the claim breaks the contract (the error is printed)",
            "2:unusable arguments", "3:the rulebook does not load", "4:writing standard output failed"})
final class ExplainCommand implements Callable<Integer> {

    enum Lang { zh, en }

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--claim", required = true, paramLabel = "FILE",
            description = {"A file holding one claim as JSON, or a JSON Lines backlog with --line or --id;",
                "- for standard input."})
    String claim;

    @Option(names = "--line", paramLabel = "N",
            description = "Explain the claim on line N (1-based) of a JSON Lines backlog.")
    Long line;

    @Option(names = "--id", paramLabel = "CLAIM_ID",
            description = "Explain the claim with this claimId in a JSON Lines backlog (the first, if repeated).")
    String id;

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
        if (line != null && id != null) {
            return usage(err, "give --line or --id, not both", "--line 与 --id 只能选一个");
        }
        if (line != null && line < 1) {
            return usage(err, "--line counts from 1, got " + line, "--line 从 1 开始计数，实为 " + line);
        }
        String json;
        long lineNumber = 0;
        try {
            if (line != null || id != null) {
                Picked picked = line != null ? atLine(err) : withId(err);
                if (picked == null) {
                    return ClaimsCli.USAGE;
                }
                json = picked.text();
                lineNumber = picked.line();
            } else {
                json = claim.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(claim), StandardCharsets.UTF_8);
            }
        } catch (NoSuchFileException e) {
            return usage(err, "No such claim file: " + e.getFile(), "索赔文件不存在：" + e.getFile());
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
            err.println((lineNumber > 0 ? "line " + lineNumber + ": " : "") + ex.error().code() + " "
                    + ex.error().field() + ": " + ex.error().message());
            long lines = lineNumber > 0 ? 0 : json.lines().filter(l -> !l.isBlank()).count();
            if (lines > 1 && json.lines().filter(l -> !l.isBlank()).allMatch(l -> l.strip().startsWith("{"))) {
                // a backlog given where one claim was expected: say how to pick one
                err.println(claim + " holds " + lines + " lines of JSON Lines, one claim each: pick one with --line N "
                        + "or --id CLAIM_ID");
                err.println(claim + " 是 JSON Lines 文件，共 " + lines + " 行，每行一个索赔：请用 --line N 或 --id 索赔编号 选择其中一个");
            }
            err.flush();
            return 1;
        } catch (UnsupportedClaimException ex) {
            err.println(ex.error().code() + ": " + ex.error().message());
            err.flush();
            return 1;
        }
        if (format == Format.json) {
            out.println(ReportJson.explanation(e, ClaimCodec.create()));
        } else {
            out.print(e.toText(lang == Lang.zh ? io.autoclaims.rules.Lang.ZH : io.autoclaims.rules.Lang.EN));
        }
        out.flush();
        return 0;
    }

    /** One line of a backlog: its text and its 1-based number. */
    private record Picked(String text, long line) {
    }

    private BufferedReader open() throws IOException {
        return claim.equals("-") ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(claim), StandardCharsets.UTF_8);
    }

    /** Line {@link #line} of the backlog, read up to it and no further; null (reported) when it has fewer lines. */
    private Picked atLine(PrintWriter err) throws IOException {
        long n = 0;
        try (BufferedReader in = open()) {
            for (String l = nextLine(in); l != null; l = nextLine(in)) {
                if (++n == line) {
                    return new Picked(physical(l, n), n);
                }
            }
        }
        usage(err, claim + " has " + n + " line(s): there is no line " + line,
                claim + " 只有 " + n + " 行，没有第 " + line + " 行");
        return null;
    }

    /**
     * The first line of the backlog whose claimId is {@link #id}; null (reported) when none has it. A
     * repeated claimId (allowed in a backlog) is named with its lines, so that --line can pick another.
     */
    private Picked withId(PrintWriter err) throws IOException {
        ClaimCodec codec = ClaimCodec.create();
        Picked first = null;
        List<Long> others = new ArrayList<>();
        long n = 0;
        try (BufferedReader in = open()) {
            for (String l = nextLine(in); l != null; l = nextLine(in)) {
                n++;
                if (!l.contains(id) && l.indexOf('\\') < 0) {
                    continue; // neither the id as written nor a JSON escape that could spell it: not parsed
                }
                String text = physical(l, n);
                String found;
                try {
                    // the claimId as the batch reads it, escapes decoded; an unparsable line has none
                    ReadResult read = codec.readLine(l, n);
                    found = read instanceof ReadResult.Ok ok ? ok.claim().claimId()
                            : ((ReadResult.Failed) read).error().claimId();
                } catch (RuntimeException e) {
                    continue;
                }
                if (id.equals(found)) {
                    if (first == null) {
                        first = new Picked(text, n);
                    } else {
                        others.add(n);
                    }
                }
            }
        }
        if (first == null) {
            usage(err, "no claim in " + claim + " has the claimId " + id + " (" + n + " line(s) read)",
                    claim + " 中没有索赔编号为 " + id + " 的索赔（已读 " + n + " 行）");
            return null;
        }
        if (!others.isEmpty()) {
            err.println("claimId " + id + " is on line " + first.line() + " and on line(s) " + others
                    + ": explaining line " + first.line() + "; use --line N for another");
            err.println("索赔编号 " + id + " 出现在第 " + first.line() + " 行及第 " + others + " 行：说明第 " + first.line()
                    + " 行；其他行请用 --line N 选择");
            err.flush();
        }
        return first;
    }

    /**
     * The next physical line without its {@code \n}, or null at the end: split on {@code \n} only,
     * as the batch's reader (ClaimCodec.readLines) splits, so that --line N is the batch's line N (a
     * lone {@code \r} is JSON whitespace inside a line, not a line end; BufferedReader.readLine would
     * split there).
     */
    static String nextLine(java.io.Reader in) throws IOException {
        StringBuilder line = null;
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (line == null) {
                line = new StringBuilder();
            }
            if (c == '\n') {
                return line.toString();
            }
            line.append((char) c);
        }
        return line == null ? null : line.toString();
    }

    /** A physical line as a backlog reader takes it: no byte order mark on line 1, no trailing CR. */
    private static String physical(String l, long n) {
        String text = n == 1 && l.startsWith("\uFEFF") ? l.substring(1) : l;
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** An unusable argument, in English and Chinese. */
    private static int usage(PrintWriter err, String en, String zh) {
        err.println(en);
        err.println(zh);
        err.flush();
        return ClaimsCli.USAGE;
    }
}
