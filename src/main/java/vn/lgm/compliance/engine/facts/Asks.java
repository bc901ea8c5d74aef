package vn.lgm.compliance.engine.facts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The facts (form keys, without list indices) that a derived fact asks when it is used as a condition and what would
 * tell is not given — those it names in Java rather than in its definitions' consequences. Read by
 * {@code engine.RuleReads} to bound the interview's questions.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Asks {
    String[] value();
}
