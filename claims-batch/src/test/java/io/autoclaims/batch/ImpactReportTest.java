package io.autoclaims.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Money;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.RulebookInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The report writers on hostile input: formula injection and quoting in the CSV, escaping in the page. */
class ImpactReportTest {

    /** Claim ids a hostile or careless export may hold. */
    static final List<String> HOSTILE_IDS = List.of("=HYPERLINK(\"http://evil.example/x\",\"点我 click\")", "+1", "-2",
            "@SUM(A1)", "\tTAB", "\rCR", "a,b", "say \"hi\"", "two\nlines", "<script>alert(1)</script>",
            "</td></tr></table><img src=x onerror=alert(1)>", "&amp; ' \" 理赔", "ok-W-001");

    private static ImpactRow row(long line, String claimId, String ruleTable, String amount) {
        return new ImpactRow(line, claimId, ClaimType.WARRANTY, ImpactStatus.DENIED, ImpactStatus.APPROVED, Remedy.NONE,
                Remedy.REPAIR, null, null, Money.ZERO, new BigDecimal(amount), List.of("decision", "payable", "rules"),
                List.of("COVERED_REPAIR"), List.of("=WARRANTY_EXPIRED"),
                List.of(new ImpactRow.Rule("W7-01", ruleTable, 11, "L1")),
                List.of(new ImpactRow.Rule("-W5-01", ruleTable, 9, claimId)));
    }

    private static List<ImpactRow> hostileRows() {
        List<ImpactRow> rows = new ArrayList<>();
        for (int i = 0; i < HOSTILE_IDS.size(); i++) {
            rows.add(row(i + 1, HOSTILE_IDS.get(i), "Coverage 保修范围", i % 2 == 0 ? "860.00" : "-1234.50"));
        }
        return rows;
    }

