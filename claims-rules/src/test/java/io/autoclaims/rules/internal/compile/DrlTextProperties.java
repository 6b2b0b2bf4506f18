package io.autoclaims.rules.internal.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.testing.Hostile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * {@link DrlText#literal} is the one door for workbook text into DRL: whatever the text, Drools reads
 * the literal back as exactly that text, and nothing in it ends the string, the line or the rule.
 */
class DrlTextProperties {
    /** Hostile texts, plus every character class a DRL, MVEL or Java lexer treats specially. */
    static final List<String> HOSTILE = Stream.concat(Hostile.TEXTS.stream(), Stream.of(
            "\u000b", "\f", "\udfff", "\\u005c", "$1", "%s", "\u0001\u0002"))
            .filter(t -> t.indexOf('\0') < 0).toList();

    @Example
    void hostileTextsReadBackExactly() {
        assertRoundTrip(HOSTILE);
    }

    @Property(tries = 8)
    void anyTextReadsBackExactly(@ForAll("texts") @Size(min = 1, max = 60) List<String> texts) {
        assertRoundTrip(texts);
    }

    @Provide
    Arbitrary<List<String>> texts() {
        return Hostile.texts().filter(t -> t.indexOf('\0') < 0).list();
    }

    @Example
    void nulIsRefusedNotLost() {
        // MVEL drops NUL while resolving a literal's escapes: "a\0b" would match "ab"
        assertThrows(IllegalArgumentException.class, () -> DrlText.literal("a\u0000b"));
    }

    @Example
    void identifiersFollowTheGrammar() {
        assertEquals("Terms_7", DrlText.identifier("Terms_7"));
        for (String bad : List.of("", "7x", "a b", "a\nb", "a\"", "a-b", "a/*", "é", "x".repeat(65))) {
            assertThrows(IllegalArgumentException.class, () -> DrlText.identifier(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> DrlText.identifier(null));
    }

    @Example
    void literalsArePrintableAscii() {
        for (String text : HOSTILE) {
            String literal = DrlText.literal(text);
            assertTrue(literal.chars().allMatch(c -> c >= 0x20 && c < 0x7f), literal);
            String inside = literal.substring(1, literal.length() - 1);
            assertFalse(inside.contains("\"") || inside.contains("/") || inside.contains("*")
                    || inside.contains("$") || inside.contains("#"), literal);
        }
    }

    /** One rule per text, each matching a fact whose field equals its literal: rule i fires for fact i only. */
    private static void assertRoundTrip(List<String> texts) {
        StringBuilder drl = new StringBuilder("package probe;\n\ndeclare Probe\n    i : int\n    s : String\nend\n");
        for (int i = 0; i < texts.size(); i++) {
            drl.append("\nrule \"r").append(i).append("\"\nwhen\n    Probe(s == ").append(DrlText.literal(texts.get(i)))
                    .append(", $i : i)\nthen\n    hits.add(").append(i).append(" * 1000 + $i);\nend\n");
        }
        drl.append("\nglobal java.util.List hits;\n");
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(drl.toString().getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        assertFalse(builder.hasErrors(), () -> builder.getErrors() + "\n" + drl);
        KieBase base = builder.newKieBase();
        assertEquals(texts.size(), base.getKiePackage("probe").getRules().size());
        FactType probe = base.getFactType("probe", "Probe");
        KieSession session = base.newKieSession();
        try {
            List<Integer> hits = new ArrayList<>();
            session.setGlobal("hits", hits);
            for (int i = 0; i < texts.size(); i++) {
                Object fact = probe.newInstance();
                probe.set(fact, "i", i);
                probe.set(fact, "s", texts.get(i));
                session.insert(fact);
            }
            session.fireAllRules();
            List<Integer> expected = new ArrayList<>();
            for (int rule = 0; rule < texts.size(); rule++) {
                for (int fact = 0; fact < texts.size(); fact++) {
                    if (texts.get(rule).equals(texts.get(fact))) {
                        expected.add(rule * 1000 + fact);
                    }
                }
            }
            assertEquals(expected, hits.stream().sorted().toList(), () -> "texts " + texts);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        } finally {
            session.dispose();
        }
        assertTrue(Hostile.canaryQuiet());
    }
}
