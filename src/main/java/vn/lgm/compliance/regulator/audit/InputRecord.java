package vn.lgm.compliance.regulator.audit;

import java.util.List;

import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.contract.model.Project;

/** One record of an input file: where it starts (line), its id if one could be read, and a project or its errors. */
public record InputRecord(long line, String id, Project project, List<InputError> errors) {

    public boolean ok() {
        return project != null && errors.isEmpty();
    }
}
