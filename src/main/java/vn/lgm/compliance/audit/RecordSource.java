package vn.lgm.compliance.audit;

import java.io.Closeable;
import java.io.IOException;

/**
 * Records of an input, read one by one on a single thread (cheap: splitting lines or CSV tokenising), turned into
 * projects later on the worker threads ({@link #parse}). Never holds the file in memory.
 */
public interface RecordSource extends Closeable {

    /** One unparsed record: where it starts and its payload (a JSON line, or a CSV row's cells). */
    record Raw(long line, Object payload) {
    }

    /** The next record, or null at the end. A record that cannot even be split off is returned as an error payload. */
    Raw next() throws IOException;

    /** Turns a raw record into a project or its errors; thread-safe. */
    InputRecord parse(Raw raw);

    /** What the input was, for the manifest (format and mapping). */
    String describe();
}
