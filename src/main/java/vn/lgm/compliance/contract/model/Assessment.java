package vn.lgm.compliance.contract.model;

import java.time.LocalDate;
import java.util.List;

public record Assessment(String projectId, Verdict verdict, LocalDate lawAsOf, String rulesVersion,
                         Derived derived, List<Finding> findings) {
}