    /** RFC 4180, strictly: quoted cells with doubled quotes, CRLF record ends, nothing else special. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i += 2;
                } else if (c == '"') {
                    quoted = false;
                    i++;
                } else {
                    cell.append(c);
                    i++;
                }
            } else if (c == '"') {
                assertEquals(0, cell.length(), "a quote inside an unquoted cell at " + i);
                quoted = true;
                i++;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                i++;
            } else if (c == '\r') {
                assertEquals('\n', text.charAt(i + 1), "CR outside quotes only as CRLF, at " + i);
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else {
                assertTrue(c != '\n', "a bare LF outside quotes at " + i);
                cell.append(c);
                i++;
            }
        }
        assertFalse(quoted, "unterminated quote");
        assertEquals(0, cell.length() + record.size(), "the last record ends with CRLF");
        return records;
    }

    @Test
    void csvNeutralisesFormulasQuotesByRfc4180AndKeepsMoneyNumeric() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImpactReport.writeCsv(hostileRows().stream(), out);
        byte[] bytes = out.toByteArray();
        assertEquals(0xEF, bytes[0] & 0xFF, "UTF-8 byte order mark");
        assertEquals(0xBB, bytes[1] & 0xFF);
        assertEquals(0xBF, bytes[2] & 0xFF);
        List<List<String>> records = parseCsv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));

        assertEquals(1 + HOSTILE_IDS.size(), records.size());
        assertEquals(ImpactCsv.HEADER, records.get(0));
        assertEquals("claim_id 理赔单号", records.get(0).get(1));
        for (int i = 0; i < HOSTILE_IDS.size(); i++) {
            List<String> r = records.get(i + 1);
            assertEquals(ImpactCsv.HEADER.size(), r.size(), "cells of row " + (i + 1));
            String id = HOSTILE_IDS.get(i);
            char first = id.charAt(0);
            boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
            assertEquals(formula ? "'" + id : id, r.get(1), "claim id, read back exactly");
            for (String cell : r) {
                if (!cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0) {
                    throw new AssertionError("a cell that a spreadsheet would run: " + cell);
                }
            }
            assertEquals(String.valueOf(i + 1), r.get(0));
            // money stays a number: a negative delta is written -1234.50, not '-1234.50
            assertEquals(i % 2 == 0 ? "860.00" : "-1234.50", r.get(11));
            assertTrue(r.get(11).matches("-?\\d+\\.\\d{2}"), r.get(11));
            assertEquals("'=WARRANTY_EXPIRED", r.get(14), "reason cells are neutralised too");
            assertEquals("'-W5-01 (Coverage 保修范围 row 9, " + id + ")", r.get(16));
        }
    }

    private static ImpactSummary hostileSummary() {
        ImpactAccumulator acc = ImpactAccumulator.create(50);
        RulebookInfo info = new RulebookInfo("<b>rules</b> & \"co\"", "2026.1'", "abc<def>");
        ImpactSummary base = acc.summary(info, info);
        List<ImpactRow> rows = hostileRows();
        List<ImpactSummary.RuleImpact> byRule = List.of(new ImpactSummary.RuleImpact("<W7-01>", "<Coverage>&", 11, 3, 3, 0,
                new BigDecimal("12345.67")));
        return new ImpactSummary(info, info, 123_456, 7, 5, 6, rows.size(), new BigDecimal("1000000.00"),
                new BigDecimal("1012345.67"), base.transitions(), base.byType(), byRule,
                new ImpactSummary.Group(2, new BigDecimal("-5.00")), rows, 50);
    }

    @Test
    void htmlIsOneWellFormedSelfContainedPageWithEveryInputStringEscaped() throws Exception {
        ImpactSummary s = hostileSummary();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImpactReport.writeHtml(s, out);
        String html = out.toString(StandardCharsets.UTF_8);

        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), html.substring(0, 60));
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        for (String banned : List.of("<script", "<link", "@import", "url(", "<img", "<iframe", "<object", "<embed")) {
            assertFalse(lower.contains(banned), "the page must not contain " + banned);
        }
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "script text shown, escaped");
        assertTrue(html.contains("=HYPERLINK(&quot;"), "quotes escaped");
        assertTrue(html.contains("&amp;amp; &#39; &quot; 理赔"));
        assertTrue(html.contains("&lt;b&gt;rules&lt;/b&gt; &amp; &quot;co&quot;"), "the rulebook name is escaped");

        // a real parser: the JDK's XML parser reads the page (it is polyglot markup); no external entity is resolved
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setExpandEntityReferences(false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        assertEquals("html", doc.getDocumentElement().getTagName());
        assertEquals(1, doc.getElementsByTagName("style").getLength());
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        // nothing to fetch, nothing to run: no src / href / event attribute, no URL in any attribute (the hostile
        // ids hold "http://" and "src=" only as escaped text)
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            org.w3c.dom.NamedNodeMap attrs = all.item(i).getAttributes();
            for (int k = 0; k < attrs.getLength(); k++) {
                String name = attrs.item(k).getNodeName().toLowerCase(java.util.Locale.ROOT);
                String value = attrs.item(k).getNodeValue().toLowerCase(java.util.Locale.ROOT);
                assertFalse(name.equals("src") || name.equals("href") || name.startsWith("on") || name.startsWith("xmlns")
                        || value.contains("http") || value.contains("javascript:"), name + "=" + value);
            }
        }
        assertEquals(1, doc.getElementsByTagName("svg").getLength());
        assertEquals("123,456", byId(doc, "lines").getTextContent());
        assertEquals("7", byId(doc, "error-lines").getTextContent());
        assertEquals(String.valueOf(HOSTILE_IDS.size()), byId(doc, "changed").getTextContent());
        assertEquals("1,000,000.00", byId(doc, "old-payable").getTextContent());
        assertEquals("1,012,345.67", byId(doc, "new-payable").getTextContent());
        assertEquals("+12,345.67", byId(doc, "delta").getTextContent());
        // every hostile claim id is in the largest-changes table as text, exactly (XML normalises a lone CR)
        Element largest = byId(doc, "largest");
        NodeList rows = largest.getElementsByTagName("tr");
        assertEquals(1 + HOSTILE_IDS.size(), rows.getLength());
        for (int i = 0; i < HOSTILE_IDS.size(); i++) {
            String cell = ((Element) rows.item(i + 1)).getElementsByTagName("td").item(1).getTextContent();
            assertEquals(HOSTILE_IDS.get(i).replace("\r", "\n"), cell);
        }
        assertEquals("<W7-01>", ((Element) byId(doc, "by-rule").getElementsByTagName("td").item(0)).getTextContent());
    }

    @Test
    void controlCharactersCannotBreakThePage() throws Exception {
        ImpactRow bad = row(1, "id\u0000with\u0001controls\uD800", "t", "1.00");
        ImpactSummary base = ImpactAccumulator.create(5).summary(new RulebookInfo("n", "v", "f"), new RulebookInfo("n", "v", "f"));
        ImpactSummary s = new ImpactSummary(base.oldRulebook(), base.newRulebook(), 1, 0, 0, 0, 1, Money.ZERO,
                new BigDecimal("1.00"), base.transitions(), base.byType(), List.of(), base.unattributed(), List.of(bad), 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImpactReport.writeHtml(s, out);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        assertTrue(doc.getDocumentElement().getTextContent().contains("id\uFFFDwith\uFFFDcontrols\uFFFD"));
    }

    @Test
    void accumulatorsMergeToTheSameSummaryInAnyGrouping() {
        List<ImpactRow> rows = hostileRows();
        RulebookInfo info = new RulebookInfo("n", "v", "f");
        ImpactAccumulator whole = ImpactAccumulator.create(4);
        ImpactAccumulator left = ImpactAccumulator.create(4);
        ImpactAccumulator right = ImpactAccumulator.create(4);
        for (ImpactRow r : rows) {
            Outcome old = Outcome.error(new io.autoclaims.model.InputError("X", null, "m"));
            Outcome neu = Outcome.error(new io.autoclaims.model.InputError(r.line() % 3 == 0 ? "Y" : "X", null, "m"));
            whole.add(r.line(), r.claimId(), ClaimType.ASSISTANCE, old, neu);
            (r.line() % 2 == 0 ? left : right).add(r.line(), r.claimId(), ClaimType.ASSISTANCE, old, neu);
        }
        ImpactSummary a = whole.summary(info, info);
        ImpactSummary b = ImpactAccumulator.create(4).merge(right).merge(left).summary(info, info);
        assertEquals(a, b);
        assertEquals(4, a.changed(), "lines 3, 6, 9, 12 changed their error code");
        assertEquals(List.of(3L, 6L, 9L, 12L), a.largest().stream().map(ImpactRow::line).toList());
        assertEquals(List.of("error"), a.largest().get(0).changed());
        assertEquals(new ImpactSummary.Group(4, new BigDecimal("0.00")), a.unattributed());
        assertEquals(List.of(), Stream.of(a.byRule()).flatMap(List::stream).toList());
    }

    private static Element byId(Document doc, String id) {
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("no element with id " + id);
    }
}
