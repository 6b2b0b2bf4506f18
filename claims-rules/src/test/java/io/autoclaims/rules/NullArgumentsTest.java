package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.Assessment;
import io.autoclaims.model.AssistanceRequest;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimLine;
import io.autoclaims.model.Driver;
import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.Incident;
import io.autoclaims.model.InputError;
import io.autoclaims.model.Policy;
import io.autoclaims.model.PriorRepair;
import io.autoclaims.model.RulebookInfo;
import io.autoclaims.model.Vehicle;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.JsonLinesReader;
import io.autoclaims.model.json.RawLines;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.testing.PublicApi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.Checksum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public constructor and method of the public packages of {@code claims-model} and
 * {@code claims-rules}, found by reflection, called with null in each reference parameter in turn
 * (valid values in the others): it must throw a {@link NullPointerException} whose message is the
 * parameter's name (the build compiles with {@code -parameters}), or, for a list or array whose
 * element is null, starts with it. The exceptions, each with its reason, are in {@link #NULLABLE}.
 */
class NullArgumentsTest {
    private static final String CLAIM = "{\"claimId\":\"W-1\",\"type\":\"WARRANTY\",\"submittedOn\":\"2024-05-21\","
            + "\"vehicle\":{\"vin\":\"LSGKB54H8JA123456\",\"purchasedOn\":\"2023-01-10\",\"odometerKm\":22000},"
            + "\"incident\":{\"occurredOn\":\"2024-05-20\",\"cause\":\"QUALITY_DEFECT\"},"
            + "\"repairShop\":{\"id\":\"4S-SH-001\",\"authorized\":true,\"tier\":\"DEALER_4S\"},"
            + "\"lines\":[{\"lineId\":\"L1\",\"system\":\"BRAKE\",\"part\":\"制动主缸\",\"repairCostCny\":950.00,"
            + "\"replaceCostCny\":2100.00}],\"documents\":[\"REPAIR_ORDER\",\"WARRANTY_CARD\"]}";

    /**
     * The parameters that may be null, as {@code Type#member(parameter)}: each is documented as such
     * (null means "absent", the contract's default, or "none").
     */
    static final Map<String, String> NULLABLE = nullable();

    private static Map<String, String> nullable() {
        Map<String, String> n = new HashMap<>();
        String optional = "an optional component of the contract: null is absent, the record applies the default";
        for (String p : List.of("repairShop", "lines", "documents", "history", "policy", "assessment", "payee",
                "assistance", "extensions")) {
            n.put("Claim#<init>(" + p + ")", optional);
        }
        for (String p : List.of("deliveredOn", "priceCny", "use")) {
            n.put("Vehicle#<init>(" + p + ")", optional);
        }
        for (String p : List.of("occurredAt", "reportedAt", "reportedOn", "faults", "handledBy", "driver", "rescueCostCny",
                "thirdPartyRecoveryCny")) {
            n.put("Incident#<init>(" + p + ")", optional);
        }
        for (String p : List.of("problem", "cause")) {
            n.put("ClaimLine#<init>(" + p + ")", optional);
        }
        for (String p : List.of("coverages", "addOns", "absoluteDeductibleRate", "absoluteDeductibleCny")) {
            n.put("Policy#<init>(" + p + ")", optional);
        }
        for (String p : List.of("amountCny", "invoicedCny")) {
            n.put("Assessment#<init>(" + p + ")", optional);
        }
        for (String p : List.of("membershipValidUntil", "highwayTollCny")) {
            n.put("AssistanceRequest#<init>(" + p + ")", optional);
        }
        n.put("Claim#withRepairShop(newShop)", "an assistance claim has no repair shop");
        n.put("Claim.Builder#extension(value)", "JSON's null: an extension may hold it, as a JSON claim's may");
        String output = "a verdict's optional content: null is none";
        for (String p : List.of("lines", "charges", "missingDocuments", "reasons")) {
            n.put("Verdict#<init>(" + p + ")", output);
        }
        n.put("LineVerdict#<init>(reasons)", output);
        n.put("Reason#<init>(facts)", output);
        n.put("Reason#<init>(lineId)", "a claim-level reason is about no line");
        n.put("Reason#of(lineId)", "a claim-level reason is about no line");
        n.put("Fact#<init>(value)", "a fact's value may be absent (an optional field of the claim)");
        n.put("ErrorRecord#<init>(claimId)", "a line that could not be read has no claimId");
        n.put("InputError#<init>(field)", "a line that is not a JSON object has no field");
        n.put("RuleRef#<init>(lineId)", "a claim-level row is about no line");
        n.put("TableTrace#<init>(lineId)", "a claim-level table is about no line");
        n.put("TableTrace.Value#<init>(value)", "a fact's value may be absent");
        n.put("TableTrace.Failed#<init>(actual)", "a fact's value may be absent");
        n.put("TableTrace.Failed#<init>(shortBy)", "only number ranges fall short by an amount");
        n.put("LineBatch.Result#<init>(claimId)", "a line that could not be read has no claimId");
        n.put("LineBatch.Result#<init>(type)", "a line that could not be read has no type");
        n.put("LineBatch.Result#<init>(verdict)", "a result is a verdict or an error: the other is null");
        n.put("LineBatch.Result#<init>(error)", "a result is a verdict or an error: the other is null");
        n.put("WorkbookIssue#<init>(hint)", "an issue may have no hint");
        n.put("WorkbookIssue#<init>(messageZh)", "an issue may have no Chinese text yet");
        n.put("WorkbookIssue#<init>(hintZh)", "an issue may have no Chinese text yet");
        n.put("WorkbookIssue#error(hint)", "an issue may have no hint");
        n.put("WorkbookIssue#warning(hint)", "an issue may have no hint");
        n.put("WorkbookIssue#withZh(zhHint)", "a Chinese message may have no hint");
        n.put("CellRef#<init>(sheet)", "an issue about a whole workbook has no sheet");
        n.put("CellRef#<init>(cell)", "an issue about a whole sheet or workbook has no cell");
        n.put("RulebookDiff.CellChange#<init>(oldValue)", "an added row has no old value");
        n.put("RulebookDiff.CellChange#<init>(newValue)", "a removed row has no new value");
        n.put("RulebookDiff.CellChange#<init>(where)", "a change not tied to one cell");
        n.put("RulebookDiff.Change#<init>(code)", "a row may set no reason code");
        n.put("RulebookWatcher.Reload#<init>(replaced)", "only a swap replaces a rulebook");
        n.put("ScenarioReport.Result#<init>(description)", "a scenario may have no description");
        n.put("ScenarioReport.Result#<init>(where)", "a scenario read from no cell (a file) has no cell");
        n.put("FactUnits#with(value)", "a fact's value may be absent: printed as null");
        n.put("RulebookArchive.Entry#<init>(inForceFrom)", "a rulebook stored without an in-force date (none known)");
        n.put("RulebookJar.Manifest#<init>(inForceFrom)", "an undated rulebook states no in-force date");
        n.put("RulebookInfo#<init>(inForceFrom)", "an undated rulebook states no in-force date");
        n.put("RulebookInfo#<init>(asOf)", "a verdict not made by a history has no as-of date");
        n.put("RulebookInfo#withAsOf(date)", "documented: null for none");
        n.put("HistoryCheck.Version#<init>(lastDay)", "the latest version is in force with no last day");
        n.put("OneLineText#escape(text)", "documented: null in, null out, for a name or value that may be absent");
        return n;
    }

    @TempDir
    static Path dir;

    private static Rulebook rulebook;
    private final Map<Class<?>, Supplier<Object>> samples = new HashMap<>();

    private void samples() throws IOException {
        if (rulebook == null) {
            rulebook = Rulebook.loadDefault();
        }
        ClaimCodec codec = ClaimCodec.create();
        Claim claim = codec.readClaim(CLAIM);
        Adjudicator adjudicator = Adjudicator.of(rulebook);
        Verdict verdict = adjudicator.adjudicate(claim);
        Path file = Files.writeString(dir.resolve("claims.jsonl"), CLAIM + "\n", StandardCharsets.UTF_8);
        samples.put(String.class, () -> "x");
        samples.put(Object.class, () -> "x");
        samples.put(Claim.class, () -> claim);
        samples.put(Claim.Builder.class, () -> Claim.warranty("W-1"));
        samples.put(Vehicle.class, claim::vehicle);
        samples.put(Vehicle.Builder.class, Vehicle::builder);
        samples.put(Incident.class, claim::incident);
        samples.put(Incident.Builder.class, Incident::builder);
        samples.put(Driver.class, () -> Driver.DEFAULT);
        samples.put(Driver.Builder.class, Driver::builder);
        samples.put(ClaimLine.class, () -> claim.lines().get(0));
        samples.put(ClaimLine.Builder.class, ClaimLine::builder);
        samples.put(PriorRepair.Builder.class, PriorRepair::builder);
        samples.put(PriorRepair.class, () -> new PriorRepair(LocalDate.EPOCH, io.autoclaims.model.PartSystem.BRAKE, "p", "x",
                false, false, false, false, 1, true));
        samples.put(Policy.Builder.class, Policy::builder);
        samples.put(Policy.class, () -> new Policy("P", LocalDate.EPOCH, LocalDate.EPOCH, null, null, BigDecimal.ONE, null, null));
        samples.put(Assessment.Builder.class, Assessment::builder);
        samples.put(Assessment.class, () -> new Assessment("S", null, null));
        samples.put(AssistanceRequest.Builder.class, AssistanceRequest::builder);
        samples.put(AssistanceRequest.class, () -> new AssistanceRequest(true, null,
                io.autoclaims.model.AssistanceService.TOW, BigDecimal.ONE, true, null));
        samples.put(io.autoclaims.model.RepairShop.class, claim::repairShop);
        samples.put(LocalDate.class, () -> LocalDate.EPOCH);
        samples.put(LocalDateTime.class, () -> LocalDateTime.of(2024, 1, 1, 0, 0));
        samples.put(java.time.Instant.class, () -> java.time.Instant.EPOCH);
        samples.put(BigDecimal.class, () -> BigDecimal.ONE);
        samples.put(List.class, List::of);
        samples.put(Collection.class, List::of);
        samples.put(Map.class, Map::of);
        samples.put(Set.class, Set::of);
        samples.put(Path.class, () -> dir);
        samples.put(ClassLoader.class, NullArgumentsTest.class::getClassLoader);
        samples.put(Duration.class, () -> Duration.ofSeconds(1));
        samples.put(byte[].class, () -> new byte[] {'{', '}'});
        samples.put(InputStream.class, () -> new ByteArrayInputStream(new byte[0]));
        samples.put(OutputStream.class, ByteArrayOutputStream::new);
        samples.put(Reader.class, () -> new StringReader(""));
        samples.put(Writer.class, StringWriter::new);
        samples.put(Checksum.class, CRC32::new);
        samples.put(Throwable.class, () -> new IllegalStateException("x"));
        samples.put(IOException.class, () -> new IOException("x"));
        samples.put(ClaimCodec.class, () -> codec);
        samples.put(JsonLinesReader.class, () -> codec.lines(new ByteArrayInputStream(new byte[0])));
        samples.put(RawLines.class, () -> {
            try {
                return codec.lines(Files.newInputStream(file)).next(10, 1 << 20);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        samples.put(ClaimCodec.RecordWriter.class, () -> {
            try {
                return codec.records(new ByteArrayOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        samples.put(ReadResult.class, () -> new ReadResult.Ok(1, claim));
        samples.put(Verdict.class, () -> verdict);
        samples.put(io.autoclaims.model.Reason.Details.class, () -> new io.autoclaims.model.Reason.Details() {
            @Override
            public String text() {
                return "x";
            }

            @Override
            public String textEn() {
                return "x";
            }

            @Override
            public List<io.autoclaims.model.Fact> facts() {
                return List.of();
            }
        });
        samples.put(RulebookInfo.class, rulebook::info);
        samples.put(InputError.class, () -> new InputError("C", "f", "m"));
        samples.put(ErrorRecord.class, () -> new ErrorRecord("W-1", 1, new InputError("C", "f", "m")));
        samples.put(Rulebook.class, () -> rulebook);
        samples.put(Adjudicator.class, () -> adjudicator);
        samples.put(RulebookArchive.class, () -> RulebookArchive.open(dir.resolve("archive")));
        samples.put(AsOf.class, () -> AsOf.INCIDENT);
        samples.put(RulebookHistory.class, () -> RulebookHistory.of(HistoryFixture.V2026));
        samples.put(Explanation.class, () -> adjudicator.explain(claim));
        samples.put(RulebookScenarios.Files.class, () -> (RulebookScenarios.Files) name -> "");
        samples.put(RulebookWatcher.Listener.class, () -> (RulebookWatcher.Listener) reload -> { });
        samples.put(CellRef.class, () -> CellRef.workbook("w.xlsx"));
        samples.put(WorkbookIssue.class, () -> WorkbookIssue.error("C", CellRef.workbook("w.xlsx"), "m", "h"));
        samples.put(RulebookCheck.class, () -> new RulebookCheck(List.of()));
        samples.put(LineBatch.Result.class, () -> new LineBatch.Result(1, "W-1", null, verdict, null));
    }

    private Object sample(Class<?> type) {
        Supplier<Object> s = samples.get(type);
        if (s != null) {
            return s.get();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isArray()) {
            return Array.newInstance(type.getComponentType(), 0);
        }
        if (type == int.class || type == long.class) {
            return type == int.class ? (Object) 1 : (Object) 1L;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == double.class) {
            return 1.0;
        }
        return null;
    }

    /** {@code Claim.Builder} for a nested class, as the keys of {@link #NULLABLE} name it. */
    private static String name(Class<?> type) {
        return type.getDeclaringClass() == null ? type.getSimpleName() : name(type.getDeclaringClass()) + "." + type.getSimpleName();
    }

    @Test
    void everyReferenceParameterOfThePublicApiRefusesNullNamingItself() throws Exception {
        samples();
        List<String> wrong = new ArrayList<>();
        Set<String> noSample = new TreeSet<>();
        Set<String> excused = new TreeSet<>();
        int checked = 0;
        for (Class<?> type : PublicApi.types()) {
            List<Executable> members = new ArrayList<>(List.of(type.getDeclaredConstructors()));
            members.addAll(List.of(type.getDeclaredMethods()));
            for (Executable m : members) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || Modifier.isAbstract(m.getModifiers())
                        || isJUnitFacing(m)
                        || (m instanceof Method method && (method.isBridge() || isExempt(type, method)))
                        || (m instanceof Constructor<?> && Modifier.isAbstract(type.getModifiers()))) {
                    continue;
                }
                Parameter[] parameters = m.getParameters();
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i].getType().isPrimitive()) {
                        continue;
                    }
                    String key = name(type) + "#" + (m instanceof Constructor<?> ? "<init>" : m.getName()) + "("
                            + parameters[i].getName() + ")";
                    if (NULLABLE.containsKey(key)) {
                        excused.add(key);
                        continue;
                    }
                    Object receiver = Modifier.isStatic(m.getModifiers()) || m instanceof Constructor<?> ? null
                            : sample(type);
                    Object[] args = new Object[parameters.length];
                    boolean complete = receiver != null || Modifier.isStatic(m.getModifiers()) || m instanceof Constructor<?>;
                    for (int k = 0; k < parameters.length; k++) {
                        if (k != i) {
                            args[k] = sample(parameters[k].getType());
                            complete &= args[k] != null;
                        }
                    }
                    if (!complete) {
                        noSample.add(key);
                        continue;
                    }
                    checked++;
                    Throwable thrown = call(m, receiver, args);
                    String name = parameters[i].getName();
                    if (!(thrown instanceof NullPointerException) || !name.equals(thrown.getMessage())) {
                        wrong.add(key + " threw " + thrown);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "null arguments that are not refused with the parameter's name");
        assertEquals(Set.of(), noSample, "parameters without a sample value to call them with: add one");
        assertEquals(new TreeSet<>(NULLABLE.keySet()), excused, "exceptions that name no parameter any more");
        assertTrue(checked > 200, "parameters checked: " + checked);
    }

    /**
     * JUnit-facing helpers ({@code RulebookScenarios.dynamicTests}) leave the library's artifact for
     * {@code claims-testkit} (issue #15): not part of this API.
     */
    private static boolean isJUnitFacing(Executable m) {
        return m instanceof Method method && method.getReturnType().getName().startsWith("java.util.stream.Stream")
                && method.getGenericReturnType().getTypeName().contains("org.junit");
    }

    /**
     * {@code equals(null)} is false by contract; an enum's {@code valueOf} is the JDK's own. (Abstract
     * methods, those of the interfaces a host implements, are skipped above: their null handling is
     * the host's.)
     */
    private static boolean isExempt(Class<?> type, Method m) {
        return m.getName().equals("equals") && m.getParameterCount() == 1
                || type.isEnum() && m.getName().equals("valueOf") && m.getParameterCount() == 1;
    }

    /** What the call threw (null when it returned); anything it returned that holds a resource is closed. */
    private static Throwable call(Executable m, Object receiver, Object[] args) throws Exception {
        try {
            Object result = m instanceof Constructor<?> c ? c.newInstance(args) : ((Method) m).invoke(receiver, args);
            if (result instanceof AutoCloseable closeable) {
                closeable.close();
            }
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }
}
