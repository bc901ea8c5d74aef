package vn.lgm.compliance.engine.facts;

import java.util.List;

import vn.lgm.compliance.engine.req.Facts;
import vn.lgm.compliance.engine.req.Requirement;
import vn.lgm.compliance.engine.req.Result;
import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.engine.req.Evidence;

/**
 * Derived: the class of a mineral of the project for the exploration-area cap of LGM Art 41(1), as the parameter
 * that caps it ({@code cap}, a key of rules/parameters.yaml), on land or at sea. {@code offshore} is the site's
 * {@code site.offshore} as given: a class is derived for each side the site may be on, so when it is not given
 * ({@code null}) the mineral has both its onshore and its offshore class. As a condition the class holds when the
 * site is known to be on its side, and is unknown, asking {@code site.offshore}, when that is not given.
 */
@Asks("site.offshore")
public record ExplorationAreaClass(MineralLine line, String cap, Boolean offshore, String because)
        implements Evidence, Requirement {

    @Override
    public String path() {
        return line.at("name");
    }

    @Override
    public Object value() {
        return line.name();
    }

    @Override
    public Result evaluate(Facts facts) {
        FactValue name = new FactValue(path(), value());
        return Result.holdsOrAsks(offshore != null,
                offshore == null ? List.of(name) : List.of(name, new FactValue("site.offshore", offshore)), "site.offshore");
    }
}
