package vn.lgm.compliance.texts;

import java.util.HashMap;
import java.util.Map;

import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.contract.model.Citation;

/**
 * What a reader is told about a rule: its title in plain words (English or Vietnamese, from the rule's own
 * {@code @title}/{@code @titleVi}) and the provision it applies, written out ("Law on Geology and Minerals, Art. 9(3)";
 * "Luật Địa chất và khoáng sản, Điều 9 khoản 3") rather than as the catalogue's codes.
 */
public final class RuleNames {

    private static final Map<String, String[]> INSTRUMENTS = Map.ofEntries(
            Map.entry("LGM", new String[]{"Law on Geology and Minerals 54/2024 (as amended)", "Luật Địa chất và khoáng sản 54/2024 (sửa đổi)"}),
            Map.entry("D193", new String[]{"Decree 193/2025 (as amended)", "Nghị định 193/2025/NĐ-CP (sửa đổi)"}),
            Map.entry("LEP", new String[]{"Law on Environmental Protection 72/2020", "Luật Bảo vệ môi trường 72/2020"}),
            Map.entry("LAE", new String[]{"Law on Atomic Energy 94/2025", "Luật Năng lượng nguyên tử 94/2025"}),
            Map.entry("LTT", new String[]{"Law on Technology Transfer 07/2017", "Luật Chuyển giao công nghệ 07/2017"}),
            Map.entry("LOI", new String[]{"Law on Investment 143/2025", "Luật Đầu tư 143/2025"}),
            Map.entry("CIR23", new String[]{"Circular 23/2021/TT-BCT", "Thông tư 23/2021/TT-BCT"}),
            Map.entry("L147", new String[]{"Law 147/2025 amending the Law on Geology and Minerals", "Luật 147/2025 sửa đổi Luật Địa chất và khoáng sản"}),
            Map.entry("L60", new String[]{"Mineral Law 60/2010", "Luật Khoáng sản 60/2010"}),
            Map.entry("NQ66", new String[]{"Government Resolution 66.19/2026", "Nghị quyết 66.19/2026/NQ-CP"}),
            Map.entry("TT36", new String[]{"Circular 36/2025/TT-BNNMT", "Thông tư 36/2025/TT-BNNMT"}),
            Map.entry("L42", new String[]{"Law 42/2024 on weapons and explosives", "Luật Quản lý, sử dụng vũ khí, vật liệu nổ 42/2024"}),
            Map.entry("D08", new String[]{"Decree 08/2022 (as amended)", "Nghị định 08/2022/NĐ-CP (sửa đổi)"}),
            Map.entry("LWR", new String[]{"Law on Water Resources 28/2023", "Luật Tài nguyên nước 28/2023"}),
            Map.entry("LAND", new String[]{"Land Law 31/2024", "Luật Đất đai 31/2024"}));

    private final Map<String, RuleInfo> rules = new HashMap<>();

    public RuleNames(RuleBase base) {
        for (RuleInfo i : base.catalogue()) {
            rules.put(i.id(), i);
        }
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

    /** The provision the rule applies, in words: instrument, article, clause, point. */
    public String provision(String ruleId, String lang) {
        RuleInfo i = rules.get(ruleId);
        return i == null ? "" : provision(i.citation(), vi(lang));
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

    static String provision(Citation c, boolean vi) {
        if (c == null) {
            return "";
        }
        String[] names = INSTRUMENTS.get(c.instrument());
        String instrument = names == null ? c.label() : names[vi ? 1 : 0];
        boolean appendix = c.article() != null && c.article().startsWith("Appendix");
        StringBuilder s = new StringBuilder(instrument).append(", ");
        if (vi) {
            s.append(appendix ? "Phụ lục " + c.article().substring("Appendix".length()).strip() : "Điều " + c.article());
            if (c.clause() != null) {
                s.append(" khoản ").append(c.clause());
            }
            if (c.point() != null) {
                s.append(" điểm ").append(c.point());
            }
        } else {
            s.append(appendix ? c.article() : "Art. " + c.article());
            if (c.clause() != null) {
                s.append('(').append(c.clause()).append(')');
            }
            if (c.point() != null) {
                s.append('(').append(c.point()).append(')');
            }
        }
        return s.toString();
    }
}
