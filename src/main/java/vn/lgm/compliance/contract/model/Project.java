package vn.lgm.compliance.contract.model;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A project description as the public contract defines it. Every fact is optional: an absent fact is unknown.
 * Absent sections are replaced by sections whose facts are all unknown, so rules can read
 * {@code environment.eiaApproved} without guarding against a missing {@code environment}. Lists keep the difference
 * the contract makes: an omitted list ({@code partners}, {@code exports}, ...) is null, unknown; an empty list is none.
 */
@Schema(description = "A proposed or licensed mineral project (contract: docs/CONTRACT.md)")
public record Project(
        @Schema(required = true) String id,
        String name,
        @Schema(description = "Law applied as of this date; default today") LocalDate assessmentDate,
        Stage stage,
        List<Activity> activities,
        List<Mineral> minerals,
        Proponent proponent,
        List<Partner> partners,
        Site site,
        Licence licence,
        Finance finance,
        Processing processing,
        List<ExportItem> exports,
        Technology technology,
        Environment environment,
        Operations operations,
        Transfer transfer) {

    public Project {
        proponent = proponent == null ? Proponent.UNKNOWN : proponent;
        site = site == null ? Site.UNKNOWN : site;
        licence = licence == null ? Licence.UNKNOWN : licence;
        finance = finance == null ? Finance.UNKNOWN : finance;
        processing = processing == null ? Processing.UNKNOWN : processing;
        technology = technology == null ? Technology.UNKNOWN : technology;
        environment = environment == null ? Environment.UNKNOWN : environment;
        operations = operations == null ? Operations.UNKNOWN : operations;
        transfer = transfer == null ? Transfer.UNKNOWN : transfer;
    }

    /** True when the activities are given and include this one. */
    public boolean does(Activity activity) {
        return activities != null && activities.contains(activity);
    }

    /** True when the activities are given and include any of these. */
    public boolean doesAny(Activity... wanted) {
        for (Activity a : wanted) {
            if (does(a)) {
                return true;
            }
        }
        return false;
    }

    /** True when the stage is known and at or beyond the given one. */
    public boolean stageAtLeast(Stage other) {
        return stage != null && stage.atLeast(other);
    }

    public Project withAssessmentDate(LocalDate date) {
        return new Project(id, name, date, stage, activities, minerals, proponent, partners, site, licence, finance,
                processing, exports, technology, environment, operations, transfer);
    }
}
