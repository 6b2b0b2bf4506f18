package io.autoclaims.rules.internal.domain;

import io.autoclaims.model.ClaimType;
import io.autoclaims.rules.internal.table.FactDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One claim type as the engine knows it: the facts its tables read and set (each declared once, with
 * its type, unit, meaning and the getter that derives it), the law or formulas it brings, and how
 * its verdict is settled. The engine itself is generic; a claim type's knowledge lives in its domain
 * class, its numbers in the workbooks.
 */
public abstract sealed class ClaimDomain permits WarrantyDomain, InsuranceDomain, AssistanceDomain {
    /** How a verdict's amounts are put together. */
    public enum Settles {
        /** From the covered lines' amounts (or the payable the formulas computed), and the vehicle remedy. */
        BY_LINES,
        /** From the itemised charges the tariff rows added. */
        BY_CHARGES
    }

    private final ClaimType type;
    private final Settles settles;
    private final List<FactDef> facts;

    ClaimDomain(ClaimType type, Settles settles, List<FactDef> facts) {
        this.type = Objects.requireNonNull(type, "type");
        this.settles = Objects.requireNonNull(settles, "settles");
        this.facts = List.copyOf(facts);
    }

    /** Every domain, one per claim type. */
    public static List<ClaimDomain> all() {
        return List.of(WarrantyDomain.INSTANCE, InsuranceDomain.INSTANCE, AssistanceDomain.INSTANCE);
    }

    /** The domain of a claim type. */
    public static ClaimDomain of(ClaimType type) {
        return switch (type) {
            case WARRANTY -> WarrantyDomain.INSTANCE;
            case INSURANCE -> InsuranceDomain.INSTANCE;
            case ASSISTANCE -> AssistanceDomain.INSTANCE;
        };
    }

    /**
     * Every declared fact: the ones all claim types share, then each domain's. Any table may read any
     * of them; the domains group them by the claim type that gives them meaning.
     */
    public static List<FactDef> catalogue() {
        List<FactDef> all = new ArrayList<>(CommonFacts.facts());
        for (ClaimDomain d : all()) {
            all.addAll(d.facts);
        }
        return List.copyOf(all);
    }

    /** The claim slots all domains declared; every domain class is initialised by then. */
    public static int claimSlots() {
        catalogue();
        return Declarations.claimSlots();
    }

    /** The line slots all domains declared; every domain class is initialised by then. */
    public static int lineSlots() {
        catalogue();
        return Declarations.lineSlots();
    }

    public ClaimType type() {
        return type;
    }

    public Settles settles() {
        return settles;
    }

    /** This domain's own facts, in declaration order (the shared ones are in {@link #catalogue()}). */
    public List<FactDef> facts() {
        return facts;
    }
}
