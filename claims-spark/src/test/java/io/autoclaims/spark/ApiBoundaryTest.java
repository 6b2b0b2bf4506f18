package io.autoclaims.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.autoclaims.spark.apifixture.LeaksInternal;
import io.autoclaims.spark.apifixture.LeakyApi;
import io.autoclaims.spark.apifixture.UsesInternal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API boundary of the library modules (claims-model, -rules, -batch, -cli, -spark, -testkit and the
 * Spring Boot starter; this module's tests are the ones that see them all): (a) a module's {@code internal}
 * packages are used by that module alone, (b) the public signatures of the public packages expose no
 * type of the libraries the library hides (Drools, POI and its XML beans, JUnit, Jackson), so that a host
 * compiles against this library alone and those libraries can change behind it, and (c) no public
 * signature of an exported package (any package not under {@code internal}) names a type of an
 * {@code internal} package. claims-testkit, for hosts' tests, is held to (b) for every hidden library but
 * JUnit, which is its purpose; the starter, Spring-facing by purpose, to (a) and (c). The fixture tests
 * below show that each rule catches what it is meant to catch.
 */
class ApiBoundaryTest {

    /** The packages whose public types are the API; {@code internal} packages are not. */
    static final List<String> PUBLIC_PACKAGES = List.of("io.autoclaims.model", "io.autoclaims.model.json",
            "io.autoclaims.rules", "io.autoclaims.batch", "io.autoclaims.cli", "io.autoclaims.spark");

    /** Libraries behind the API, by package. */
    static final Map<String, String> HIDDEN = Map.of(
            "org.drools.", "Drools",
            "org.kie.", "Drools (KIE)",
            "org.apache.poi.", "POI",
            "org.apache.xmlbeans.", "XMLBeans (POI)",
            "org.openxmlformats.", "POI's OOXML schemas",
            "org.junit.", "JUnit",
            "org.opentest4j.", "JUnit (opentest4j)",
            "com.fasterxml.jackson.", "Jackson");

    /** claims-spring-boot-starter's public package: Spring-facing by purpose. */
    static final String STARTER_PACKAGE = "io.autoclaims.spring.boot";

    /** claims-testkit's package: JUnit-facing by purpose (the scenarios as JUnit dynamic tests). */
    static final String TESTKIT_PACKAGE = "io.autoclaims.testkit";

    /**
     * Members allowed to name a hidden type anyway, each with its reason: none. Jackson: nothing
     * public exposes it (ClaimCodec keeps its JsonFactory and generators private and takes JDK streams
     * and readers). JUnit: RulebookScenarios.dynamicTests was the one exception, until it moved to
     * claims-testkit (WorkbookScenarios).
     */
    static final Map<String, String> ALLOWED = Map.of();

    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        // each module's jar or classes folder, found from one of its classes: scanning Spark's whole
        // classpath for the packages would take a quarter of a minute. claims-cli is not on this classpath
        // (see the pom): its classes folder is read.
        Set<Location> modules = Stream.of(io.autoclaims.model.Claim.class, io.autoclaims.rules.Adjudicator.class,
                        io.autoclaims.batch.BacklogRun.class, ClaimsSpark.class,
                        io.autoclaims.testkit.WorkbookScenarios.class)
                .map(c -> Location.of(c.getProtectionDomain().getCodeSource().getLocation()))
                .collect(Collectors.toCollection(HashSet::new));
        modules.add(classesFolder("claims.cli.classes", "claims-cli", "io/autoclaims/cli"));
        modules.add(classesFolder("claims.starter.classes", "claims-spring-boot-starter", "io/autoclaims/spring/boot"));
        library = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importLocations(modules);
    }

    /**
     * A module kept off this classpath, read from its classes folder: claims-cli (its jar's manifest brings a
     * logging backend) and the Spring Boot starter (it would bring Spring to Spark's tests).
     */
    private static Location classesFolder(String property, String module, String packageDir) {
        Path classes = Path.of(System.getProperty(property, "../" + module + "/target/classes"));
        assertTrue(Files.isDirectory(classes.resolve(packageDir)), module + " is not compiled: " + classes.toAbsolutePath());
        return Location.of(classes);
    }

    @Test
    void everyLibraryModuleIsImported() {
        Set<String> packages = library.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
        for (String p : PUBLIC_PACKAGES) {
            assertTrue(packages.contains(p), p + " not imported: " + packages);
        }
        assertTrue(packages.stream().anyMatch(p -> p.startsWith("io.autoclaims.rules.internal.")), packages.toString());
        assertTrue(packages.contains(TESTKIT_PACKAGE), packages.toString());
        assertTrue(packages.contains(STARTER_PACKAGE) && packages.contains(STARTER_PACKAGE + ".internal"), packages.toString());
    }

    @Test
    void onlyClaimsRulesUsesItsInternalPackages() {
        internalStaysInside().check(library);
    }

    @Test
    void theRulesPackagesComeFromClaimsRulesAlone() {
        // otherwise a class of another module could join io.autoclaims.rules and reach internal through it
        classes().that().resideInAnyPackage("io.autoclaims.rules..")
                .should(new ArchCondition<>("come from claims-rules") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        String source = c.getSource().map(s -> s.getUri().toString()).orElse("");
                        events.add(new SimpleConditionEvent(c, source.contains("claims-rules"),
                                c.getName() + " comes from " + source));
                    }
                })
                .check(library);
    }

    @Test
    void publicSignaturesExposeNoHiddenLibrary() {
        exposesNoHiddenType(PUBLIC_PACKAGES).check(library);
    }

    @Test
    void publicSignaturesOfExportedPackagesExposeNoInternalType() {
        exposesNoInternalType().check(library);
    }

    @Test
    void theTestkitExposesJUnitAndNoOtherHiddenLibrary() {
        Map<String, String> notJUnit = new java.util.HashMap<>(HIDDEN);
        notJUnit.keySet().removeIf(p -> p.startsWith("org.junit.") || p.startsWith("org.opentest4j."));
        exposesNoHiddenType(List.of(TESTKIT_PACKAGE), notJUnit).check(library);
        // and the JUnit it exposes is what it is for: the library's own packages expose none (above)
        assertTrue(library.get(io.autoclaims.testkit.WorkbookScenarios.class).getMethods().stream()
                .anyMatch(m -> m.getReturnType().getAllInvolvedRawTypes().stream()
                        .anyMatch(t -> t.getName().equals("org.junit.jupiter.api.DynamicTest"))));
    }

    @Test
    void everyAllowedExceptionStillExists() {
        // an exception left behind after its member is gone would allow the next one silently
        Set<String> members = new TreeSet<>();
        library.forEach(c -> c.getMembers().forEach(m -> members.add(m.getFullName())));
        ALLOWED.keySet().forEach(m -> assertTrue(members.contains(m), "stale exception: " + m));
    }

    /** A public method returning a POI type and a public field of a Jackson type are caught. */
    @Test
    void aLeakingSignatureFails() {
        EvaluationResult result = exposesNoHiddenType(List.of(LeakyApi.class.getPackageName())).evaluate(fixtures());
        List<String> violations = result.getFailureReport().getDetails();
        assertEquals(4, violations.size(), String.join("\n", violations));
        assertTrue(violations.stream().anyMatch(v -> v.contains("sheet()") && v.contains("POI")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("tree") && v.contains("Jackson")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("read(java.util.List)") && v.contains("POI")),
                violations.toString()); // inside a generic parameter
        assertTrue(violations.stream().anyMatch(v -> v.contains("Nested") && v.contains("Drools")), violations.toString());
        assertFalse(violations.stream().anyMatch(v -> v.contains("Hidden")), violations.toString());
    }

    /** An internal type anywhere in a public signature is caught: each place once; private and hidden members are not. */
    @Test
    void aSignatureNamingAnInternalTypeFails() {
        List<String> violations = exposesNoInternalType().evaluate(fixtures()).getFailureReport().getDetails();
        String fact = "io.autoclaims.rules.internal.table.FactDef: an internal type of the library";
        String leaks = LeaksInternal.class.getName();
        assertEquals(new TreeSet<>(List.of(
                        leaks + " implements " + fact, // as Comparable's type argument
                        leaks + " has type parameter " + fact,
                        leaks + ".fact " + fact,
                        leaks + ".<init>(io.autoclaims.rules.internal.table.FactDef) takes " + fact,
                        leaks + ".facts() returns " + fact,
                        leaks + ".take([Lio.autoclaims.rules.internal.table.FactDef;) has type parameter " + fact,
                        leaks + ".take([Lio.autoclaims.rules.internal.table.FactDef;) takes " + fact)),
                violations.stream().map(v -> v.replaceAll(" in \\(.*\\)$", "")).collect(Collectors.toCollection(TreeSet::new)),
                String.join("\n", violations));
    }

    /** The fixture package's classes, nested and package-private ones included. */
    private static JavaClasses fixtures() {
        return new ClassFileImporter().importLocations(Set.of(
                        Location.of(LeakyApi.class.getProtectionDomain().getCodeSource().getLocation())))
                .that(DescribedPredicate.describe("fixture", c -> c.getPackageName().equals(LeakyApi.class.getPackageName())));
    }

    /** A class outside claims-rules that uses an internal class is caught. */
    @Test
    void aDependencyOnInternalFails() {
        JavaClasses fixture = new ClassFileImporter().importClasses(UsesInternal.class);
        List<String> violations = internalStaysInside().evaluate(fixture).getFailureReport().getDetails();
        assertEquals(1, violations.size(), String.join("\n", violations));
        assertTrue(violations.get(0).contains("UsesInternal") && violations.get(0).contains("NameText.oneLine"),
                violations.get(0));
    }

    /** Each module's root package: its {@code internal} packages are its own. */
    static final List<String> MODULE_ROOTS = List.of("io.autoclaims.model", "io.autoclaims.rules", "io.autoclaims.batch",
            "io.autoclaims.cli", "io.autoclaims.spark", TESTKIT_PACKAGE, STARTER_PACKAGE);

    static ArchRule internalStaysInside() {
        return CompositeArchRule.of(MODULE_ROOTS.stream().map(root -> noClasses()
                .that().resideOutsideOfPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage(root + ".internal..")
                .because("other modules use " + root + "'s public API only, as hosts do")
                .allowEmptyShould(true)).toList()); // a fixture holds classes of one module only
    }

    static ArchRule exposesNoHiddenType(List<String> packages) {
        return exposesNoHiddenType(packages, HIDDEN);
    }

    static ArchRule exposesNoHiddenType(List<String> packages, Map<String, String> hidden) {
        return exposesNo(DescribedPredicate.describe("public types of " + packages, c -> packages.contains(c.getPackageName())),
                "expose no Drools, POI, XMLBeans, JUnit or Jackson type", raw -> hidden.entrySet().stream()
                        .filter(h -> raw.getName().startsWith(h.getKey())).map(h -> "a " + h.getValue() + " type")
                        .findFirst().orElse(null));
    }

    /** True for an {@code internal} package or one below it. */
    static boolean internal(String packageName) {
        return ("." + packageName + ".").contains(".internal.");
    }

    /**
     * The public signatures of every exported package of the library (any {@code io.autoclaims} package not
     * under {@code internal}) name no type of an {@code internal} package: a host could not use such a
     * member without depending on what the library may change at any time.
     */
    static ArchRule exposesNoInternalType() {
        return exposesNo(DescribedPredicate.describe("public types of the exported io.autoclaims packages",
                        c -> c.getPackageName().startsWith("io.autoclaims.") && !internal(c.getPackageName())),
                "expose no type of an internal package",
                raw -> raw.getName().startsWith("io.autoclaims.") && internal(raw.getPackageName())
                        ? "an internal type of the library" : null);
    }

    /**
     * Public types of the packages {@code in}, and every public or protected member of theirs: supertypes,
     * type parameters' bounds, fields, constructors' and methods' parameters, returns and exceptions, generic
     * type arguments included, name no type {@code forbidden} describes (it gives null for a type allowed).
     */
    private static ArchRule exposesNo(DescribedPredicate<JavaClass> in, String should,
            Function<JavaClass, String> forbidden) {
        DescribedPredicate<JavaClass> api = DescribedPredicate.describe(in.getDescription(), c -> in.test(c) && visible(c));
        return classes().that(api).should(new ArchCondition<>(should) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Signature s = (where, type) -> report(c, where, type, forbidden, events);
                c.getSuperclass().ifPresent(t -> s.check(c.getName() + " extends", t));
                c.getInterfaces().forEach(t -> s.check(c.getName() + " implements", t));
                c.getTypeParameters().forEach(t -> s.check(c.getName() + " has type parameter", t));
                for (JavaMember m : c.getMembers()) {
                    if (!exposed(m) || ALLOWED.containsKey(m.getFullName())) {
                        continue;
                    }
                    if (m instanceof JavaField f) {
                        s.check(f.getFullName(), f.getType());
                    } else if (m instanceof JavaCodeUnit u) {
                        u.getTypeParameters().forEach(t -> s.check(u.getFullName() + " has type parameter", t));
                        s.check(u.getFullName() + " returns", u.getReturnType());
                        u.getParameterTypes().forEach(t -> s.check(u.getFullName() + " takes", t));
                        u.getExceptionTypes().forEach(t -> s.check(u.getFullName() + " throws", t));
                    }
                }
            }
        });
    }

    /** One type of a signature to check, with where it stands. */
    private interface Signature {
        void check(String where, JavaType type);
    }

    /** Public, and every class around it public too. */
    private static boolean visible(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static boolean exposed(JavaMember m) {
        Set<JavaModifier> mods = m.getModifiers();
        return (mods.contains(JavaModifier.PUBLIC) || mods.contains(JavaModifier.PROTECTED))
                && !mods.contains(JavaModifier.SYNTHETIC) && !mods.contains(JavaModifier.BRIDGE);
    }

    private static void report(JavaClass owner, String where, JavaType type, Function<JavaClass, String> forbidden,
            ConditionEvents events) {
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            String what = forbidden.apply(raw.getBaseComponentType());
            if (what != null) {
                events.add(SimpleConditionEvent.violated(owner, where + " " + raw.getName() + ": " + what));
            }
        }
    }

}
