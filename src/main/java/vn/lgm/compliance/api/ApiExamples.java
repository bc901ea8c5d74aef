package vn.lgm.compliance.api;

/**
 * Request examples the OpenAPI document shows (Swagger UI's "Try it out" body): the contract's example,
 * {@code examples/rare-earth-proposal.json}; a test checks that this text is that file and that the API accepts it.
 */
final class ApiExamples {

    static final String RARE_EARTH_PROPOSAL = "{\"id\": \"P-001\", \"name\": \"Example rare-earth mine\", \"assessmentDate\": \"2026-03-01\", \"stage\""
            + ": \"PROPOSAL\", \"activities\": [\"EXPLOITATION\", \"PROCESSING\", \"EXPORT\"], \"minerals\": [{\"name\""
            + ": \"RARE_EARTH\", \"radioactive\": true}], \"proponent\": {\"name\": \"Example JSC\", \"legalForm\": \""
            + "VN_ENTERPRISE\", \"foreignOwnershipPercent\": 49, \"representativeOfficeInVietnam\": true, \"sta"
            + "teDesignated\": false, \"seriousViolationsLast5Years\": false, \"outstandingObligations\": fals"
            + "e}, \"partners\": [{\"name\": \"Partner Co\", \"country\": \"KR\", \"role\": \"TECHNOLOGY\", \"pmApproved"
            + "\": false}], \"site\": {\"province\": \"Lai Châu\", \"areaKm2\": 1.32, \"offshore\": false, \"conforms"
            + "ToPlanning\": true, \"overlapsProhibitedArea\": false, \"overlapsTemporarilyProhibitedArea\": f"
            + "alse, \"prohibitedAreaApproval\": false, \"inNationalMineralReserve\": false, \"inRareEarthRese"
            + "rveArea\": false, \"overlapsExistingRights\": false, \"smallScaleArea\": false}, \"licence\": {\"t"
            + "ype\": \"EXPLOITATION\", \"number\": \"134/GP-BTNMT\", \"issuedBy\": \"MINISTER\", \"issuedOn\": \"2021-"
            + "08-06\", \"expiresOn\": \"2028-07-13\", \"allocation\": \"NO_AUCTION_AREA\", \"noAuctionBasis\": \"STR"
            + "ATEGIC_MINERAL\", \"pmApproval\": true, \"investmentPolicyApproved\": true}, \"finance\": {\"explo"
            + "rationBudget\": 0, \"totalInvestment\": 0, \"ownersEquity\": 0, \"bankGuarantee\": 0, \"financingC"
            + "ommitments\": 0}, \"processing\": {\"integratedWithMining\": true, \"product\": \"TOTAL_OXIDE\", \"t"
            + "reoPercent\": 92, \"facilityPermitted\": true, \"moitConsent\": true}, \"exports\": [{\"mineral\": "
            + "\"RARE_EARTH\", \"product\": \"CONCENTRATE\", \"treoPercent\": 60, \"meetsMoitStandard\": false, \"on"
            + "PmExportList\": false, \"destination\": \"CN\"}], \"technology\": {\"foreignTransfer\": true, \"tran"
            + "sferContractRegistered\": false, \"classification\": \"UNRESTRICTED\", \"transferLicence\": false"
            + ", \"automation\": true}, \"environment\": {\"eiaApproved\": true, \"environmentalPermit\": false, "
            + "\"rehabilitationPlanApproved\": true, \"rehabilitationDepositPaid\": false, \"radiationSafetyOp"
            + "inion\": false, \"radiationLicence\": false, \"tailingsDesignApproved\": true}, \"operations\": {"
            + "\"mineDesignSubmitted\": true, \"mineDirectorNotified\": true, \"boundaryMarkersHandedOver\": tr"
            + "ue, \"weighingStation\": false, \"camera\": false, \"landLeaseDecision\": true, \"monthlyReportsF"
            + "iled\": false, \"traceabilityRegistered\": false}, \"transfer\": {\"rights\": \"EXPLORATION\", \"exp"
            + "lorationBudgetSpentPercent\": 40, \"mineInOperation\": false, \"pmApproved\": false}}";

    private ApiExamples() {
    }
}
