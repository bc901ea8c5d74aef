package vn.lgm.compliance.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** The facts of one run that the manifest and the report show, so any audit can be reproduced and defended. */
public record RunInfo(String input, String inputSha256, String inputFormat, String rulesVersion, LocalDate lawAsOf,
                      LocalDate compareAsOf, Instant started, Instant ended, long records, long assessed, long errors) {

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
}
