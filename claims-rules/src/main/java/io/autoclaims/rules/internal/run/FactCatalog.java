package io.autoclaims.rules.internal.run;

import io.autoclaims.rules.internal.domain.AssistanceDomain;
import io.autoclaims.rules.internal.domain.ClaimDomain;
import io.autoclaims.rules.internal.domain.CommonFacts;
import io.autoclaims.rules.internal.domain.InsuranceDomain;
import io.autoclaims.rules.internal.table.FactDef;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every fact a workbook may name, with its type. This is the vocabulary between analysts and the
 * engine: Java computes these facts generically (dates, distances, counts); every threshold that
 * decides anything lives in the workbook. Built from the claim domains' declarations
 * ({@link ClaimDomain}); see {@code docs/workbook-format.md}.
 */
public final class FactCatalog {
    private static final Map<String, FactDef> FACTS = new LinkedHashMap<>();

    static {
        for (FactDef def : ClaimDomain.catalogue()) {
            if (FACTS.put(def.name(), def) != null) {
                throw new IllegalStateException("duplicate fact " + def.name());
            }
        }
    }

    /** Slots of a claim's fact object, one per settable claim fact of every domain. */
    static final int CLAIM_SLOTS = ClaimDomain.claimSlots();
    /** Slots of a line's fact object, one per settable line fact. */
    static final int LINE_SLOTS = ClaimDomain.lineSlots();

    // the facts the run and the compiler treat specially when a row sets or quotes them
    public static final FactDef LINE_COVERED = CommonFacts.LINE_COVERED;
    static final FactDef DOCUMENTS = CommonFacts.DOCUMENTS;
    static final FactDef DOCUMENTS_MISSING = CommonFacts.DOCUMENTS_MISSING;
    static final FactDef COMPUTE = InsuranceDomain.COMPUTE;
    static final FactDef CHARGE_ITEM = AssistanceDomain.CHARGE_ITEM;
    static final FactDef CHARGE_BASIS = AssistanceDomain.CHARGE_BASIS;
    static final FactDef CHARGE_MEMBER_FIXED = AssistanceDomain.CHARGE_MEMBER_FIXED;
    static final FactDef CHARGE_MEMBER_FREE_KM = AssistanceDomain.CHARGE_MEMBER_FREE_KM;
    static final FactDef CHARGE_MEMBER_PER_KM = AssistanceDomain.CHARGE_MEMBER_PER_KM;
    static final FactDef CHARGE_NON_MEMBER_FIXED = AssistanceDomain.CHARGE_NON_MEMBER_FIXED;
    static final FactDef CHARGE_NON_MEMBER_FREE_KM = AssistanceDomain.CHARGE_NON_MEMBER_FREE_KM;
    static final FactDef CHARGE_NON_MEMBER_PER_KM = AssistanceDomain.CHARGE_NON_MEMBER_PER_KM;
    static final FactDef CHARGE_PAYER = AssistanceDomain.CHARGE_PAYER;

    private FactCatalog() {
    }

    /** The fact with that name, or null. */
    public static FactDef get(String name) {
        return FACTS.get(name);
    }

    /** Every fact, in catalogue order. */
    public static Collection<FactDef> all() {
        return Collections.unmodifiableCollection(FACTS.values());
    }
}
