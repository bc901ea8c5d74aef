package vn.lgm.compliance.regulator.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;

import vn.lgm.compliance.contract.input.Limits;
import vn.lgm.compliance.contract.model.Project;

/** The three Lào Cai registers of data/lao-cai, read through mappings/lao-cai.yaml, for the gates. */
public final class Registers {

    /** The date the regulator's follow-up audit of the registers is made (as in LaoCaiRegistersTest). */
    public static final LocalDate AS_OF = LocalDate.of(2026, 4, 28);
    public static final List<String> FILES = List.of("ds-gp-khai-thac-31-10-2025.csv", "ds-gp-tham-do-yen-bai-6-2025.csv",
            "theo-doi-phap-ly-mo-khai-thac-4-2026.csv");

    private Registers() {
    }

    /** Each licence read, assessed as of {@link #AS_OF}, with "file line N"; returns how many were read. */
    public static int forEach(BiConsumer<String, Project> licence) throws Exception {
        int n = 0;
        for (String file : FILES) {
            Path register = Path.of("data/lao-cai").resolve(file);
            try (RecordSource source = Audit.open(Files.newInputStream(register), true, null, Limits.DEFAULTS)) {
                for (RecordSource.Raw raw = source.next(); raw != null; raw = source.next()) {
                    InputRecord r = source.parse(raw);
                    if (r.project() != null) {
                        n++;
                        licence.accept(file + " line " + r.line(), r.project().withAssessmentDate(AS_OF));
                    }
                }
            }
        }
        return n;
    }
}
