package io.autoclaims.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * impact.html as a browser shows it: headless Chromium renders the hand-checked report; its DOM holds
 * the totals, and a screenshot is written. Runs in the Maven profile {@code chromium} only (on by
 * itself where /usr/bin/chromium exists; {@code scripts/install-chromium.sh} installs it).
 */
class ImpactPageChromium {
    @TempDir
    Path dir;

    private static String chromium(Path out, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("chromium", "/usr/bin/chromium"), "--headless",
                "--disable-gpu", "--no-first-run", "--hide-scrollbars"));
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.add("--no-sandbox"); // Chromium's sandbox refuses root (containers, CI)
        }
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish in 2 minutes");
        assertEquals(0, p.exitValue(), "chromium " + cmd);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void chromiumRendersTheTotals() throws Exception {
        Path in = ImpactRunTest.write(dir.resolve("backlog.jsonl"), ImpactRunTest.handCheckedBacklog());
        Path report = dir.resolve("report");
        ImpactRun.builder().oldRulebook(TestRulebooks.defaultRulebook())
                .newRulebook(ImpactRulebooks.term120WithoutAssistance()).input(in).reportDir(report).threads(2)
                .build().run();
        String url = report.resolve(ImpactReport.HTML).toUri().toString();

        String dom = chromium(dir.resolve("dom.html"), "--dump-dom", url);
        assertTrue(dom.contains("<td class=\"n\" id=\"lines\">10</td>"), dom);
        assertTrue(dom.contains("<td class=\"n\" id=\"changed\">5</td>"), dom);
        assertTrue(dom.contains("<td class=\"n\" id=\"old-payable\">4,630.00</td>"), dom);
        assertTrue(dom.contains("<td class=\"n\" id=\"new-payable\">20,600.00</td>"), dom);
        assertTrue(dom.contains("+15,970.00"), dom);
        assertTrue(dom.contains("规则变更影响分析"), "Chinese read as UTF-8");
        assertTrue(dom.contains("<svg id=\"by-type-chart\""), "the chart is inline SVG in the DOM");

        Path png = dir.resolve("impact.png");
        chromium(dir.resolve("shot.log"), "--window-size=1280,1600", "--screenshot=" + png, url);
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 10_000, "a real picture, " + bytes.length + " bytes");
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
        assertEquals('N', bytes[2]);
        assertEquals('G', bytes[3]);
    }
}
