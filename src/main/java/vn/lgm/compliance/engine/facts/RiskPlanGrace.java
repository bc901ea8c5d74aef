package vn.lgm.compliance.engine.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.lgm.compliance.engine.req.Facts;
import vn.lgm.compliance.engine.req.Requirement;
import vn.lgm.compliance.engine.req.Result;
import vn.lgm.compliance.engine.req.Tri;
import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.engine.req.Evidence;

/**
 * Derived (rules/definitions/mine-safety.drl): whether a mine falls under the grace period LGM Art 60(3)(c) gave
 * underground mines already operating when Law 54 took effect ({@code inGrace} true), does not ({@code false}), or may,
 * a legacy licence whose working is not said to be underground or open pit ({@code null}: {@code site.underground} is
 * asked). As a condition it holds, fails, or is unknown. {@code issuedOn} and {@code underground} are shown when given.
 */
public record RiskPlanGrace(Boolean inGrace, LocalDate issuedOn, Boolean underground, String because)
        implements Evidence, Requirement {

    @Override
    public String path() {
        return "site.underground";
    }

    @Override
    public Object value() {
        return underground;
    }

    @Override
    public Result evaluate(Facts facts) {
        List<FactValue> shown = new ArrayList<>();
        if (issuedOn != null) {
            shown.add(new FactValue("licence.issuedOn", issuedOn));
        }
        if (underground != null) {
            shown.add(new FactValue("site.underground", underground));
        }
        if (inGrace == null) {
            return new Result(Tri.UNKNOWN, shown, List.of("site.underground"));
        }
        return new Result(Tri.of(inGrace), shown, List.of());
    }
}
