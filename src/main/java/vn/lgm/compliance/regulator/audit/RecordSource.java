package vn.lgm.compliance.regulator.audit;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Records of an input, read one by one on a single thread (cheap: splitting lines or CSV records), turned into
 * projects later on the worker threads ({@link #parse}). Never holds the file in memory. A record that cannot
 * even be split off (an oversized line, an unclosed quote) is returned as a record with its problem, and reading
 * goes on at the next record. Blank rows (and CSV rows of only commas) are not records: they are skipped and
 * counted ({@link #skipped}).
 */
public interface RecordSource extends Closeable {

    /** One unparsed record: where it starts and its payload (a JSON line, or a CSV row's cells). */
    record Raw(long line, Object payload) {
    }

    /** The next record, or null at the end. */
    Raw next() throws IOException;

    /** Turns a raw record into a project or its errors; thread-safe. */
    InputRecord parse(Raw raw);

    /** What the input was, for the manifest (format and mapping). */
    String describe();

    /**
     * The kind of register, from its content, never its file name: "JSON Lines", or "CSV: " and the register the
     * mapping recognised by the header. Runs are compared only with earlier runs of the same kind.
     */
    String kind();

    /** How many records have been split off so far, counted by the reader whatever they hold. */
    long records();

    /** Blank rows (and CSV rows of only commas) passed over so far: not records, counted apart. */
    default long skipped() {
        return 0;
    }

    /** True once the input has been read to its end. */
    boolean atEnd();

    /** Problems of the input as a whole that did not stop it (e.g. a mapping block that applies to no row). */
    default List<String> warnings() {
        return List.of();
    }

    /**
     * The conventions by which empty values were read, each {@code {"section", "columns", "source"}}: where an
     * empty cell was read as "recorded as not done" rather than unknown. Empty: every empty value is unknown.
     */
    default List<Map<String, Object>> conventions() {
        return List.of();
    }
}
