package vn.lgm.compliance.engine.req;

/**
 * What the law requires of a project, stated once and evaluated in three values against the facts given. Rules
 * build requirements with the functions of {@link Requirements}; the engine evaluates them and decides the finding.
 */
@FunctionalInterface
public interface Requirement {

    Result evaluate(Facts facts);
}
