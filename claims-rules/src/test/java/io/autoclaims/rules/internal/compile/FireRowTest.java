package io.autoclaims.rules.internal.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.Decision;
import io.autoclaims.model.Verdict;
import io.autoclaims.rules.internal.run.Engine;
import io.autoclaims.rules.testing.Claims;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Every rule of a built network fires through {@link FireRow}: building the knowledge base wires each
 * rule's compiled MVEL consequence back in, and one left in place would be interpreted on every firing
 * (a fifth of the time per claim). Checked after claims ran, for rules of one row and for shape rules.
 */
class FireRowTest {
    private static final String FOLDER = "io/autoclaims/rules/default/";

    @Test
    void everyRuleOfTheShippedRulebookFiresThroughFireRowAfterClaimsRan() {
        for (int indexedMinRows : new int[] {DrlWriter.INDEXED_MIN_ROWS, 1}) {
            CompiledRulebook compiled = RulebookCompiler.compile(shippedWorkbooks(), indexedMinRows);
            Verdict verdict = new Engine(compiled).adjudicate(List.of(Claims.warranty().build())).get(0);
            assertEquals(Decision.APPROVED, verdict.decision(), verdict::toString);
            List<String> others = new ArrayList<>();
            int rules = 0;
            for (KiePackage pkg : compiled.kieBase().getKiePackages()) {
                for (Rule rule : pkg.getRules()) {
                    rules++;
                    if (!(((RuleImpl) rule).getConsequence() instanceof FireRow)) {
                        others.add(rule.getName() + ": " + ((RuleImpl) rule).getConsequence());
                    }
                }
            }
            assertTrue(rules > 0);
            assertEquals(List.of(), others, "rules firing through another consequence, tables of "
                    + indexedMinRows + "+ rows indexed");
            assertTrue(indexedMinRows != 1 || !compiled.drl().contains("\nrule \"Terms_6\""),
                    "every table compiled to shape rules");
        }
    }

    private static Map<String, byte[]> shippedWorkbooks() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : new String(read(FOLDER + "index.txt"), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            files.put(name, read(FOLDER + name));
        }
        return files;
    }

    private static byte[] read(String resource) {
        try (InputStream in = FireRowTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
