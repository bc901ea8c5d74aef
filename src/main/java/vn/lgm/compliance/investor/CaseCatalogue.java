package vn.lgm.compliance.investor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.jboss.logging.Logger;

import io.quarkus.qute.TemplateData;

import vn.lgm.compliance.engine.cases.CaseLoader;
import vn.lgm.compliance.engine.cases.TestCase;

/**
 * The cases an investor may load as examples: every case under {@code <cases.dir>/scenarios} and
 * {@code <cases.dir>/baseline}, read with the engine's {@link CaseLoader} (so a case's project is merged onto its
 * base exactly as the tests see it). Read on each request: a scenario added to the folder appears without a
 * restart. A case with errors in its file is left out and logged.
 */
public final class CaseCatalogue {

    private static final Logger LOG = Logger.getLogger(CaseCatalogue.class);
    public static final List<String> FOLDERS = List.of("scenarios", "baseline");

    /** One example: where it lives (folder, file relative to the cases folder), what it is, and its project. */
    @TemplateData
    public record Example(String id, String title, String narrative, String folder, String file,
                          @org.eclipse.microprofile.openapi.annotations.media.Schema(ref = "Project") JsonNode project) {
    }

    private final Path dir;
    private final CaseLoader loader = new CaseLoader();

    public CaseCatalogue(Path dir) {
        this.dir = dir;
    }

    public List<Example> examples() {
        List<Example> out = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path sub = dir.resolve(folder);
            if (!Files.isDirectory(sub)) {
                continue;
            }
            for (TestCase c : loader.loadAll(sub)) {
                if (!c.valid() || c.project() == null) {
                    LOG.warnf("Example case %s left out: %s", c.file(), c.errors());
                    continue;
                }
                out.add(new Example(c.id(), c.title(), c.narrative(), folder,
                        dir.relativize(c.file()).toString().replace('\\', '/'), WebJson.compact(c.project())));
            }
        }
        return out;
    }
}
