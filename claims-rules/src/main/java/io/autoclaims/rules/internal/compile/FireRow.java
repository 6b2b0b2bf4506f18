package io.autoclaims.rules.internal.compile;

import io.autoclaims.rules.internal.run.SlotFacts;
import org.drools.base.base.ValueResolver;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.reteoo.BaseTuple;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.consequence.Consequence;
import org.drools.core.rule.consequence.KnowledgeHelper;

/**
 * A rule's {@code then $f.fire(n)} (or, for a shape rule, {@code $f.fire($row)}) as plain Java. The
 * rules are written in the MVEL dialect, which compiles a consequence without making classes: Drools'
 * Java dialect compiles each one with ECJ into classes, most of a cold JVM's load (1.7 s of 4.3 s
 * measured on 2 cores). MVEL would then interpret the call on every firing (22-35 % of the time per
 * claim), so {@link DroolsCompiler} puts this consequence in its place in the built knowledge base.
 */
final class FireRow implements Consequence<KnowledgeHelper> {
    static final String FACT = "$f";
    static final String ROW = "$row";

    /** The row's index, or -1 to read it from the shape rule's row fact. */
    private final int row;

    private FireRow(int row) {
        this.row = row;
    }

    /** The consequence of a rule of one row. */
    static FireRow of(int row) {
        if (row < 0) {
            throw new IllegalArgumentException("row index " + row);
        }
        return new FireRow(row);
    }

    /** The consequence of a shape rule, which fires the index of the row fact it matched. */
    static FireRow ofShape() {
        return new FireRow(-1);
    }

    @Override
    public String getName() {
        return RuleImpl.DEFAULT_CONSEQUENCE_NAME;
    }

    @Override
    public void evaluate(KnowledgeHelper helper, ValueResolver resolver) {
        // the terminal node's declarations carry this network's tuple offsets
        Declaration[] declarations = helper.getMatch().getTerminalNode().getRequiredDeclarations();
        BaseTuple tuple = helper.getTuple();
        SlotFacts facts = null;
        int index = row;
        for (Declaration d : declarations) {
            String name = d.getIdentifier();
            if (name.equals(FACT)) {
                facts = (SlotFacts) d.getValue(resolver, tuple.getObject(d));
            } else if (row < 0 && name.equals(ROW)) {
                index = (int) d.getWholeNumberValue(resolver, tuple.getObject(d));
            }
        }
        if (facts == null || index < 0) {
            throw new IllegalStateException("rule " + helper.getRule().getName() + " fired without "
                    + (facts == null ? FACT : ROW));
        }
        facts.fire(index);
    }
}
