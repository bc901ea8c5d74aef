package vn.lgm.compliance.lawyer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

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

    public static String html(CoverageReport report) {
        return HTML.data("r", report)
                .data("generated", ZonedDateTime.now(Assessor.VIETNAM).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
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
