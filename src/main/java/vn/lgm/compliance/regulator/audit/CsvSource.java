package vn.lgm.compliance.regulator.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.contract.input.Limits;
import vn.lgm.compliance.contract.input.ProjectReader;

/**
 * A CSV register with a header row (RFC 4180: comma-separated, double quotes around cells that hold commas,
 * quotes or line breaks), split into records here and mapped by a {@link ColumnMapping}. The register is
 * recognised by its header, not by its file name. A record that cannot be split off — a quote left open past
 * the limit of lines or to the end of the file, more cells than the header has columns, an oversized line — is
 * that record's error, and reading goes on at the next physical line. A record's line is the file line it
 * starts on; its row is its 1-based data-row number as the register numbers it: blank rows and rows of only commas
 * are not records (skipped and counted) but keep their place, so row N is the register's own row N. Control
 * characters (a NUL a spreadsheet left in a cell) are removed from every cell.
 */
public final class CsvSource implements RecordSource {

    private record Row(long row, int section, Map<String, String> cells, String problem) {
    }

    private final ProjectReader reader;
    private final ColumnMapping mapping;
    private final LineReader lines;
    private final int maxRecordLines;
    private final int maxRecordBytes;
    private final List<String> headers;
    /** Physical lines read ahead and handed back after a record could not be closed. */
    private final Deque<LineReader.Line> pending = new ArrayDeque<>();
    private final ColumnMapping.Sections sections;
    private long row;
    private long records;
    private long skipped;

    public CsvSource(InputStream in, ColumnMapping mapping, Limits limits) throws IOException {
        this.reader = ProjectReader.json(limits);
        this.maxRecordLines = limits.maxCsvRecordLines();
        this.maxRecordBytes = limits.maxRecordBytes();
        this.lines = new LineReader(in, limits.maxRecordBytes());
        LineReader.Line first = lines.next();
        if (first == null || first.oversized() || first.text().isBlank()) {
            throw new IllegalArgumentException("the CSV has no header row (line 1)");
        }
        List<String> cells = split(first.text());
        if (cells == null) {
            throw new IllegalArgumentException("the CSV header (line 1) has an unclosed quote");
        }
        this.headers = cells;
        this.mapping = mapping.forHeaders(headers);
        this.sections = this.mapping.sections();
    }

