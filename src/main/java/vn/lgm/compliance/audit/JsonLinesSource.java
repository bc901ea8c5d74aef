package vn.lgm.compliance.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lgm.compliance.input.InputError;
import vn.lgm.compliance.input.ProjectReader;

/** JSON Lines: one contract project per line, read with the same {@link ProjectReader} as the API. Blank lines are skipped. */
public class JsonLinesSource implements RecordSource {

    private static final ProjectReader READER = ProjectReader.json();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final BufferedReader in;
    private long line;

    public JsonLinesSource(InputStream in) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public Raw next() throws IOException {
        String text;
        while ((text = in.readLine()) != null) {
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (!text.isBlank()) {
                return new Raw(line, text);
            }
        }
        return null;
    }

    @Override
    public InputRecord parse(Raw raw) {
        String text = (String) raw.payload();
        ProjectReader.Result r = READER.read(text);
        if (r.ok()) {
            return new InputRecord(raw.line(), r.project().id(), r.project(), List.of());
        }
        return new InputRecord(raw.line(), idOf(text), null, r.errors());
    }

    /** The id of a record that could not be read, if its text shows one. */
    static String idOf(String text) {
        Matcher m = ID.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public String describe() {
        return "JSON Lines";
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    static List<InputError> error(String message) {
        return List.of(new InputError("$", message));
    }
}
