package vn.lgm.compliance.facts;

import java.util.ArrayList;
import java.util.List;

import vn.lgm.compliance.model.MineralName;

/**
 * Whether a mineral of the project is radioactive, as the radiation rules read it: uranium and thorium are
 * radioactive by definition (LGM Art 2(17)); any mineral the description marks radioactive is; rare-earth ore often
 * carries thorium and uranium, so for a rare earth whose radioactivity is not given the question stays open and is
 * asked, never guessed. Other minerals not marked radioactive are taken as not radioactive.
 */
public final class Radioactivity {

    private Radioactivity() {
    }

    /** Radioactive, or a rare earth whose radioactivity is not given. */
    public static boolean radioactiveOrUnknown(MineralLine m) {
        return byDefinition(m) || Boolean.TRUE.equals(m.radioactive())
                || (m.name() == MineralName.RARE_EARTH && m.radioactive() == null);
    }

    /**
     * The facts the radioactivity rests on, followed by {@code more}: the mineral's name, and for a mineral not
     * radioactive by definition its radioactive flag (unknown for a rare earth not described: then it is asked).
     */
    public static Object[] facts(MineralLine m, Object... more) {
        List<Object> facts = new ArrayList<>();
        facts.add(m.at("name"));
        if (!byDefinition(m)) {
            facts.add(m.at("radioactive"));
        }
        facts.addAll(List.of(more));
        return facts.toArray();
    }

    private static boolean byDefinition(MineralLine m) {
        return m.name() == MineralName.URANIUM || m.name() == MineralName.THORIUM;
    }
}
