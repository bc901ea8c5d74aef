package vn.lgm.compliance.model;

import java.util.List;

/** The law's definitions as applied to the project: derived by rules, never asked of the user. */
public record Derived(List<String> mineralGroups, Boolean strategic, Boolean specialStrategic,
                      Issuer licensingAuthority, List<String> explanations) {
}
