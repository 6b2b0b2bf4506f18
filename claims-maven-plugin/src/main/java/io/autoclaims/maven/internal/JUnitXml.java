package io.autoclaims.maven.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A test report in the format of Maven Surefire ({@code TEST-*.xml} under
 * {@code target/surefire-reports}), which every CI reads: one {@code testcase} per scenario, a
 * {@code failure} with the fields that differ, an {@code error} for one that could not run.
 */
public final class JUnitXml {
    /** One test case. */
    public record Case(String className, String name, String failure, String error) {
    }

    private final String suite;
    private final List<Case> cases = new ArrayList<>();

    /**
     * An empty report.
     *
     * @param suite the suite's name (the file is {@code TEST-<suite>.xml})
     */
    public JUnitXml(String suite) {
        this.suite = suite;
    }

    /**
     * Adds a case.
     *
     * @param c the case
     */
    public void add(Case c) {
        cases.add(c);
    }

    /**
     * Writes {@code TEST-<suite>.xml} into a folder, whole or not at all (a temporary file renamed).
     *
     * @param folder  the reports folder, created when missing
     * @param seconds how long the whole run took (a scenario's own time is not measured)
     * @return the file written
     * @throws IOException when it cannot be written
     */
    public Path write(Path folder, double seconds) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("TEST-" + suite + ".xml");
        Path tmp = folder.resolve("TEST-" + suite + ".xml.tmp");
        long failures = cases.stream().filter(c -> c.failure() != null).count();
        long errors = cases.stream().filter(c -> c.error() != null).count();
        try (OutputStream out = Files.newOutputStream(tmp)) {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", xml(suite));
            x.writeAttribute("tests", Integer.toString(cases.size()));
            x.writeAttribute("failures", Long.toString(failures));
            x.writeAttribute("errors", Long.toString(errors));
            x.writeAttribute("skipped", "0");
            x.writeAttribute("time", seconds(seconds));
            for (Case c : cases) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", xml(c.className()));
                x.writeAttribute("name", xml(c.name()));
                if (c.failure() != null) {
                    element(x, "failure", c.failure());
                }
                if (c.error() != null) {
                    element(x, "error", c.error());
                }
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file, e);
        }
        return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        String firstLine = text.lines().findFirst().orElse("");
        x.writeStartElement(name);
        x.writeAttribute("message", xml(firstLine));
        x.writeAttribute("type", "io.autoclaims.rules.ScenarioFailure");
        x.writeCharacters(xml(text));
        x.writeEndElement();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    /**
     * The text with every character XML 1.0 cannot hold (control characters, lone surrogates) replaced
     * by U+FFFD: a cell may hold any of them, and one of them would make the whole report unreadable.
     */
    static String xml(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                s.append(c).append(text.charAt(++i));
            } else if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD) {
                s.append(c);
            } else {
                s.append('\uFFFD');
            }
        }
        return s.toString();
    }
}
