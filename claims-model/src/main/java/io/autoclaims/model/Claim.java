package io.autoclaims.model;

import java.time.LocalDate;
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
     * A copy with other lines, for tests and what-if runs.
     *
     * @param newLines the lines
     * @return a new claim; this one is unchanged
     */
    public Claim withLines(List<ClaimLine> newLines) {
        return new Claim(claimId, type, submittedOn, vehicle, incident, repairShop, newLines, documents,
                history, policy, assessment, payee, assistance, extensions);
    }

    /**
     * A copy with another claim id.
     *
     * @param newClaimId the id
     * @return a new claim; this one is unchanged
     */
    public Claim withClaimId(String newClaimId) {
        return new Claim(newClaimId, type, submittedOn, vehicle, incident, repairShop, lines, documents,
                history, policy, assessment, payee, assistance, extensions);
    }

    /**
     * A copy with other documents.
     *
     * @param newDocuments the documents supplied
     * @return a new claim; this one is unchanged
     */
    public Claim withDocuments(List<DocumentCode> newDocuments) {
        return new Claim(claimId, type, submittedOn, vehicle, incident, repairShop, lines, newDocuments,
                history, policy, assessment, payee, assistance, extensions);
    }

    /**
     * A copy with another vehicle.
     *
     * @param newVehicle the vehicle
     * @return a new claim; this one is unchanged
     */
    public Claim withVehicle(Vehicle newVehicle) {
        return new Claim(claimId, type, submittedOn, newVehicle, incident, repairShop, lines, documents,
                history, policy, assessment, payee, assistance, extensions);
    }

    /**
     * A copy with another incident.
     *
     * @param newIncident the incident
     * @return a new claim; this one is unchanged
     */
    public Claim withIncident(Incident newIncident) {
        return new Claim(claimId, type, submittedOn, vehicle, newIncident, repairShop, lines, documents,
                history, policy, assessment, payee, assistance, extensions);
    }

    /**
     * A copy with another repair shop.
     *
     * @param newShop the repair shop
     * @return a new claim; this one is unchanged
     */
    public Claim withRepairShop(RepairShop newShop) {
        return new Claim(claimId, type, submittedOn, vehicle, incident, newShop, lines, documents,
                history, policy, assessment, payee, assistance, extensions);
    }

    /**
     * A copy with another repair history.
     *
     * @param newHistory the earlier repairs
     * @return a new claim; this one is unchanged
     */
    public Claim withHistory(List<PriorRepair> newHistory) {
        return new Claim(claimId, type, submittedOn, vehicle, incident, repairShop, lines, documents,
                newHistory, policy, assessment, payee, assistance, extensions);
    }
}
