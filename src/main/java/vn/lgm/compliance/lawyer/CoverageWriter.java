package vn.lgm.compliance.lawyer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.quarkus.qute.Template;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.texts.HtmlTemplates;

/** Writes a coverage report as JSON (for tools), HTML (for lawyers) and JUnit XML (for CI). */
public final class CoverageWriter {

    private static final Template HTML = HtmlTemplates.load("/lawyer/coverage.html");

    private CoverageWriter() {
    }

    /** Writes coverage.json, coverage.html and coverage-junit.xml into the directory; returns their paths. */
    public static List<Path> writeAll(CoverageReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve("coverage.json");
            Path html = dir.resolve("coverage.html");
            Path xml = dir.resolve("coverage-junit.xml");
            Json.json().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
            Files.writeString(html, html(report), StandardCharsets.UTF_8);
            try (Writer w = Files.newBufferedWriter(xml, StandardCharsets.UTF_8)) {
                junit(report, w);
            }
            return List.of(json, html, xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's sections, in order, for its table of contents: id and heading. A new section adds one entry here. */
    public record Section(String id, String heading) {
    }

    static final List<Section> SECTIONS = List.of(new Section("summary", "Summary"),
            new Section("provisions", "Provisions, in the law's order"), new Section("rules", "Rules and their cases"),
            new Section("thresholds", "Thresholds"), new Section("cases", "Cases"));

    /** A rule as a provision lists it: pinned or not, and how many cases were written for it. */
    public record RuleRef(String id, String title, boolean exists, boolean pinned, String colour, int fires, int silent,
                          int boundary, int others) {
    }

    public record ProvisionRow(String id, String citation, String status, String reason, String colour, List<RuleRef> rules,
                               List<String> flags) {
    }

    /**
     * A rule with the cases written for it (file {@code <RULE-ID>-…}): those where it fires, those where it stays
     * silent, the boundary ones (each saying which); apart, folded, the cases written for other rules where it merely
     * fires, counted by the rule they were written for.
     */
    public record RuleBlock(CoverageReport.RuleCoverage rule, List<CoverageReport.OwnCase> fires,
                            List<CoverageReport.OwnCase> silent, List<CoverageReport.OwnCase> boundary,
                            CoverageReport.Others others, String pinnedBy) {
        public boolean written() {
            return !fires.isEmpty() || !silent.isEmpty() || !boundary.isEmpty();
        }
    }

    /** A threshold and what pins it ("4 runs, e.g. APP-030-boundary-… (raised)"). */
    public record ThresholdRow(CoverageReport.ThresholdCoverage threshold, String pinnedBy) {
    }

    /** The passing cases of one folder of cases/. */
    public record CaseGroup(String folder, List<String> ids) {
    }

    public static String html(CoverageReport report) {
        Map<String, RuleBlock> blocks = new LinkedHashMap<>();
        for (CoverageReport.RuleCoverage r : report.rules()) {
            List<CoverageReport.OwnCase> own = report.ownCases(r);
            String pinnedBy = r.killedBy().isEmpty() ? "" : r.killedBy().size() == 1 ? "case " + r.killedBy().get(0)
                    : r.killedBy().size() + " cases, e.g. " + r.killedBy().get(0);
            blocks.put(r.id(), new RuleBlock(r, own.stream().filter(c -> c.fires() && !c.boundary()).toList(),
                    own.stream().filter(c -> !c.fires() && !c.boundary()).toList(),
                    own.stream().filter(CoverageReport.OwnCase::boundary).toList(), report.otherCases(r), pinnedBy));
        }
        List<ProvisionRow> provisions = new ArrayList<>();
        for (CoverageReport.ProvisionCoverage p : report.provisions()) {
            List<RuleRef> refs = new ArrayList<>();
            for (CoverageReport.RuleUse u : p.rules()) {
                RuleBlock b = blocks.get(u.ruleId());
                refs.add(b == null ? new RuleRef(u.ruleId(), null, false, false, "RED", 0, 0, 0, 0)
                        : new RuleRef(u.ruleId(), b.rule().title(), true, b.rule().pinned(), b.rule().colour(), b.fires().size(),
                                b.silent().size(), b.boundary().size(), b.others().count()));
            }
            provisions.add(new ProvisionRow(p.id(), p.citation(), p.status(), p.reason(), p.colour(), refs, p.flags()));
        }
        Map<String, List<String>> passing = new TreeMap<>();
        report.cases().stream().filter(CoverageReport.CaseCoverage::passed).forEach(c -> passing.computeIfAbsent(
                Path.of(c.file()).getParent() == null ? "cases" : Path.of(c.file()).getParent().getFileName().toString(),
                k -> new ArrayList<>()).add(c.id()));
        return HTML.data("r", report)
                .data("sections", SECTIONS)
                .data("provisions", provisions)
                .data("rules", List.copyOf(blocks.values()))
                .data("thresholds", report.thresholds().stream().map(t -> new ThresholdRow(t, t.killedBy().isEmpty() ? ""
                        : t.killedBy().size() + " run(s), e.g. " + t.killedBy().get(0))).toList())
                .data("failing", report.cases().stream().filter(c -> !c.passed()).toList())
                .data("passing", passing.entrySet().stream().map(e -> new CaseGroup(e.getKey(), e.getValue())).toList())
                .data("generated", ZonedDateTime.now(Assessor.VIETNAM).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(Vietnam time)'")))
                .data("score", String.format("%.1f %%", report.summary().mutationScore() * 100))
                .render();
    }

    /** JUnit XML: one suite each for cases, rules (mutants), thresholds (mutants) and provisions. */
    public static void junit(CoverageReport r, Writer out) {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "coverage");
            suite(x, "cases", r.cases().size(), r.cases().stream().filter(c -> !c.passed()).count());
            for (CoverageReport.CaseCoverage c : r.cases()) {
                testcase(x, "cases", c.id(), c.passed() ? null : String.join("\n", c.problems())
                        + "\nexpected: " + c.expectedVerdict() + " " + c.expectedFindings()
                        + "\nactual:   " + c.actualVerdict() + " " + c.actualFindings());
            }
            x.writeEndElement();
            suite(x, "rules", r.rules().size(), r.rules().stream().filter(c -> !c.pinned()).count());
            for (CoverageReport.RuleCoverage rule : r.rules()) {
                testcase(x, "rules", rule.id() + " " + rule.title(), rule.pinned() ? null
                        : "unpinned: switching it off fails no case (provisions " + rule.provisions() + ")");
            }
            x.writeEndElement();
            suite(x, "thresholds", r.thresholds().size(), r.thresholds().stream().filter(t -> !t.pinned()).count());
            for (CoverageReport.ThresholdCoverage t : r.thresholds()) {
                testcase(x, "thresholds", t.key(), t.pinned() ? null : "unpinned: nudging it either way fails no case");
            }
            x.writeEndElement();
            suite(x, "provisions", r.provisions().size(), r.provisions().stream().filter(p -> p.colour().equals("RED")).count());
            for (CoverageReport.ProvisionCoverage p : r.provisions()) {
                testcase(x, "provisions", p.id() + " " + p.citation(), p.colour().equals("RED") ? String.join("; ", p.flags()) : null);
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void suite(XMLStreamWriter x, String name, int tests, long failures) throws XMLStreamException {
        x.writeStartElement("testsuite");
        x.writeAttribute("name", name);
        x.writeAttribute("tests", String.valueOf(tests));
        x.writeAttribute("failures", String.valueOf(failures));
        x.writeAttribute("errors", "0");
    }

    private static void testcase(XMLStreamWriter x, String suite, String name, String failure) throws XMLStreamException {
        x.writeStartElement("testcase");
        x.writeAttribute("classname", "coverage." + suite);
        x.writeAttribute("name", name);
        if (failure != null) {
            x.writeStartElement("failure");
            x.writeAttribute("message", failure.lines().findFirst().orElse(""));
            x.writeCharacters(failure);
            x.writeEndElement();
        }
        x.writeEndElement();
    }
}
