package io.autoclaims.bench.table;

import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.WorkbookIssue;
import io.autoclaims.rules.internal.compile.RulebookCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Where this library's load time goes, for the comparison table at each size (a diagnostic, not a JMH
 * benchmark; one warm JVM, so it shows the split, not cold times). Phases: reading the workbook with
 * POI into typed tables (the library's internal reader), the whole {@link Rulebook#fromWorkbooks}
 * (read, validate, write DRL, compile), and Drools alone compiling the DRL the rulebook generated.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.autoclaims.bench.table.LoadBreakdown 400 4000 10000
 * </pre>
 */
public final class LoadBreakdown {
    private LoadBreakdown() {
    }

    public static void main(String[] args) {
        String[] sizes = args.length > 0 ? args : new String[] {"400", "4000", "10000"};
        // warm the code paths once on a small table, so the first size is not also the cold one
        measure(400, false);
        for (String s : sizes) {
            measure(Integer.parseInt(s), true);
        }
    }

    private static void measure(int rows, boolean print) {
        TermsTable table = TermsTable.generate(rows, DecisionTableBenchmark.TABLE_SEED);
        byte[] workbook = AutoclaimsWorkbook.write(table);
        Map<String, byte[]> files = Map.of(AutoclaimsWorkbook.FILE, workbook);

        long t0 = System.nanoTime();
        List<WorkbookIssue> issues = new ArrayList<>();
        RulebookCompiler.read(files, issues);
        long t1 = System.nanoTime();
        Rulebook rulebook = Rulebook.fromWorkbooks(files);
        long t2 = System.nanoTime();
        String drl = rulebook.toDrl();
        long t3 = System.nanoTime();
        compileDrl(drl);
        long t4 = System.nanoTime();
        if (print) {
            System.out.printf("%,6d rows (%,d bytes xlsx, %,d chars DRL): read with POI %,d ms; Rulebook.fromWorkbooks %,d ms;"
                            + " of which Drools compiling the generated DRL alone %,d ms%n", rows, workbook.length,
                    drl.length(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t4 - t3) / 1_000_000);
        }
    }

    private static KieBase compileDrl(String drl) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId id = ks.newReleaseId("io.autoclaims.bench", "drl", "1.0." + System.nanoTime());
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(id);
        kfs.write("src/main/resources/io/autoclaims/generated/rulebook.drl", drl);
        KieBuilder kb = ks.newKieBuilder(kfs, LoadBreakdown.class.getClassLoader()).buildAll();
        if (kb.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException(kb.getResults().toString());
        }
        KieBase base = ks.newKieContainer(id, LoadBreakdown.class.getClassLoader()).getKieBase();
        ks.getRepository().removeKieModule(id);
        return base;
    }
}
