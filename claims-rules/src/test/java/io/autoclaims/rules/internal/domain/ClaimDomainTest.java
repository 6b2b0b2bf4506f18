package io.autoclaims.rules.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.ClaimType;
import io.autoclaims.rules.internal.run.ClaimFacts;
import io.autoclaims.rules.internal.run.FactCatalog;
import io.autoclaims.rules.internal.run.LineFacts;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.FactUnit;
import io.autoclaims.rules.internal.table.Scope;
import io.autoclaims.rules.internal.table.ValueType;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ClaimDomainTest {

    @Test
    void everyClaimTypeHasItsDomain() {
        for (ClaimType type : ClaimType.values()) {
            assertEquals(type, ClaimDomain.of(type).type());
        }
        assertEquals(ClaimType.values().length, ClaimDomain.all().size());
        assertEquals(ClaimDomain.Settles.BY_CHARGES, ClaimDomain.of(ClaimType.ASSISTANCE).settles());
        assertEquals(ClaimDomain.Settles.BY_LINES, ClaimDomain.of(ClaimType.WARRANTY).settles());
    }

    @Test
    void theCatalogueIsTheDomainsDeclarations() {
        List<FactDef> declared = ClaimDomain.catalogue();
        assertEquals(declared.size(), FactCatalog.all().size());
        for (FactDef f : declared) {
            assertSame(f, FactCatalog.get(f.name()), f.name());
        }
        assertSame(WarrantyDomain.REGIME, FactCatalog.get("regime"));
        assertSame(AssistanceDomain.PAYER, FactCatalog.get("assistance.payer"));
    }

    /** Slots are handed out by the declarations: each scope's are 0..n-1, none shared. */
    @Test
    void slotsAreDenseAndDistinctPerScope() {
        for (Scope scope : Scope.values()) {
            List<Integer> slots = new ArrayList<>();
            for (FactDef f : ClaimDomain.catalogue()) {
                if (f.scope() == scope && f.slot() >= 0) {
                    slots.add(f.slot());
                }
            }
            Set<Integer> distinct = new TreeSet<>(slots);
            assertEquals(slots.size(), distinct.size(), "a slot given twice in " + scope);
            int count = scope == Scope.CLAIM ? ClaimDomain.claimSlots() : ClaimDomain.lineSlots();
            assertEquals(count, slots.size(), scope.toString());
            if (count > 0) {
                assertEquals(count - 1, ((TreeSet<Integer>) distinct).last(), scope.toString());
            }
        }
    }

    /**
     * What the declarations read off a getter reference is what Drools will find: a getter of that
     * property on the fact object of the fact's scope, and "boxed" exactly when it returns an object.
     */
    @Test
    void aConditionsPropertyIsTheGetterItWasDeclaredWith() {
        int conditions = 0;
        for (FactDef f : ClaimDomain.catalogue()) {
            if (!f.condition()) {
                continue;
            }
            conditions++;
            Method getter = getter(f.scope() == Scope.LINE ? LineFacts.class : ClaimFacts.class, f.property());
            assertNotNull(getter, "no getter for " + f.name() + " (" + f.property() + ")");
            assertEquals(!getter.getReturnType().isPrimitive(), f.boxed(), f.name());
        }
        assertTrue(conditions > 90, "conditions: " + conditions);
    }

    @Test
    void aConditionIsDeclaredWithAGetterNotALambda() {
        Declarations d = new Declarations();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> d.claim("x.lambda", ValueType.INTEGER, FactUnit.NONE, c -> c.getOdometerKm() + 1, "no"));
        assertTrue(e.getMessage().contains("x.lambda"), e.getMessage());
    }

    /** Units are declared, not guessed from names: a money fact in CNY, a count in times. */
    @Test
    void unitsComeFromTheDeclaration() {
        assertEquals("km", FactCatalog.get("vehicle.odometerKm").unit(false));
        assertEquals("元", FactCatalog.get("policy.sumInsuredCny").unit(true));
        assertEquals("time(s)", WarrantyDomain.LAW_REPEAT_COUNT.unit(false));
        assertEquals("", FactCatalog.get("driver.bacMgPer100ml").unit(false));
        for (FactDef f : ClaimDomain.catalogue()) {
            if (f.type().kind() == ValueType.Kind.MONEY) {
                assertEquals(FactUnit.CNY, f.unit(), f.name());
            }
        }
    }

    /** Analysts read the catalogue in docs/workbook-format.md: every declared fact is there. */
    @Test
    void everyFactIsDocumentedForAnalysts() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "workbook-format.md"));
        Set<String> missing = new HashSet<>();
        for (FactDef f : ClaimDomain.catalogue()) {
            if (!doc.contains("`" + f.name() + "`") && !doc.contains("`THEN " + f.name() + "`")) {
                missing.add(f.name());
            }
        }
        assertEquals(Set.of(), missing);
    }

    /** R2021 art. 27: price × km / 1000 × n, rounded to fen; no rate, no compensation. */
    @Test
    void usageCompensationIsTheLawsFormula() {
        assertEquals(new BigDecimal("6035.70"),
                WarrantyDomain.usageCompensation(new BigDecimal("186000"), 6490, new BigDecimal("0.005")));
        assertEquals(new BigDecimal("33.33"),
                WarrantyDomain.usageCompensation(new BigDecimal("100000"), 1, new BigDecimal("0.33333")));
        assertEquals(new BigDecimal("0.00"), WarrantyDomain.usageCompensation(new BigDecimal("186000"), 6490, null));
    }

    private static Method getter(Class<?> type, String property) {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && (m.getName().equals("get" + suffix) || m.getName().equals("is" + suffix))) {
                return m;
            }
        }
        return null;
    }
}
