package vn.lgm.compliance.regulator.audit;

import java.util.List;

import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.contract.model.Project;

/**
 * One record of an input file: where it starts (line), its id if one could be read, and a project or its errors.
 * {@code assumed} are the fact paths a register left empty that its mapping read as "recorded as not done" (a
 * complete-record section); {@code stopped} says the register records the mine as stopped, so no such reading was
 * made for it.
 */
public record InputRecord(long line, String id, Project project, List<InputError> errors, List<String> assumed,
                          boolean stopped) {

    public InputRecord(long line, String id, Project project, List<InputError> errors) {
        this(line, id, project, errors, List.of(), false);
    }

    public boolean ok() {
        return project != null && errors.isEmpty();
    }
}
