package io.autoclaims.model;

import io.autoclaims.model.internal.Contract;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A claim as a host system sends it (see {@code claims-contract.md}). Defaults are already applied:
 * absent lists are empty, {@code payee} is {@code INSURED}, {@code incident.reportedOn} is
 * {@code submittedOn}. Fields the claim's type does not use may
 * be null ({@code repairShop}, {@code policy}, {@code assessment}, {@code assistance}).
 *
 * <p>Build one with {@link #warranty}, {@link #insurance} or {@link #assistance(String)}: every field
 * is named, and {@link Builder#build()} checks the contract as the JSON codec does, with the same
 * error codes, messages and dotted field paths. Read one from JSON with
 * {@link io.autoclaims.model.json.ClaimCodec#readClaim}.
 *
 * <pre>{@code
 * Claim claim = Claim.warranty("W-001")
 *         .submittedOn(LocalDate.of(2025, 3, 4))
 *         .vehicle(Vehicle.builder().vin("LSGKB54H8PA123456").purchasedOn(LocalDate.of(2023, 5, 10))
 *                 .odometerKm(28400))
 *         .incident(Incident.builder().occurredOn(LocalDate.of(2025, 3, 2)).cause(Cause.QUALITY_DEFECT))
 *         .repairShop(new RepairShop("4S-SH-0231", true, ShopTier.DEALER_4S))
 *         .line(ClaimLine.builder().lineId("L1").system(PartSystem.ENGINE).part("气门室盖垫 valve cover gasket")
 *                 .repairCostCny(new BigDecimal("860.00")).replaceCostCny(new BigDecimal("1450.00")))
 *         .documents(DocumentCode.REPAIR_ORDER, DocumentCode.WARRANTY_CARD)
 *         .build();
 * }</pre>
 *
 * @param claimId     the host's id of the claim, 1 to 64 characters
 * @param type        warranty, insurance or assistance
 * @param submittedOn the day the claim was submitted
 * @param vehicle     the vehicle
 * @param incident    what happened
 * @param repairShop  the shop doing the work; null for an assistance claim
 * @param lines       the repair lines; null means none
 * @param documents   the documents submitted; null means none
 * @param history     earlier repairs of the vehicle; null means none
 * @param policy      the insurance policy; null unless an insurance claim
 * @param assessment  the loss assessment, or null
 * @param payee       who receives an insurance payment; null means {@link Payee#INSURED}
 * @param assistance  the assistance request; null unless an assistance claim
 * @param extensions  the host's own data, carried along unread; null means none
 */
public record Claim(
        String claimId,
        ClaimType type,
        LocalDate submittedOn,
        Vehicle vehicle,
        Incident incident,
        RepairShop repairShop,
        List<ClaimLine> lines,
        List<DocumentCode> documents,
        List<PriorRepair> history,
        Policy policy,
        Assessment assessment,
        Payee payee,
        AssistanceRequest assistance,
        Map<String, Object> extensions) {

    /**
     * A claim with the contract's defaults applied: null lists become empty, a null {@code payee} becomes
     * {@code INSURED}, a missing {@code incident.reportedOn} becomes {@code submittedOn}; lists and
     * extensions are copied. The contract's other rules (lengths, amounts, what each type requires) are
     * checked by {@link ClaimChecks#firstProblem}, and by the adjudicator.
     *
     * @param claimId     the claim's id, 1 to 64 characters, unique within a backlog
     * @param type        warranty, insurance or roadside assistance
     * @param submittedOn the day the claim reached the adjudicator
     * @param vehicle     the vehicle
     * @param incident    what happened
     * @param repairShop  the shop doing the work; required for WARRANTY and INSURANCE, else may be null
     * @param lines       the repair lines; at least one for WARRANTY and INSURANCE
     * @param documents   the documents supplied
     * @param history     WARRANTY: earlier repairs of this vehicle
     * @param policy      the insurance policy; required for INSURANCE, optional for ASSISTANCE, else null
     * @param assessment  INSURANCE: where and how much the loss was assessed, or null
     * @param payee       INSURANCE: who receives the payment
     * @param assistance  the roadside assistance request; required for ASSISTANCE, else null
     * @param extensions  free-form data, ignored by rules unless a rulebook declares it
     * @throws NullPointerException when {@code claimId}, {@code type}, {@code submittedOn}, {@code vehicle}
     *     or {@code incident} is null
     */
    public Claim {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(submittedOn, "submittedOn");
        Objects.requireNonNull(vehicle, "vehicle");
        Objects.requireNonNull(incident, "incident");
        if (incident.reportedOn() == null) {
            // the contract's default: first notice on the day the claim was submitted
            incident = new Incident(incident.occurredOn(), incident.occurredAt(), incident.reportedAt(), submittedOn,
                    incident.cause(), incident.faults(), incident.handledBy(), incident.driver(),
                    incident.rescueCostCny(), incident.thirdPartyRecoveryCny());
        }
        lines = List.copyOf(lines == null ? List.of() : lines);
        documents = List.copyOf(documents == null ? List.of() : documents);
        history = List.copyOf(history == null ? List.of() : history);
        payee = payee == null ? Payee.INSURED : payee;
        extensions = extensions == null || extensions.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /**
     * A copy with other lines, for tests and what-if runs. The copy is not checked: {@link ClaimChecks} and the adjudicator check it.
     *
     * @param newLines the lines
     * @return the copy
     */
    public Claim withLines(List<ClaimLine> newLines) {
        Objects.requireNonNull(newLines, "newLines");
        return new Claim(claimId, type, submittedOn, vehicle, incident, repairShop, newLines, documents,
                history, policy, assessment, payee, assistance, extensions);
    }

    /**
     * A copy with another claim id. The copy is not checked: {@link ClaimChecks} and the adjudicator check it.
     *
     * @param newClaimId the id
     * @return the copy
     */
    public Claim withClaimId(String newClaimId) {
        Objects.requireNonNull(newClaimId, "newClaimId");
        return new Claim(newClaimId, type, submittedOn, vehicle, incident, repairShop, lines, documents,
                history, policy, assessment, payee, assistance, extensions);
    }

    /**
     * A copy with other documents. The copy is not checked: {@link ClaimChecks} and the adjudicator check it.
     *
     * @param newDocuments the documents
     * @return the copy
     */
    public Claim withDocuments(List<DocumentCode> newDocuments) {
        Objects.requireNonNull(newDocuments, "newDocuments");
        return new Claim(claimId, type, submittedOn, vehicle, incident, repairShop, lines, newDocuments,
                history, policy, assessment, payee, assistance, extensions);
    }

    /**
     * A copy with another vehicle. The copy is not checked: {@link ClaimChecks} and the adjudicator check it.
     *
     * @param newVehicle the vehicle
     * @return the copy
     */
    public Claim withVehicle(Vehicle newVehicle) {
        Objects.requireNonNull(newVehicle, "newVehicle");
        return new Claim(claimId, type, submittedOn, newVehicle, incident, repairShop, lines, documents,
                history, policy, assessment, payee, assistance, extensions);
    }

    /**
     * A copy with another incident. The copy is not checked: {@link ClaimChecks} and the adjudicator check it.
     *
     * @param newIncident the incident
     * @return the copy
     */
    public Claim withIncident(Incident newIncident) {
        Objects.requireNonNull(newIncident, "newIncident");
        return new Claim(claimId, type, submittedOn, vehicle, newIncident, repairShop, lines, documents,
                history, policy, assessment, payee, assistance, extensions);
    }

    /**
     * A copy with another repair shop. The copy is not checked: {@link ClaimChecks} and the adjudicator check it.
     *
     * @param newShop the shop, or null for none
     * @return the copy
     */
    public Claim withRepairShop(RepairShop newShop) {
        return new Claim(claimId, type, submittedOn, vehicle, incident, newShop, lines, documents,
                history, policy, assessment, payee, assistance, extensions);
    }

    /**
     * A copy with another repair history. The copy is not checked: {@link ClaimChecks} and the adjudicator check it.
     *
     * @param newHistory the earlier repairs
     * @return the copy
     */
    public Claim withHistory(List<PriorRepair> newHistory) {
        Objects.requireNonNull(newHistory, "newHistory");
        return new Claim(claimId, type, submittedOn, vehicle, incident, repairShop, lines, documents,
                newHistory, policy, assessment, payee, assistance, extensions);
    }

    /**
     * A builder of a warranty claim (质保/三包索赔). Required besides the id: {@code submittedOn},
     * {@code vehicle}, {@code incident}, {@code repairShop} and at least one line.
     *
     * @param claimId the host's id of the claim, 1 to 64 characters
     * @return a new builder
     */
    public static Builder warranty(String claimId) {
        return new Builder(ClaimType.WARRANTY, claimId);
    }

    /**
     * A builder of an insurance claim (车损险理赔). Required besides the id: {@code submittedOn},
     * {@code vehicle}, {@code incident}, {@code repairShop}, at least one line, and {@code policy}.
     *
     * @param claimId the host's id of the claim, 1 to 64 characters
     * @return a new builder
     */
    public static Builder insurance(String claimId) {
        return new Builder(ClaimType.INSURANCE, claimId);
    }

    /**
     * A builder of a roadside-assistance claim (道路救援). Required besides the id:
     * {@code submittedOn}, {@code vehicle}, {@code incident} and {@code assistance}.
     *
     * @param claimId the host's id of the claim, 1 to 64 characters
     * @return a new builder
     */
    public static Builder assistance(String claimId) {
        return new Builder(ClaimType.ASSISTANCE, claimId);
    }

    /**
     * A builder of a claim of the given type, for hosts that hold the type as data.
     *
     * @param type    warranty, insurance or assistance
     * @param claimId the host's id of the claim, 1 to 64 characters
     * @return a new builder
     */
    public static Builder builder(ClaimType type, String claimId) {
        return new Builder(Objects.requireNonNull(type, "type"), claimId);
    }

    /**
     * Builds a {@link Claim} field by field, nested objects from their own builders or records.
     * Setters refuse null (a programming error, named by its parameter): leave an optional field out
     * by not calling its setter. Nested builders are copied when given, so changing one afterwards
     * changes nothing here. Not thread-safe.
     *
     * <p>{@link #build()} checks everything the JSON codec checks, in the same order (the contract's
     * field order; in each object its values, then its missing required fields, then its own rules;
     * a lone surrogate in any string first, as in a JSON line), and throws
     * {@link InvalidClaimException} with the error record the codec gives the same claim as JSON:
     * the same code ({@code MISSING_FIELD}, {@code INVALID_FIELD}, {@code INVALID_ENCODING}), the
     * same message and the same dotted field path ({@code lines[1].repairCostCny}). The claim it
     * returns equals the one the codec reads from that JSON: amounts have 2 decimal places, and the
     * contract's defaults are applied.
     */
    public static final class Builder {
        private final ClaimType type;
        private final String claimId;
        private LocalDate submittedOn;
        private Vehicle.Builder vehicle;
        private Incident.Builder incident;
        private RepairShop repairShop;
        /** Null until a line or the lines are given: an absent field is MISSING, an empty one INVALID. */
        private List<ClaimLine.Builder> lines;
        private List<DocumentCode> documents = List.of();
        private List<PriorRepair.Builder> history = new ArrayList<>();
        private Policy.Builder policy;
        private Assessment.Builder assessment;
        private Payee payee;
        private AssistanceRequest.Builder assistance;
        private final Map<String, Object> extensions = new LinkedHashMap<>();

        private Builder(ClaimType type, String claimId) {
            this.type = type;
            this.claimId = Objects.requireNonNull(claimId, "claimId");
        }

        /** The claim as a builder holds it: what {@link ClaimChecks} checks a record through. */
        static Builder from(Claim c) {
            Builder b = new Builder(c.type(), c.claimId());
            b.submittedOn = c.submittedOn();
            b.vehicle = Vehicle.Builder.from(c.vehicle());
            b.incident = Incident.Builder.from(c.incident());
            b.repairShop = c.repairShop();
            b.lines = new ArrayList<>(c.lines().size());
            for (ClaimLine l : c.lines()) {
                b.lines.add(ClaimLine.Builder.from(l));
            }
            b.documents = c.documents();
            for (PriorRepair r : c.history()) {
                b.history.add(PriorRepair.Builder.from(r));
            }
            b.policy = c.policy() == null ? null : Policy.Builder.from(c.policy());
            b.assessment = c.assessment() == null ? null : Assessment.Builder.from(c.assessment());
            b.payee = c.payee();
            b.assistance = c.assistance() == null ? null : AssistanceRequest.Builder.from(c.assistance());
            b.extensions.putAll(c.extensions());
            return b;
        }

        /**
         * Sets the day the claim was submitted (required).
         *
         * @param submittedOn the day
         * @return this builder
         */
        public Builder submittedOn(LocalDate submittedOn) {
            this.submittedOn = Objects.requireNonNull(submittedOn, "submittedOn");
            return this;
        }

        /**
         * Sets the vehicle (required); its fields are checked at {@code vehicle.*}.
         *
         * @param vehicle the vehicle's builder, copied
         * @return this builder
         */
        public Builder vehicle(Vehicle.Builder vehicle) {
            this.vehicle = Objects.requireNonNull(vehicle, "vehicle").copy();
            return this;
        }

        /**
         * Sets the vehicle (required); its fields are checked at {@code vehicle.*}.
         *
         * @param vehicle the vehicle
         * @return this builder
         */
        public Builder vehicle(Vehicle vehicle) {
            this.vehicle = Vehicle.Builder.from(Objects.requireNonNull(vehicle, "vehicle"));
            return this;
        }

        /**
         * Sets what happened (required); its fields are checked at {@code incident.*}.
         *
         * @param incident the incident's builder, copied
         * @return this builder
         */
        public Builder incident(Incident.Builder incident) {
            this.incident = Objects.requireNonNull(incident, "incident").copy();
            return this;
        }

        /**
         * Sets what happened (required); its fields are checked at {@code incident.*}.
         *
         * @param incident the incident
         * @return this builder
         */
        public Builder incident(Incident incident) {
            this.incident = Incident.Builder.from(Objects.requireNonNull(incident, "incident"));
            return this;
        }

        /**
         * Sets the shop doing the work (required for warranty and insurance claims).
         *
         * @param repairShop the shop; its id is checked at {@code repairShop.id}
         * @return this builder
         */
        public Builder repairShop(RepairShop repairShop) {
            this.repairShop = Objects.requireNonNull(repairShop, "repairShop");
            return this;
        }

        /**
         * Adds a repair line after those added before; its fields are checked at {@code lines[i].*}.
         *
         * @param line the line's builder, copied
         * @return this builder
         */
        public Builder line(ClaimLine.Builder line) {
            Objects.requireNonNull(line, "line");
            givenLines().add(line.copy());
            return this;
        }

        /**
         * Adds a repair line after those added before; its fields are checked at {@code lines[i].*}.
         *
         * @param line the line
         * @return this builder
         */
        public Builder line(ClaimLine line) {
            Objects.requireNonNull(line, "line");
            givenLines().add(ClaimLine.Builder.from(line));
            return this;
        }

        /**
         * Sets the repair lines, replacing any added before. An empty list is the contract's
         * {@code "lines":[]}: a repair claim needs at least one line.
         *
         * @param lines the lines, none of them null
         * @return this builder
         */
        public Builder lines(List<ClaimLine> lines) {
            List<ClaimLine> given = FieldChecks.copy(lines, "lines");
            this.lines = new ArrayList<>(given.size());
            for (ClaimLine l : given) {
                this.lines.add(ClaimLine.Builder.from(l));
            }
            return this;
        }

        private List<ClaimLine.Builder> givenLines() {
            if (lines == null) {
                lines = new ArrayList<>();
            }
            return lines;
        }

        /**
         * Sets the documents submitted (default: none), replacing any set before.
         *
         * @param documents the documents, none of them null
         * @return this builder
         */
        public Builder documents(DocumentCode... documents) {
            this.documents = FieldChecks.copy("documents", documents);
            return this;
        }

        /**
         * Adds an earlier repair of the vehicle; its fields are checked at {@code history[i].*}.
         *
         * @param priorRepair the repair's builder, copied
         * @return this builder
         */
        public Builder priorRepair(PriorRepair.Builder priorRepair) {
            history.add(Objects.requireNonNull(priorRepair, "priorRepair").copy());
            return this;
        }

        /**
         * Adds an earlier repair of the vehicle; its fields are checked at {@code history[i].*}.
         *
         * @param priorRepair the repair
         * @return this builder
         */
        public Builder priorRepair(PriorRepair priorRepair) {
            history.add(PriorRepair.Builder.from(Objects.requireNonNull(priorRepair, "priorRepair")));
            return this;
        }

        /**
         * Sets the repair history (default: none), replacing any added before.
         *
         * @param history the earlier repairs, none of them null
         * @return this builder
         */
        public Builder history(List<PriorRepair> history) {
            List<PriorRepair> given = FieldChecks.copy(history, "history");
            this.history = new ArrayList<>(given.size());
            for (PriorRepair r : given) {
                this.history.add(PriorRepair.Builder.from(r));
            }
            return this;
        }

        /**
         * Sets the insurance policy (required for insurance claims); checked at {@code policy.*}.
         *
         * @param policy the policy's builder, copied
         * @return this builder
         */
        public Builder policy(Policy.Builder policy) {
            this.policy = Objects.requireNonNull(policy, "policy").copy();
            return this;
        }

        /**
         * Sets the insurance policy (required for insurance claims); checked at {@code policy.*}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder policy(Policy policy) {
            this.policy = Policy.Builder.from(Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /**
         * Sets the loss assessment (default: none); checked at {@code assessment.*}.
         *
         * @param assessment the assessment's builder, copied
         * @return this builder
         */
        public Builder assessment(Assessment.Builder assessment) {
            this.assessment = Objects.requireNonNull(assessment, "assessment").copy();
            return this;
        }

        /**
         * Sets the loss assessment (default: none); checked at {@code assessment.*}.
         *
         * @param assessment the assessment
         * @return this builder
         */
        public Builder assessment(Assessment assessment) {
            this.assessment = Assessment.Builder.from(Objects.requireNonNull(assessment, "assessment"));
            return this;
        }

        /**
         * Sets who receives an insurance payment (default: {@link Payee#INSURED}).
         *
         * @param payee the insured or the repair shop
         * @return this builder
         */
        public Builder payee(Payee payee) {
            this.payee = Objects.requireNonNull(payee, "payee");
            return this;
        }

        /**
         * Sets the assistance request (required for assistance claims); checked at {@code assistance.*}.
         *
         * @param assistance the request's builder, copied
         * @return this builder
         */
        public Builder assistance(AssistanceRequest.Builder assistance) {
            this.assistance = Objects.requireNonNull(assistance, "assistance").copy();
            return this;
        }

        /**
         * Sets the assistance request (required for assistance claims); checked at {@code assistance.*}.
         *
         * @param assistance the request
         * @return this builder
         */
        public Builder assistance(AssistanceRequest assistance) {
            this.assistance = AssistanceRequest.Builder.from(Objects.requireNonNull(assistance, "assistance"));
            return this;
        }

        /**
         * Adds one of the host's own values, carried along unread (as a JSON claim's
         * {@code extensions} object is); a key given again replaces its value.
         *
         * @param key   the name
         * @param value a string, number, boolean, list or map of those, or null (JSON's null)
         * @return this builder
         */
        public Builder extension(String key, Object value) {
            extensions.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /**
         * Sets the host's own values, replacing any added before.
         *
         * @param extensions the values by name; no key may be null
         * @return this builder
         */
        public Builder extensions(Map<String, ?> extensions) {
            Objects.requireNonNull(extensions, "extensions");
            if (extensions.containsKey(null)) {
                throw new NullPointerException("extensions holds a null key");
            }
            this.extensions.clear();
            this.extensions.putAll(extensions);
            return this;
        }

        /**
         * The claim, once it keeps the contract.
         *
         * @return the claim, equal to the one the codec reads from the same claim as JSON
         * @throws InvalidClaimException for the first way it breaks the contract, as the codec reports it
         */
        public Claim build() {
            return FieldChecks.build(this::check, this::create);
        }

        void check(FieldChecks c) {
            c.claimId("claimId", claimId).date("submittedOn", submittedOn)
                    .object("vehicle", vehicle == null ? null : vehicle::check)
                    .object("incident", incident == null ? null : incident::check)
                    .object("repairShop", repairShop == null ? null : shop -> shop.code("id", repairShop.id()))
                    .objects("lines", lines, ClaimLine.Builder::check)
                    .rule(this::uniqueLineIds)
                    .objects("history", history, PriorRepair.Builder::check)
                    .object("policy", policy == null ? null : policy::check)
                    .object("assessment", assessment == null ? null : assessment::check)
                    .object("assistance", assistance == null ? null : assistance::check)
                    .freeForm("extensions", extensions.isEmpty() ? null : extensions)
                    .required("submittedOn", submittedOn).required("vehicle", vehicle).required("incident", incident)
                    .rule(() -> Contract.typeRequirements(type, repairShop != null, lines != null,
                            lines != null && lines.isEmpty(), policy != null, assistance != null, incident.occurredOn(),
                            vehicle.periodStart()));
        }

        private InputError uniqueLineIds() {
            if (lines == null) {
                return null;
            }
            List<String> ids = new ArrayList<>(lines.size());
            for (ClaimLine.Builder line : lines) {
                ids.add(line.lineId());
            }
            int[] repeat = Contract.repeatedLineId(ids);
            return repeat == null ? null : new InputError("INVALID_FIELD", "lines[" + repeat[0] + "].lineId",
                    Contract.repeatedLineIdMessage(ids.get(repeat[0]), "lines[" + repeat[1] + "]"));
        }

        Claim create() {
            return new Claim(claimId, type, submittedOn, vehicle.create(), incident.create(), repairShop,
                    lines == null ? null : lines.stream().map(ClaimLine.Builder::create).toList(), documents,
                    history.stream().map(PriorRepair.Builder::create).toList(),
                    policy == null ? null : policy.create(), assessment == null ? null : assessment.create(), payee,
                    assistance == null ? null : assistance.create(), extensions);
        }
    }
}
