package vn.lgm.compliance.engine.facts;

import java.util.ArrayList;
import java.util.List;

import vn.lgm.compliance.engine.req.Facts;
import vn.lgm.compliance.engine.req.Requirement;
import vn.lgm.compliance.engine.req.Result;
import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.engine.req.Evidence;

/**
 * Derived: the proponent is a foreign investor ({@code foreign} true), or may be and the fact that would tell is
 * not given ({@code foreign} null, {@code decisive} the fact to ask). As a condition it holds, or is unknown and asks
 * for the decisive fact. {@code shown} are the facts it rests on.
 */
public record ForeignInvestor(Boolean foreign, List<FactValue> shown, String decisive, String because)
        implements Evidence, Requirement {

    @Override
    public String path() {
        return "derived.foreignInvestor";
    }

    @Override
    public Object value() {
        return foreign;
    }

    @Override
    public Result evaluate(Facts facts) {
        return Result.holdsOrAsks(Boolean.TRUE.equals(foreign), shown, decisive);
    }

    /** The facts of a proponent given as shown facts: its legal form and foreign ownership, when given. */
    public static List<FactValue> given(vn.lgm.compliance.contract.model.Proponent p) {
        List<FactValue> facts = new ArrayList<>();
        if (p.legalForm() != null) {
            facts.add(new FactValue("proponent.legalForm", p.legalForm()));
        }
        if (p.foreignOwnershipPercent() != null) {
            facts.add(new FactValue("proponent.foreignOwnershipPercent", p.foreignOwnershipPercent()));
        }
        return facts;
    }
}
