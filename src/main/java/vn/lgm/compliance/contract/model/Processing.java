package vn.lgm.compliance.contract.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Processing(Boolean integratedWithMining, Product product, Double treoPercent,
                         Boolean facilityPermitted, Boolean moitConsent,
                         @Schema(description = "Every mineral the plant processes is of lawful origin: mined, salvaged or recovered under a licence or registration, or lawfully imported (LGM Art 9(6), Art 78(1)(c)). Added to the contract.")
                         Boolean feedstockLawfulOrigin,
                         @Schema(description = "The processing uses advanced technology and modern equipment that save resources, energy and water and protect the environment, as the approved investment project sets out (LGM Art 78(2)). Added to the contract.")
                         Boolean advancedTechnology) {

    public static final Processing UNKNOWN = new Processing(null, null, null, null, null, null, null);
}