    @Override
    public Raw next() throws IOException {
        while (true) {
            LineReader.Line start = line();
            if (start == null) {
                return null;
            }
            if (start.oversized()) {
                return record(start.number(), null, "the line holds " + start.bytes() + " bytes, over the limit of "
                        + maxRecordBytes + " bytes for one record; it was skipped unread");
            }
            if (start.text().isBlank()) {
                skip();
                continue;
            }
            List<LineReader.Line> taken = new ArrayList<>();
            taken.add(start);
            StringBuilder text = new StringBuilder(start.text());
            boolean open = quoteOpen(start.text(), false);
            while (open) {
                LineReader.Line more = taken.size() < maxRecordLines && text.length() < maxRecordBytes ? line() : null;
                if (more == null || more.oversized()) {
                    // The quote opened on the first line never closes: hand back every line but the first.
                    boolean toEnd = more == null && lines.atEnd() && pending.isEmpty();
                    if (more != null) {
                        pending.addFirst(more);
                    }
                    for (int i = taken.size() - 1; i >= 1; i--) {
                        pending.addFirst(taken.get(i));
                    }
                    return record(start.number(), null, "a quoted cell opened on this line is not closed "
                            + (toEnd ? "before the end of the file" : "within " + maxRecordLines + " lines")
                            + "; the record was skipped and reading goes on at the next line");
                }
                taken.add(more);
                text.append('\n').append(more.text());
                open = quoteOpen(more.text(), true);
            }
            List<String> cells;
            try {
                cells = split(text);
            } catch (IllegalArgumentException e) {
                for (int i = taken.size() - 1; i >= 1; i--) {
                    pending.addFirst(taken.get(i));
                }
                return record(start.number(), null, "the record cannot be split into cells: " + e.getMessage()
                        + "; it was skipped and reading goes on at the next line");
            }
            if (cells.stream().allMatch(String::isBlank)) {
                // A row of only commas (a spreadsheet leaves them below its last row): not a record.
                skip();
                continue;
            }
            // A trailing comma or empty cells past the header are tolerated; anything else there is an error.
            int extra = 0;
            for (int i = headers.size(); i < cells.size(); i++) {
                if (!cells.get(i).isBlank()) {
                    extra = cells.size() - headers.size();
                    break;
                }
            }
            boolean fewer = cells.size() < headers.size();
            if (taken.size() > 1 && (extra > 0 || fewer)) {
                // A quote that "closes" lines later in another record's cell: the join is not a record. Take the
                // quote as unclosed, and read again from the next line.
                for (int i = taken.size() - 1; i >= 1; i--) {
                    pending.addFirst(taken.get(i));
                }
                return record(start.number(), null, "a quoted cell opened on this line does not close within its record "
                        + "(joined with the next lines it gives " + cells.size() + " cells for the header's " + headers.size()
                        + " columns); the record was skipped and reading goes on at the next line");
            }
            if (extra > 0) {
                return record(start.number(), null, "the record has " + cells.size() + " cells, " + extra
                        + " more than the header's " + headers.size() + " columns; it was not read, so no cell is misplaced");
            }
            if (fewer) {
                return record(start.number(), null, "the record has " + cells.size() + " cells, fewer than the header's "
                        + headers.size() + " columns" + (start.text().indexOf('"') >= 0 ? " (a stray quote joins cells)" : "")
                        + "; it was not read, so no cell is misplaced");
            }
            Map<String, String> byHeader = new LinkedHashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                byHeader.put(headers.get(i), i < cells.size() ? ColumnMapping.clean(cells.get(i)) : null);
            }
            return record(start.number(), byHeader, null);
        }
    }

    /** A blank row, or one of only commas: it keeps its place in the numbering of rows, and is counted. */
    private void skip() {
        row++;
        skipped++;
    }

    private Raw record(long line, Map<String, String> cells, String problem) {
        records++;
        row++;
        int section = cells == null ? sections.current() : sections.next(cells);
        return new Raw(line, new Row(row, section, cells, problem));
    }

    private LineReader.Line line() throws IOException {
        return pending.isEmpty() ? lines.next() : pending.pollFirst();
    }

    /** Whether a quoted cell is open at the end of this line, given whether one was open at its start. */
    static boolean quoteOpen(String line, boolean open) {
        boolean atStart = !open;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (open) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        open = false;
                    }
                }
                atStart = false;
            } else if (c == ',') {
                atStart = true;
            } else {
                open = c == '"' && atStart;
                atStart = false;
            }
        }
        return open;
    }

    /** The cells of a record's text, or null when a quoted cell is still open at its end. */
    static List<String> split(CharSequence text) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean atStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                        if (i + 1 < text.length() && text.charAt(i + 1) != ',') {
                            throw new IllegalArgumentException("a quoted cell closes at character " + (i + 1)
                                    + " and text follows it before the next comma (a stray quote)");
                        }
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                atStart = true;
                continue;
            } else if (c == '"' && atStart) {
                quoted = true;
            } else {
                cell.append(c);
            }
            atStart = false;
        }
        if (quoted) {
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }

    @Override
    public InputRecord parse(Raw raw) {
        Row r = (Row) raw.payload();
        if (r.problem() != null) {
            return new InputRecord(raw.line(), null, null, List.of(new InputError("$", r.problem())));
        }
        List<InputError> errors = new ArrayList<>();
        ColumnMapping.Reading reading = new ColumnMapping.Reading();
        var tree = mapping.toProject(r.row(), r.section(), r.cells(), "row-", errors, reading);
        String id = tree.path("id").asText(null);
        ProjectReader.Result read = reader.read(tree);
        errors.addAll(read.errors());
        if (errors.isEmpty()) {
            return new InputRecord(raw.line(), id, read.project(), List.of(), reading.assumed(), reading.stopped());
        }
        return new InputRecord(raw.line(), id, null, errors);
    }

    @Override
    public String describe() {
        return "CSV, " + mapping.registerName() + ", mapped by " + mapping.source();
    }

    @Override
    public String kind() {
        return mapping.kind(headers);
    }

    @Override
    public long skipped() {
        return skipped;
    }

    @Override
    public List<Map<String, Object>> conventions() {
        return mapping.conventions();
    }

    @Override
    public long records() {
        return records;
    }

    @Override
    public boolean atEnd() {
        return lines.atEnd() && pending.isEmpty();
    }

    @Override
    public List<String> warnings() {
        return mapping.unusedBlocks(sections.count());
    }

    @Override
    public void close() {
        // The stream belongs to the caller.
    }
}
