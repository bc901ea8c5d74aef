package vn.lgm.compliance.texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;

/**
 * The Qute engine for the HTML reports that are also written by commands outside Quarkus (the audit report, the
 * coverage page): values are HTML-escaped, as in Quarkus' own templates, and read from records by reflection.
 */
public final class HtmlTemplates {

    private static final Engine ENGINE = Engine.builder().addDefaults()
            .addValueResolver(new ReflectionValueResolver())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
            .build();

    private HtmlTemplates() {
    }

    /** Parses an HTML template from the class path, e.g. {@code /reports/coverage.html}. */
    public static Template load(String resource) {
        try (InputStream in = HtmlTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the template " + resource + " is missing from the class path");
            }
            return ENGINE.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Variant.forContentType(Variant.TEXT_HTML));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
