package vn.lgm.compliance.engine;

/** The rules could not be loaded; the message names the file, the line and the problem on one line. */
public class RuleLoadException extends RuntimeException {
    public RuleLoadException(String message) {
        super(message);
    }
}
