package vn.lgm.compliance.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The department report as JSON ({@code GET /api/v1/audits/{id}/report} with {@code Accept: application/json}), for the
 * OpenAPI document only: the model the HTML report is rendered from (regulator/report/ReportBuilder), each part named;
 * the parts' rows are described by the report itself. OpenApiValidationTest checks real reports against it.
 */
@Schema(name = "DepartmentReport", description = "The department report of a stored run: its summary, the licences to act on,"
        + " what changed since the last audit, what comes due, a reform's effect, the charts' data and the details, in the"
        + " report's language")
public record DepartmentReport(
        @Schema(description = "vi or en") String lang,
        @Schema(description = "The report's headings and labels in its language, by key") Map<String, String> t,
        String register,
        @Schema(description = "The date whose law was applied, or a phrase saying each record's own date was") String lawAsOf,
        String auditedOn,
        @Schema(description = "The licences to act on, grouped by the rule they break, most licences first") List<Map<String, Object>> act,
        @Schema(description = "The plain summary, one sentence a line") List<String> summary,
        @Schema(description = "Since the last audit; null without an earlier run to compare with") Map<String, Object> changes,
        @Schema(description = "What comes due within the forward look; null without one") Map<String, Object> due,
        @Schema(description = "What a draft reform would change; null without one") Map<String, Object> reform,
        @Schema(description = "The same records under the law of another date; null unless asked") Map<String, Object> lawComparison,
        List<Map<String, Object>> verdictBars,
        List<Map<String, Object>> provisionBars,
        List<Map<String, Object>> districtBars,
        @Schema(description = "Per rule: its title, provision and findings by outcome") List<Map<String, Object>> rules,
        List<Map<String, Object>> byMineral,
        List<Map<String, Object>> byIssuer,
        List<Map<String, Object>> byDistrict,
        @Schema(description = "The rows of the register that could not be read, each with its problems") List<Map<String, Object>> errorRecords,
        @Schema(description = "The run: id, records, assessed, errors, rules version, input hash, duration") Map<String, Object> run,
        @Schema(description = "Licences per verdict") Map<String, Long> verdictCounts) {
}
