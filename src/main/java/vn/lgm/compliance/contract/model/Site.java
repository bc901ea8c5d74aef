package vn.lgm.compliance.contract.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Site(
        String province,
        String district,
        String commune,
        Double areaKm2,
        Boolean offshore,
        Boolean conformsToPlanning,
        Boolean overlapsProhibitedArea,
        Boolean overlapsTemporarilyProhibitedArea,
        @Schema(description = "Approval to work in a prohibited area after the ministries were consulted (LGM Art 26)")
        Boolean prohibitedAreaApproval,
        Boolean inNationalMineralReserve,
        Boolean inRareEarthReserveArea,
        Boolean overlapsExistingRights,
        @Schema(description = "A published small-scale area where the province may license Group I (LGM Art 108(2))")
        Boolean smallScaleArea,
        @Schema(description = "Underground mining (rather than open pit)")
        Boolean underground,
        @Schema(description = "The sand or gravel is taken from a river bed or lake bed (LGM Art 87(3): such a licence runs at most 10 years in all). Added to the contract.")
        Boolean riverOrLakeBed) {

    public static final Site UNKNOWN = new Site(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
