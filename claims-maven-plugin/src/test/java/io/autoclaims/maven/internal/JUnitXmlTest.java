package io.autoclaims.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The scenario report stays well-formed XML whatever a cell holds, and counts as Surefire's does. */
class JUnitXmlTest {
    @TempDir
    Path dir;

    @Test
    void cellTextWithMarkupControlCharactersAndLoneSurrogatesIsWrittenAsTextInWellFormedXml() throws Exception {
        JUnitXml xml = new JUnitXml("rules.rulebook");
        String hostile = "SC-<b>&\"'\u0000\u0007\u001B[31m\uD800 末尾 \uD83D\uDE97";
        xml.add(new JUnitXml.Case("warranty.xlsx", hostile + " (warranty.xlsx!Scenarios 测试场景!A5)",
                "decision: expected DENIED, got APPROVED\nreasons: expected [X], got [Y]", null));
        xml.add(new JUnitXml.Case("warranty.xlsx", "SC-2", null, "not run"));
        xml.add(new JUnitXml.Case("row coverage", "row coverage >= 100%", null, null));
        Path file = xml.write(dir, 1.5);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = doc.getDocumentElement();
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals("1.500", suite.getAttribute("time"));
        Element first = (Element) doc.getElementsByTagName("testcase").item(0);
        assertEquals("SC-<b>&\"'\uFFFD\uFFFD\uFFFD[31m\uFFFD 末尾 \uD83D\uDE97 (warranty.xlsx!Scenarios 测试场景!A5)",
                first.getAttribute("name"));
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertEquals("decision: expected DENIED, got APPROVED", failure.getAttribute("message"));
        assertEquals("decision: expected DENIED, got APPROVED\nreasons: expected [X], got [Y]", failure.getTextContent());
        assertEquals("TEST-rules.rulebook.xml", file.getFileName().toString());
    }
}
