package io.autoclaims.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes {@code impact.csv} row by row (the changed lines can be millions: never held together).
 * UTF-8 with a byte order mark (Excel and WPS otherwise read it as GBK and garble the Chinese),
 * RFC 4180 (comma, CRLF, quotes doubled), a bilingual header row. Text cells are neutralised against
 * formula injection ({@link Reports#csvText}); line numbers and money are written as plain numbers
 * ({@code -1234.50}), never quoted, so that they stay numbers an analyst can sum and sort: a number
 * is not a formula, the risk is only in text.
 */
final class ImpactCsv implements AutoCloseable {
    /** The header, English column name then Chinese, in one cell each. */
    static final List<String> HEADER = List.of("line 行号", "claim_id 理赔单号", "type 类型",
            "old_decision 原结论", "new_decision 新结论", "old_error 原错误", "new_error 新错误",
            "old_remedy 原处理方式", "new_remedy 新处理方式", "old_payable_cny 原应付金额",
            "new_payable_cny 新应付金额", "delta_cny 差额", "changed 变化项",
            "reasons_appeared 新增原因代码", "reasons_disappeared 消失原因代码",
            "rules_appeared 新增规则行", "rules_disappeared 消失规则行");
    /** Appended to {@link #HEADER} when a side is a rulebook history: the version each side's verdict came from. */
    static final List<String> VERSIONS = List.of("old_version 原版本", "new_version 新版本");

    private final Writer out;
    private final boolean versions;

    ImpactCsv(OutputStream out) throws IOException {
        this(out, false);
    }

    /** With {@code versions}, two more columns: the history version behind each side's verdict. */
    ImpactCsv(OutputStream out, boolean versions) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.versions = versions;
        this.out.write('\uFEFF');
        List<String> header = new java.util.ArrayList<>(HEADER);
        if (versions) {
            header.addAll(VERSIONS);
        }
        writeRow(header.stream().map(Reports::csvText).toList());
    }

    void write(ImpactRow r) throws IOException {
        List<String> cells = new java.util.ArrayList<>(List.of(Long.toString(r.line()), Reports.csvText(r.claimId()),
                Reports.csvText(r.type() == null ? "" : r.type().name()),
                Reports.csvText(r.oldStatus().name()), Reports.csvText(r.newStatus().name()),
                Reports.csvText(r.oldError()), Reports.csvText(r.newError()),
                Reports.csvText(r.oldRemedy() == null ? "" : r.oldRemedy().name()),
                Reports.csvText(r.newRemedy() == null ? "" : r.newRemedy().name()),
                Reports.plain(r.oldPayable()), Reports.plain(r.newPayable()), Reports.plain(r.delta()),
                Reports.csvText(String.join("; ", r.changed())),
                Reports.csvText(String.join("; ", r.reasonsAppeared())),
                Reports.csvText(String.join("; ", r.reasonsDisappeared())),
                Reports.csvText(r.rulesAppeared().stream().map(ImpactRow.Rule::toString).collect(Collectors.joining("; "))),
                Reports.csvText(r.rulesDisappeared().stream().map(ImpactRow.Rule::toString)
                        .collect(Collectors.joining("; ")))));
        if (versions) {
            cells.add(Reports.csvText(r.oldVersion()));
            cells.add(Reports.csvText(r.newVersion()));
        }
        writeRow(cells);
    }

    private void writeRow(List<String> cells) throws IOException {
        out.write(String.join(",", cells));
        out.write("\r\n");
    }

    void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
