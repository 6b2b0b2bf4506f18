package io.autoclaims.rules.internal;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.WorkbookIssue;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles generated DRL with Drools (classic engine) and translates every build message back to the
 * workbook cell the offending line came from.
 */
final class DroolsCompiler {
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern RULE_NAME = Pattern.compile("rule[ =':\\\"]*([A-Za-z][A-Za-z0-9_]*_\\d+)");

    private DroolsCompiler() {
    }

    /** The knowledge base, or null after adding the build's errors to {@code issues}. */
    static KieBase compile(DrlWriter.Result drl, CellRef fallback, List<WorkbookIssue> issues) {
        KieServices ks = KieServices.Factory.get();
        ClassLoader loader = DroolsCompiler.class.getClassLoader();
        // a release id per build: several rulebooks in one JVM must not replace each other
        ReleaseId id = ks.newReleaseId("io.autoclaims.generated", "rulebook", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(id);
        kfs.write("src/main/resources/" + DrlWriter.PACKAGE.replace('.', '/') + "/rulebook.drl", drl.drl());
        KieBuilder builder = ks.newKieBuilder(kfs, loader).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
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
        KieContainer container = ks.newKieContainer(id, loader);
        KieBase base = container.getKieBase();
        ks.getRepository().removeKieModule(id);
        return base;
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
