package vn.lgm.compliance.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import vn.lgm.compliance.input.InputError;
import vn.lgm.compliance.input.Json;
import vn.lgm.compliance.input.ProjectReader;

/**
 * A CSV register with a header row, tokenised by Jackson's CSV module (quoted multi-line cells included) and
 * mapped by a {@link ColumnMapping}. A record's line is the file line it starts on; its row is its 1-based
 * data-row number (what the mapping's complete-record blocks count).
 */
public final class CsvSource implements RecordSource {

    private static final ProjectReader READER = ProjectReader.json();
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.ALLOW_TRAILING_COMMA)
            .enable(CsvParser.Feature.INSERT_NULLS_FOR_MISSING_COLUMNS)
            .build();

    private record Row(long row, Map<String, String> cells, String problem) {
    }

    private final ColumnMapping mapping;
    private final MappingIterator<Map<String, String>> rows;
    private final List<String> unknownHeaders;
    private long row;
    private boolean broken;

    public CsvSource(InputStream in, ColumnMapping mapping) throws IOException {
        this.mapping = mapping;
        Reader reader = withoutBom(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.rows = CSV.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).readValues(reader);
        CsvSchema schema = (CsvSchema) rows.getParser().getSchema();
        List<String> headers = new ArrayList<>();
        rows.hasNextValue();
        schema = (CsvSchema) rows.getParser().getSchema();
        schema.forEach(c -> headers.add(c.getName()));
        this.unknownHeaders = mapping.unknownHeaders(headers);
        if (!unknownHeaders.isEmpty()) {
            throw new IllegalArgumentException("the column mapping " + mapping.source() + " does not know the column(s) "
                    + unknownHeaders + " (line 1); add them (or type: ignore) to the mapping");
        }
    }

    @Override
    public Raw next() {
        if (broken) {
            return null;
        }
        try {
            if (!rows.hasNextValue()) {
                return null;
            }
            long line = rows.getCurrentLocation().getLineNr();
            Map<String, String> cells = rows.nextValue();
            return new Raw(line, new Row(++row, cells, null));
        } catch (IOException | RuntimeException e) {
            // The CSV structure itself is broken here (e.g. an unclosed quote): report it as a record and stop.
            broken = true;
            long line = rows.getCurrentLocation() == null ? -1 : rows.getCurrentLocation().getLineNr();
            return new Raw(line, new Row(++row, null, "the CSV cannot be split into records from here: " + Json.oneLine(e)));
        }
    }

    @Override
    public InputRecord parse(Raw raw) {
        Row r = (Row) raw.payload();
        if (r.problem() != null) {
            return new InputRecord(raw.line(), null, null, List.of(new InputError("$", r.problem())));
        }
        List<InputError> errors = new ArrayList<>();
        ObjectNode tree = mapping.toProject(r.row(), r.cells(), "row-", errors);
        String id = tree.path("id").asText(null);
        ProjectReader.Result read = READER.read(tree);
        errors.addAll(read.errors());
        if (errors.isEmpty()) {
            return new InputRecord(raw.line(), id, read.project(), List.of());
        }
        return new InputRecord(raw.line(), id, null, errors);
    }

    @Override
    public String describe() {
        return "CSV mapped by " + mapping.source();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }

    private static Reader withoutBom(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }
}
