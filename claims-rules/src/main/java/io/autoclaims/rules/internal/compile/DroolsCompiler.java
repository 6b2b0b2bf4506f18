package io.autoclaims.rules.internal.compile;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.WorkbookIssue;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.From;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.RuleConditionElement;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.Message;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.builder.conf.ParallelRulesBuildThresholdOption;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles generated DRL with Drools (classic engine) and translates every build message back to the
 * workbook cell the offending line came from.
 *
 * <p>The DRL goes straight to a {@link KnowledgeBuilder} and its packages into a new knowledge base:
 * no KieFileSystem, generated pom, kmodule.xml or KieContainer, whose set-up (XStream, the Maven
 * model, the KieRepository) cost a cold JVM more than a second and gave nothing a rulebook uses. The
 * messages are the builder's own, as {@link Message}s, exactly as a KieBuilder reports them.
 */
public final class DroolsCompiler {
    /** Drools' {@code JavaDialectConfiguration.JAVA_COMPILER_PROPERTY}. */
    private static final String JAVA_COMPILER = "drools.dialect.java.compiler";
    private static final Pattern RULE_NAME = Pattern.compile("rule[ =':\\\"]*([A-Za-z][A-Za-z0-9_]*_\\d+)");

    private DroolsCompiler() {
    }

    /**
     * Networks by their DRL text, while some rulebook holds them: a rulebook whose rules are the text
     * of a live one (the same file loaded again, a version that changed only THEN values or texts)
     * gets that network rather than a compile of its own.
     */
    private static final Map<String, WeakReference<Network>> NETWORKS = new HashMap<>();
    private static final ReferenceQueue<Network> DROPPED = new ReferenceQueue<>();

    /** The network of that DRL: a live one of the same text, else compiled; null after adding the build's errors to {@code issues}. */
    static Network network(DrlWriter.Result drl, CellRef fallback, List<WorkbookIssue> issues) {
        Network live = liveNetwork(drl.drl());
        if (live != null) {
            return live;
        }
        KieBase kieBase = compile(drl, fallback, issues);
        if (kieBase == null) {
            return null;
        }
        synchronized (NETWORKS) {
            // another thread may have compiled the same text meanwhile: one network per text
            Network other = liveNetwork(drl.drl());
            if (other != null) {
                return other;
            }
            Network made = new Network(drl.drl(), kieBase);
            NETWORKS.put(drl.drl(), new Keyed(made, drl.drl()));
            return made;
        }
    }

    private static Network liveNetwork(String drl) {
        synchronized (NETWORKS) {
            for (Reference<? extends Network> r; (r = DROPPED.poll()) != null; ) {
                NETWORKS.remove(((Keyed) r).drl, r);
            }
            WeakReference<Network> ref = NETWORKS.get(drl);
            return ref == null ? null : ref.get();
        }
    }

    /** A weak reference that knows its key, so a collected network's entry can be removed. */
    private static final class Keyed extends WeakReference<Network> {
        final String drl;

        Keyed(Network network, String drl) {
            super(network, DROPPED);
            this.drl = drl;
        }
    }

    /** The knowledge base, or null after adding the build's errors to {@code issues}. */
    static KieBase compile(DrlWriter.Result drl, CellRef fallback, List<WorkbookIssue> issues) {
        // Drools finds its own services through the thread's context class loader; a host thread
        // whose context loader cannot see Drools (a plugin container, a pool thread) gets ours
        return withLibraryLoader(() -> build(drl, fallback, issues));
    }

