package vn.lgm.compliance.contract.model;

import java.util.List;

/**
 * The law's definitions as applied to the project: derived by rules (rules/definitions/), never asked of the user.
 *
 * @param principalGroup      the most senior group among the minerals (LGM Art 6(1)); null when none is classified
 * @param radioactiveMinerals the minerals that are radioactive (LGM Art 2(17)); a rare earth whose radioactivity is
 *                            not given is not listed (it is asked where it matters)
 * @param foreignInvestor     whether the proponent is a foreign investor for the foreign-investment rules; null when
 *                            the facts that would tell are not given
 * @param licenceRegime       the law the licence was issued under (MINERAL_LAW_1996, LAW_60_2010, LAW_54_2024,
 *                            LAW_54_AMENDED), read from its issue date; null when not licensed or the date is not given
 */
public record Derived(List<String> mineralGroups, Boolean strategic, Boolean specialStrategic,
                      Issuer licensingAuthority, List<String> explanations, String principalGroup,
                      List<String> radioactiveMinerals, Boolean foreignInvestor, String licenceRegime) {
}
