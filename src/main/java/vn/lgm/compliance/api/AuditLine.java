package vn.lgm.compliance.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.lgm.compliance.regulator.audit.AuditRunner;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Verdict;

/** The lines of an audit's NDJSON stream, for the OpenAPI document only: each line is one of these. */
@Schema(name = "AuditLine", description = "One line of the audit stream: an assessment, a record's errors, a comparison, "
        + "and last a summary or an incomplete line", oneOf = {Assessment.class, AuditRunner.ErrorLine.class,
        AuditLine.ComparisonLine.class, AuditLine.SummaryLine.class, AuditLine.IncompleteLine.class})
public final class AuditLine {

    private AuditLine() {
    }

    @Schema(name = "AuditComparisonLine", description = "With compareAsOf: follows the record's assessment",
            requiredProperties = "comparison")
    public record ComparisonLine(Comparison comparison) {
    }

    @Schema(name = "AuditComparison", requiredProperties = {"line", "projectId", "lawAsOf", "compareAsOf", "verdict",
            "comparedVerdict", "appeared", "disappeared"})
    public record Comparison(long line, String projectId, LocalDate lawAsOf, LocalDate compareAsOf, Verdict verdict,
                             Verdict comparedVerdict,
                             @Schema(description = "'RULE-ID OUTCOME' found as of lawAsOf and not as of compareAsOf") List<String> appeared,
                             @Schema(description = "'RULE-ID OUTCOME' found as of compareAsOf and not as of lawAsOf") List<String> disappeared) {
    }

    @Schema(name = "AuditSummaryLine", description = "The last line of a complete audit", requiredProperties = "summary")
    public record SummaryLine(Summary summary) {
    }

    @Schema(name = "AuditSummary", requiredProperties = {"records", "assessed", "errors", "complete", "warnings", "verdicts",
            "skippedRows", "runId", "recorded"})
    public record Summary(long records, long assessed, long errors, boolean complete, List<String> warnings,
                          @Schema(description = "The records assessed, by verdict (NON_COMPLIANT, INCOMPLETE, CONDITIONAL, COMPLIANT)")
                          java.util.Map<String, Long> verdicts,
                          @Schema(description = "Blank rows (and CSV rows of only commas) skipped: not records") long skippedRows,
                          @Schema(description = "The run's id in the audit history") long runId,
                          @Schema(description = "The audit history holds the whole run") boolean recorded) {
    }

    @Schema(name = "AuditIncompleteLine", description = "The last line of an audit that stopped early", requiredProperties = "incomplete")
    public record IncompleteLine(Incomplete incomplete) {
    }

    @Schema(name = "AuditIncomplete", requiredProperties = {"reason", "records", "assessed", "errors"})
    public record Incomplete(String reason, long records, long assessed, long errors) {
    }
}
