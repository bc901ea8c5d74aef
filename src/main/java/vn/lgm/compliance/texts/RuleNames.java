package vn.lgm.compliance.texts;

import java.util.HashMap;
import java.util.Map;

import vn.lgm.compliance.contract.model.Citation;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleInfo;

/**
 * What a reader is told about a rule: its title in plain words (English or Vietnamese, from the rule's own
 * {@code @title}/{@code @titleVi}) and the provision it applies, written out as every finding cites it
 * ({@link Citations}: "Law 54/2024/QH15 as amended by Law 147/2025/QH15, Art. 9(3)"; "khoản 3 Điều 9 Luật Địa chất
 * và khoáng sản số 54/2024/QH15, …") rather than as the catalogue's codes.
 */
public final class RuleNames {

    private final Map<String, RuleInfo> rules = new HashMap<>();
    private final FindingLocalizer texts;

    public RuleNames(RuleBase base) {
        this(base, FindingLocalizer.of(base));
    }

    public RuleNames(RuleBase base, FindingLocalizer texts) {
        for (RuleInfo i : base.catalogue()) {
            rules.put(i.id(), i);
        }
        this.texts = texts;
    }

    /** The reader's texts these names are written with (findings, labels, citations). */
    public FindingLocalizer texts() {
        return texts;
    }

    public boolean vi(String lang) {
        return !"en".equalsIgnoreCase(lang);
    }

    public String title(String ruleId, String lang) {
        RuleInfo i = rules.get(ruleId);
        if (i == null) {
            return vi(lang) ? "Quy định không còn trong bộ quy tắc" : "A rule no longer in the rule set";
        }
        return vi(lang) && i.titleVi() != null ? i.titleVi() : i.title();
    }

    /** The provision the rule applies, in words: point, clause, article and instrument. */
    public String provision(String ruleId, String lang) {
        RuleInfo i = rules.get(ruleId);
        return i == null || i.citation() == null ? "" : texts.citation(i.citation(), vi(lang) ? "vi" : "en");
    }

    /** A key for grouping findings by provision (instrument, article, clause, point). */
    public String provisionKey(String ruleId) {
        RuleInfo i = rules.get(ruleId);
        if (i == null || i.citation() == null) {
            return ruleId;
        }
        Citation c = i.citation();
        return c.instrument() + "|" + c.article() + "|" + c.clause() + "|" + c.point();
    }
}
