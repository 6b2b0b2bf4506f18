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

    /** A copy with other lines, for tests and what-if runs. */
    public Claim withLines(List<ClaimLine> newLines) {
        return new Claim(claimId, type, submittedOn, vehicle, incident, repairShop, newLines, documents,
                history, policy, assessment, payee, assistance, extensions);
    }

    /** A copy with another claim id. */
    public Claim withClaimId(String newClaimId) {
        return new Claim(newClaimId, type, submittedOn, vehicle, incident, repairShop, lines, documents,
                history, policy, assessment, payee, assistance, extensions);
    }

    /** A copy with other documents. */
    public Claim withDocuments(List<DocumentCode> newDocuments) {
        return new Claim(claimId, type, submittedOn, vehicle, incident, repairShop, lines, newDocuments,
                history, policy, assessment, payee, assistance, extensions);
    }

    /** A copy with another vehicle. */
    public Claim withVehicle(Vehicle newVehicle) {
        return new Claim(claimId, type, submittedOn, newVehicle, incident, repairShop, lines, documents,
                history, policy, assessment, payee, assistance, extensions);
    }

    /** A copy with another incident. */
    public Claim withIncident(Incident newIncident) {
        return new Claim(claimId, type, submittedOn, vehicle, newIncident, repairShop, lines, documents,
                history, policy, assessment, payee, assistance, extensions);
    }

    /** A copy with another repair shop. */
    public Claim withRepairShop(RepairShop newShop) {
        return new Claim(claimId, type, submittedOn, vehicle, incident, newShop, lines, documents,
                history, policy, assessment, payee, assistance, extensions);
    }

    /** A copy with another repair history. */
    public Claim withHistory(List<PriorRepair> newHistory) {
        return new Claim(claimId, type, submittedOn, vehicle, incident, repairShop, lines, documents,
                newHistory, policy, assessment, payee, assistance, extensions);
    }
}
