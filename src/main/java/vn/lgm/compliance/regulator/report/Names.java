package vn.lgm.compliance.regulator.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Register text turned into what a report groups by: an address or district cell into an administrative unit of
 * the province (its former district, whether the cell gives the old district or the new commune or ward), and a
 * mineral cell into one mineral whatever its case, diacritics, spacing or a note in brackets ("Cát XD (Gian hạn)"
 * and "Cát XD (gia hạn)" are both "Cát XD").
 */
public final class Names {

    public static final String NOT_RECORDED = "\u0000not recorded";
    public static final String OUTSIDE = "\u0000outside";
    public static final String NOT_MATCHED = "\u0000not matched";

    record District(String name, String formerProvince, List<String> aliases, List<String> communes) {
    }

    record Units(String province, List<String> otherProvinces, List<District> districts) {
    }

    private static final Units LAO_CAI = load("/regulator/units-lao-cai.yaml");

    private final Map<String, String> districtByName = new HashMap<>();
    private final Map<String, String> districtByCommune = new HashMap<>();
    private final List<String> otherProvinces = new ArrayList<>();
    private final String province;

    public Names() {
        this(LAO_CAI);
    }

    private Names(Units units) {
        province = fold(units.province());
        for (District d : units.districts()) {
            districtByName.put(fold(d.name()), d.name());
            if (d.aliases() != null) {
                d.aliases().forEach(a -> districtByName.put(fold(a), d.name()));
            }
            if (d.communes() != null) {
                d.communes().forEach(c -> districtByCommune.put(fold(c), d.name()));
            }
        }
        units.otherProvinces().forEach(p -> otherProvinces.add(fold(p)));
    }

    /** The former district an address or district cell lies in; or one of the markers NOT_RECORDED, OUTSIDE, NOT_MATCHED. */
    public String district(String cell) {
        if (cell == null || cell.isBlank()) {
            return NOT_RECORDED;
        }
        String all = fold(cell);
        for (String p : otherProvinces) {
            if (all.contains(p)) {
                return OUTSIDE;
            }
        }
        if (all.matches(".*\\bquan \\d+.*")) {
            return OUTSIDE; // an urban district ("Quận 3"): Lào Cai has none
        }
        String byDistrict = null;
        String byCommune = null;
        String bare = null;
        for (String raw : cell.split("[,|\\n]|\\svà\\s")) {
            String part = fold(raw);
            if (part.isEmpty()) {
                continue;
            }
            String rest;
            if ((rest = after(part, "huyen ", "thanh pho ", "tp. ", "tp ", "thi xa ", "tx. ", "tx ")) != null) {
                if (byDistrict == null) {
                    byDistrict = districtByName.get(rest);
                    if (byDistrict == null) {
                        byDistrict = districtByName.get(part);
                    }
                }
            } else if ((rest = after(part, "xa ", "phuong ", "thi tran ")) != null) {
                if (byCommune == null) {
                    byCommune = districtByCommune.get(rest);
                }
            } else if (after(part, "tinh ", "thon ", "to ", "so nha", "khu ", "tang ", "duong ") == null
                    && !part.equals(province) && bare == null) {
                bare = districtByName.get(part);
            }
        }
        String found = byDistrict != null ? byDistrict : byCommune != null ? byCommune : bare;
        return found != null ? found : NOT_MATCHED;
    }

    /** The grouping key of a mineral cell: the text before any bracket or line break, folded, without spaces. */
    public static String mineralKey(String cell) {
        if (cell == null || cell.isBlank()) {
            return "";
        }
        return fold(mineralShown(cell)).replaceAll("[\\s]+", "").replace('–', '-').replace('—', '-');
    }

    /** The mineral as shown: the cell before any bracket or line break, trimmed, first letter upper case. */
    public static String mineralShown(String cell) {
        if (cell == null) {
            return "";
        }
        String s = cell.split("[(\\n]")[0].strip().replaceAll("\\s+", " ");
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** Lower case, no diacritics (đ → d), single spaces. */
    public static String fold(String s) {
        String n = Normalizer.normalize(s.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").replace('đ', 'd');
        return n.replaceAll("\\s+", " ").replaceAll("[.,;:]+$", "").strip();
    }

    private static String after(String part, String... prefixes) {
        for (String p : prefixes) {
            if (part.startsWith(p)) {
                return part.substring(p.length()).strip();
            }
        }
        return null;
    }

    private static Units load(String resource) {
        ObjectMapper yaml = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = Names.class.getResourceAsStream(resource)) {
            return yaml.readValue(in, Units.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