    /** Runs a Drools call with this library's class loader as the thread's context loader. */
    public static <T> T withLibraryLoader(Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(DroolsCompiler.class.getClassLoader());
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    private static KieBase build(DrlWriter.Result drl, CellRef fallback, List<WorkbookIssue> issues) {
        ClassLoader loader = DroolsCompiler.class.getClassLoader();
        KnowledgeBuilderConfiguration configuration = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(loader);
        // Drools builds more than 10 rules on a static fork-join pool of its own, a JVM-wide set of
        // threads nothing can close; sequentially, a rulebook compiles as fast (measured on 2 cores) and
        // a load starts no thread; adjudications start Drools' one other pool (README, "Threads").
        configuration.setOption(ParallelRulesBuildThresholdOption.get(-1));
        // no rule has Java code to compile (FireRow): without this Drools looks for ECJ's classes on
        // every build, which loads them in a cold JVM
        configuration.setProperty(JAVA_COMPILER, "NATIVE");
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
        builder.add(ResourceFactory.newByteArrayResource(drl.drl().getBytes(StandardCharsets.UTF_8))
                .setSourcePath(DrlWriter.PACKAGE.replace('.', '/') + "/rulebook.drl"), ResourceType.DRL);
        List<Message> errors = new ArrayList<>();
        for (KnowledgeBuilderResult r : builder.getResults(ResultSeverity.ERROR)) {
            errors.add(r.asMessage(errors.size() + 1));
        }
        if (!errors.isEmpty()) {
            for (Message m : errors) {
                issues.add(WorkbookIssue.error("RULE_COMPILE_ERROR", locate(m, drl, fallback),
                        "Drools could not compile the rule made from this cell: " + m.getText().strip(),
                        "check the value typed here; if it looks right, report it with the rulebook").withZh(
                        "Drools 无法编译由此单元格生成的规则：" + m.getText().strip(),
                        "请检查此处填写的值；如果看起来没有问题，请连同规则集一起报告"));
            }
            return null;
        }
        plainFroms((KnowledgeBuilderImpl) builder, drl.shapes());
        // newKieBase() would take a default configuration, whose class loader is the context loader
        KieBase kieBase = ((KnowledgeBuilderImpl) builder).newKnowledgeBase(
                KieServices.get().newKieBaseConfiguration(null, loader));
        plainConsequences(kieBase, drl);
        return kieBase;
    }

    /**
     * Replaces each shape rule's MVEL {@code from $f.rows(n)} with {@link ShapeRows}, which makes the
     * same call in Java, before the rules are built into a network.
     */
    private static void plainFroms(KnowledgeBuilderImpl builder, List<RowShape> shapes) {
        Map<String, Integer> shapeOfRule = new HashMap<>();
        for (RowShape shape : shapes) {
            shapeOfRule.put(DrlWriter.shapeRuleName(shape), shape.id());
        }
        int replaced = 0;
        for (InternalKnowledgePackage pkg : builder.getPackages()) {
            for (Rule rule : pkg.getRules()) {
                Integer shape = shapeOfRule.get(rule.getName());
                if (shape != null) {
                    replaced += plainFrom(((RuleImpl) rule).getLhs(), shape);
                }
            }
        }
        if (replaced != shapes.size()) {
            throw new IllegalStateException("found " + replaced + " row sources for " + shapes.size() + " shape rules");
        }
    }

    /**
     * Replaces each rule's MVEL consequence with {@link FireRow}, in the knowledge base built: building
     * it wires the compiled MVEL consequences into the rules, over one set earlier. Every rule is either
     * a shape rule or a rule of one row: one left over is a bug.
     */
    private static void plainConsequences(KieBase kieBase, DrlWriter.Result drl) {
        Set<String> shapeRules = new HashSet<>();
        for (RowShape shape : drl.shapes()) {
            shapeRules.add(DrlWriter.shapeRuleName(shape));
        }
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Integer row = drl.ruleToRow().get(rule.getName());
                if (row == null && !shapeRules.contains(rule.getName())) {
                    throw new IllegalStateException("rule " + rule.getName() + " has no row to fire");
                }
                ((RuleImpl) rule).setConsequence(row == null ? FireRow.ofShape() : FireRow.of(row));
            }
        }
    }

    private static int plainFrom(RuleConditionElement element, int shape) {
        int replaced = 0;
        if (element instanceof org.drools.base.rule.Pattern pattern && pattern.getSource() instanceof From from) {
            Declaration[] needed = from.getDataProvider().getRequiredDeclarations();
            if (needed.length != 1) {
                throw new IllegalStateException("a shape rule's rows depend on " + needed.length + " declarations");
            }
            From plain = new From(new ShapeRows(needed[0], shape));
            // no result class: From then takes the pattern's, which Drools re-points to the declared
            // row type of the knowledge base it builds (the builder's own class would match no row)
            plain.setResultPattern(from.getResultPattern());
            pattern.setSource(plain);
            replaced++;
        }
        if (element instanceof GroupElement group) {
            for (RuleConditionElement child : group.getChildren()) {
                replaced += plainFrom(child, shape);
            }
        }
        return replaced;
    }

    private static CellRef locate(Message m, DrlWriter.Result drl, CellRef fallback) {
        // Drools reports the line where the pattern starts; each constraint sits on its own line below
        // it, so the constraint quoted in the message finds its cell.
        String[] lines = drl.drl().split("\n", -1);
        for (int i = Math.max(1, m.getLine()); i <= lines.length && i < m.getLine() + 200; i++) {
            String text = lines[i - 1].strip();
            if (text.equals("then") || text.equals("end")) {
                break;
            }
            String constraint = text.endsWith(",") ? text.substring(0, text.length() - 1) : text;
            if (!constraint.isEmpty() && m.getText().contains(constraint) && drl.lineToCell().containsKey(i)) {
                return drl.lineToCell().get(i);
            }
        }
        CellRef byLine = drl.lineToCell().get(m.getLine());
        if (byLine != null) {
            return byLine;
        }
        Matcher rule = RULE_NAME.matcher(m.getText());
        if (rule.find() && drl.ruleToCell().containsKey(rule.group(1))) {
            return drl.ruleToCell().get(rule.group(1));
        }
        return fallback;
    }
}
