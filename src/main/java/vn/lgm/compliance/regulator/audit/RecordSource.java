package vn.lgm.compliance.regulator.audit;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Records of an input, read one by one on a single thread (cheap: splitting lines or CSV records), turned into
 * projects later on the worker threads ({@link #parse}). Never holds the file in memory. A record that cannot
 * even be split off (an oversized line, an unclosed quote) is returned as a record with its problem, and reading
 * goes on at the next record.
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

    /** How many records have been split off so far, counted by the reader whatever they hold. */
    long records();

    /** True once the input has been read to its end. */
    boolean atEnd();

    /** Problems of the input as a whole that did not stop it (e.g. a mapping block that applies to no row). */
    default List<String> warnings() {
        return List.of();
    }
}
