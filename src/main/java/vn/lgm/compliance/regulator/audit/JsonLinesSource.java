package vn.lgm.compliance.regulator.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.input.Limits;
import vn.lgm.compliance.contract.input.ProjectReader;

/**
 * JSON Lines: one contract project per line, read with the same {@link ProjectReader} as the API. Blank lines are
 * skipped (and counted); a line longer than the limit is that record's error, and reading goes on with the next line.
 */
public class JsonLinesSource implements RecordSource {

    /** The longest id an error line repeats; a longer one is cut with an ellipsis. */
    static final int MAX_ID = 200;

    private final ProjectReader reader;
    private final LineReader in;
    private final int maxLineBytes;
    private long records;
    private long skipped;

    public JsonLinesSource(InputStream in) {
        this(in, Limits.DEFAULTS);
    }

    public JsonLinesSource(InputStream in, Limits limits) {
        this.reader = ProjectReader.json(limits);
        this.maxLineBytes = limits.maxRecordBytes();
        this.in = new LineReader(in, maxLineBytes);
    }

    @Override
    public Raw next() throws IOException {
        LineReader.Line line;
        while ((line = in.next()) != null) {
            if (line.oversized()) {
                records++;
                return new Raw(line.number(), new Oversized(line.bytes()));
            }
            if (!line.text().isBlank()) {
                records++;
                return new Raw(line.number(), line.text());
            }
            skipped++;
        }
        return null;
    }

    private record Oversized(long bytes) {
    }

    @Override
    public InputRecord parse(Raw raw) {
        if (raw.payload() instanceof Oversized o) {
            return new InputRecord(raw.line(), null, null, List.of(new InputError("$", "the line holds " + o.bytes()
                    + " bytes, over the limit of " + maxLineBytes + " bytes for one record; it was skipped unread")));
        }
        String text = (String) raw.payload();
        ProjectReader.Result r = reader.read(text);
        if (r.ok()) {
            return new InputRecord(raw.line(), r.project().id(), r.project(), List.of());
        }
        return new InputRecord(raw.line(), idOf(text), null, r.errors());
    }

    /**
     * The id of a record that could not be read, if its text shows one at the top level: found by a streaming
     * parse (linear, no regular expression), cut at {@link #MAX_ID} characters.
     */
    static String idOf(String text) {
        try (JsonParser p = Json.json().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("id".equals(name) && v == JsonToken.VALUE_STRING) {
                    String id = p.getText();
                    return id.length() > MAX_ID ? id.substring(0, MAX_ID) + "…" : id;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String describe() {
        return "JSON Lines";
    }

    @Override
    public String kind() {
        return "JSON Lines";
    }

    @Override
    public long skipped() {
        return skipped;
    }

    @Override
    public long records() {
        return records;
    }

    @Override
    public boolean atEnd() {
        return in.atEnd();
    }

    @Override
    public void close() throws IOException {
        // The stream belongs to the caller.
    }
}
