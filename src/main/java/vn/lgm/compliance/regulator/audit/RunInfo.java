package vn.lgm.compliance.regulator.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The facts of one run that the manifest and the report show, so any audit can be reproduced and defended.
 * {@code records} is the reader's own count of the records it split off the input; {@code assessed} and
 * {@code errors} are the lines written; {@code skipped} the blank rows (and CSV rows of only commas) passed over,
 * which are not records. {@code stopped} says why a run ended early (null when it did not), {@code ending} how.
 * {@code kind} is the kind of register, from its content ("JSON Lines", "CSV: legal follow-up of mines").
 */
public record RunInfo(String input, String inputSha256, String inputFormat, String kind, String rulesVersion,
                      LocalDate lawAsOf, LocalDate compareAsOf, Instant started, Instant ended, long records,
                      long assessed, long errors, long skipped, boolean readToEnd, String stopped,
                      AuditRunner.Ending ending, List<String> warnings) {

    public double seconds() {
        return Math.max(Duration.between(started, ended).toNanos(), 1) / 1e9;
    }

    public double recordsPerSecond() {
        return records / seconds();
    }

    /** records in = assessed + errors: nothing lost. */
    public boolean balanced() {
        return records == assessed + errors;
    }

    /** The whole input was read, nothing stopped the run, and every record read has its line. */
    public boolean complete() {
        return balanced() && readToEnd && stopped == null;
    }
}
