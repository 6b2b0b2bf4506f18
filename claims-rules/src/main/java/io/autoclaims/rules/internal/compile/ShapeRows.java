package io.autoclaims.rules.internal.compile;

import io.autoclaims.rules.internal.run.SlotFacts;
import java.util.Iterator;
import org.drools.base.base.ValueResolver;
import org.drools.base.reteoo.BaseTuple;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.accessor.DataProvider;

/**
 * The {@code from $f.rows(n)} of a shape rule as plain Java: the rows the shape's index finds for the
 * fact. Drools' classic builder compiles every {@code from} to an MVEL expression, which builds a
 * variable factory on every evaluation (a tenth of the time per claim); {@link DroolsCompiler} puts
 * this provider in its place before the knowledge base is built. Drools still tests every constraint
 * of the rule on each row returned.
 */
final class ShapeRows implements DataProvider {
    private static final long serialVersionUID = 1L;

    private Declaration fact;
    private final int shape;

    ShapeRows(Declaration fact, int shape) {
        this.fact = fact;
        this.shape = shape;
    }

    @Override
    public Declaration[] getRequiredDeclarations() {
        return new Declaration[] {fact};
    }

    @Override
    public Object createContext() {
        return null;
    }

    @Override
    public Iterator<Object> getResults(BaseTuple tuple, ValueResolver resolver, Object context) {
        return ((SlotFacts) tuple.getObject(fact)).rows(shape).iterator();
    }

    @Override
    public DataProvider clone() {
        return new ShapeRows(fact, shape);
    }

    @Override
    public void replaceDeclaration(Declaration declaration, Declaration resolved) {
        if (fact.equals(declaration)) {
            fact = resolved;
        }
    }

    @Override
    public boolean isReactive() {
        return false;
    }
}
