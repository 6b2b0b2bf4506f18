package io.autoclaims.bench.probe;

import java.util.SplittableRandom;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A diagnostic for the claims-rules engine (not a JMH benchmark): does Drools index an equality on a
 * claim fact that a LINE rule reads through the nested accessor {@code claim.day}, as the library's
 * generated DRL does ({@code claim.periodStartDay == 16436})? Builds {@code days x 20} rules of the
 * form {@code ProbeLine(claim.day == D, system == "S")} and the same with the flattened
 * {@code day == D}, then times batches of 1,000 facts (insert, fireAllRules, delete) in one warm JVM.
 * If the nested form slows down with the rule count and the flat one does not, the nested constraint
 * is scanned, not hashed.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.autoclaims.bench.probe.AlphaIndexProbe 20 200
 * </pre>
 */
public final class AlphaIndexProbe {
    private static final String[] SYSTEMS = new String[20];

    static {
        for (int i = 0; i < SYSTEMS.length; i++) {
            SYSTEMS[i] = "S" + i;
        }
    }

    private AlphaIndexProbe() {
    }

    public static void main(String[] args) {
        String[] sizes = args.length > 0 ? args : new String[] {"20", "200"};
        for (String s : sizes) {
            int days = Integer.parseInt(s);
            for (boolean nested : new boolean[] {true, false}) {
                KieBase base = build(days, nested);
                double rate = measure(base, days);
                System.out.printf("%,6d rules, %s: %,.0f facts/s%n", days * SYSTEMS.length,
                        nested ? "claim.day == D (nested)" : "day == D (flat)   ", rate);
            }
        }
    }

    private static KieBase build(int days, boolean nested) {
        StringBuilder drl = new StringBuilder("package probe;\nimport " + ProbeLine.class.getName() + ";\n");
        int n = 0;
        for (int d = 0; d < days; d++) {
            for (String s : SYSTEMS) {
                drl.append("rule \"R_").append(n).append("\"\nwhen\n    $f : ProbeLine(hit == -1, ")
                        .append(nested ? "claim.day == " : "day == ").append(d).append(", system == \"").append(s)
                        .append("\")\nthen\n    $f.setHit(").append(n++).append(");\nend\n");
            }
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId id = ks.newReleaseId("io.autoclaims.bench", "probe", "1.0." + System.nanoTime());
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(id);
        kfs.write("src/main/resources/probe/rules.drl", drl.toString());
        KieBuilder kb = ks.newKieBuilder(kfs).buildAll();
        if (kb.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException(kb.getResults().toString());
        }
        KieBase base = ks.newKieContainer(id).getKieBase();
        ks.getRepository().removeKieModule(id);
        return base;
    }

    private static double measure(KieBase base, int days) {
        SplittableRandom r = new SplittableRandom(1);
        ProbeLine[] lines = new ProbeLine[100_000];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = new ProbeLine(new ProbeClaim(r.nextInt(days)), SYSTEMS[r.nextInt(SYSTEMS.length)]);
        }
        KieSession session = base.newKieSession();
        FactHandle[] handles = new FactHandle[1000];
        long facts = 0;
        long start = 0;
        long deadline = System.nanoTime() + 12_000_000_000L; // 4 s warm-up, then 8 s measured
        long warm = System.nanoTime() + 4_000_000_000L;
        for (int from = 0; System.nanoTime() < deadline; from = (from + 1000) % lines.length) {
            if (start == 0 && System.nanoTime() > warm) {
                start = System.nanoTime();
                facts = 0;
            }
            for (int i = 0; i < 1000; i++) {
                lines[from + i].setHit(-1);
                handles[i] = session.insert(lines[from + i]);
            }
            session.fireAllRules();
            for (int i = 0; i < 1000; i++) {
                session.delete(handles[i]);
                if (lines[from + i].getHit() < 0) {
                    throw new IllegalStateException("no rule fired for a line");
                }
            }
            facts += 1000;
        }
        session.dispose();
        return facts / ((System.nanoTime() - start) / 1e9);
    }
}
