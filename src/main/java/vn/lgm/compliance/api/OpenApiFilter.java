package vn.lgm.compliance.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Makes the generated OpenAPI document say what the API does (issue #12, "the OpenAPI document is true"):
 * <ul>
 * <li>every field of a response schema is always written (Jackson writes nulls), so every one is {@code required}
 *     (but the few written only when asked, such as {@code counterfactuals}); one that can be null says so
 *     ({@code type: [X, "null"]}, or {@code anyOf} a reference and null) unless it is listed below as never null;</li>
 * <li>the request schemas (Project and what it holds) require only {@code id}, and accept null for any other fact
 *     (null is "unknown", as when the fact is left out);</li>
 * <li>domain tags instead of class names.</li>
 * </ul>
 * The OpenAPI validation test checks every real response against the result.
 */
public class OpenApiFilter implements OASFilter {

    /** Response fields that are never null ("Schema.field"). */
    static final Set<String> NEVER_NULL = Set.of(
            "Assessment.projectId", "Assessment.verdict", "Assessment.lawAsOf", "Assessment.rulesVersion",
            "Assessment.derived", "Assessment.findings",
            "AssessmentWithCounterfactuals.projectId", "AssessmentWithCounterfactuals.verdict",
            "AssessmentWithCounterfactuals.lawAsOf", "AssessmentWithCounterfactuals.rulesVersion",
            "AssessmentWithCounterfactuals.derived", "AssessmentWithCounterfactuals.findings",
            "AssessmentWithCounterfactuals.counterfactuals",
            "Finding.ruleId", "Finding.title", "Finding.area", "Finding.outcome", "Finding.citation", "Finding.inForce",
            "Finding.facts", "Finding.explanation", "Finding.remediation", "Finding.missingFacts",
            "Finding.otherRules", "Finding.entries", "RuleRef.ruleId", "RuleRef.title", "RuleRef.citation", "RuleRef.inForce",
            "OutcomeDependence.fact", "OutcomeDependence.answers", "OutcomeAnswer.value", "OutcomeAnswer.outcome",
            "Citation.instrument", "Citation.label", "InForce.from", "FactValue.path",
            "Derived.mineralGroups", "Derived.explanations",
            "InputErrors.errors", "InputError.path", "InputError.message",
            "ErrorLine.line", "ErrorLine.errors",
            "AuditComparisonLine.comparison", "AuditSummaryLine.summary", "AuditIncompleteLine.incomplete",
            "AuditComparison.line", "AuditComparison.projectId", "AuditComparison.lawAsOf", "AuditComparison.compareAsOf",
            "AuditComparison.verdict", "AuditComparison.comparedVerdict", "AuditComparison.appeared", "AuditComparison.disappeared",
            "AuditSummary.records", "AuditSummary.assessed", "AuditSummary.errors", "AuditSummary.complete", "AuditSummary.warnings",
            "AuditIncomplete.reason", "AuditIncomplete.records", "AuditIncomplete.assessed", "AuditIncomplete.errors",
            "Catalogue.rulesVersion", "Catalogue.count", "Catalogue.rules");

    /**
     * Response fields written only when asked for ("Schema.field"): not required. The assessment's answer is one schema
     * for both forms, so that a client generated from the document reads {@code counterfactuals} when it asked for them.
     */
    static final Set<String> ONLY_WHEN_ASKED = Set.of("AssessmentWithCounterfactuals.counterfactuals");

    static final Map<String, String> TAGS = Map.of(
            "Rule Resource", "Rules", "Coverage Resource", "Coverage", "Coverage Page", "Coverage",
            "Web Resource", "Investor page", "Audit History Resource", "Audit history",
            "Licence History Resource", "Audit history", "Reload Resource", "Rules", "Interview Resource", "Interview");

    private static final String PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> request = reachable(schemas, "Project");
        if (schemas.get("AuditRun") != null && schemas.get("AuditRun").getProperties() != null) {
            schemas.get("AuditRun").removeProperty(ServerPaths.INPUT_PATH);   // never shown over HTTP (ServerPaths)
        }
        schemas.forEach((name, schema) -> {
            if (schema.getProperties() == null || schema.getProperties().isEmpty() || schema.getOneOf() != null) {
                return;
            }
            boolean isRequest = request.contains(name);
            if (!isRequest) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet().stream()
                        .filter(p -> !ONLY_WHEN_ASKED.contains(name + "." + p)).toList()));
            }
            for (Map.Entry<String, Schema> p : new ArrayList<>(schema.getProperties().entrySet())) {
                boolean nonNull = isRequest ? name.equals("Project") && p.getKey().equals("id")
                        : NEVER_NULL.contains(name + "." + p.getKey());
                if (!nonNull) {
                    schema.addProperty(p.getKey(), nullable(p.getValue()));
                }
            }
        });
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(this::tag));
        }
        if (api.getTags() != null) {
            api.setTags(new ArrayList<>(api.getTags().stream().filter(t -> !TAGS.containsKey(t.getName())).toList()));
        }
    }

    private void tag(Operation op) {
        if (op.getTags() != null) {
            List<String> tags = op.getTags().stream().map(t -> TAGS.getOrDefault(t, t)).distinct().toList();
            op.setTags(new ArrayList<>(tags));
        }
    }

    /** The schema, accepting null as well. */
    private static Schema nullable(Schema s) {
        if (s.getRef() != null) {
            Schema wrapped = OASFactory.createSchema()
                    .addAnyOf(OASFactory.createSchema().ref(s.getRef()))
                    .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
            if (s.getDescription() != null) {
                wrapped.setDescription(s.getDescription());
            }
            return wrapped;
        }
        if (s.getType() != null && !s.getType().isEmpty() && !s.getType().contains(Schema.SchemaType.NULL)) {
            s.addType(Schema.SchemaType.NULL);
            if (s.getEnumeration() != null && !s.getEnumeration().contains(null)) {
                s.addEnumeration(null);
            }
        }
        return s;
    }

    /** Names of the schemas reachable from one, through references. */
    private static Set<String> reachable(Map<String, Schema> schemas, String root) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name) || !schemas.containsKey(name)) {
                continue;
            }
            refs(schemas.get(name), todo);
        }
        return seen;
    }

    private static void refs(Schema s, Deque<String> out) {
        if (s == null) {
            return;
        }
        if (s.getRef() != null && s.getRef().startsWith(PREFIX)) {
            out.push(s.getRef().substring(PREFIX.length()));
        }
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> refs(p, out));
        }
        refs(s.getItems(), out);
        if (s.getAnyOf() != null) {
            s.getAnyOf().forEach(a -> refs(a, out));
        }
    }
}
