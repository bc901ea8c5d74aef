package vn.lgm.compliance.texts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English in a text meant to be Vietnamese. Every Vietnamese word is one syllable of a closed shape — an
 * initial consonant (b, ch, gh, ngh, qu, tr …), a vowel nucleus (a, ă, â, iê, ươ …) with at most one glide before
 * it, and at most one final (c, ch, m, n, ng, nh, p, t, or a glide i, y, o, u) — and carries its tone mark on the
 * vowel. An English word seldom fits that shape ("licence", "project", "and", "with", "of", "is" do not) and an
 * abbreviation is written in capitals, so a word is reported when it is not a Vietnamese syllable, or is an
 * abbreviation, unless it is on the short allow-list of names and codes the texts may use. Words with a digit
 * (54/2024/QH15, SHA-256) are codes. A few English words have a Vietnamese shape ("to", "the", "be"); the sentence
 * check ({@link #englishSentence}) catches a sentence of them.
 */
public final class EnglishDetector {

    private static final Set<String> WORDS = Set.of("the", "of", "and", "is", "are", "must", "be",
            "not", "with", "for", "this", "that", "project", "only", "from", "or", "its", "by", "before",
            "licence", "under", "has", "have", "which", "does", "give", "gives", "description", "step", "take");

    /**
     * Names and codes a Vietnamese text may use: Vietnamese abbreviations (ĐTM, UBND, GTGT …), parts of the numbers
     * of legal instruments (NĐ-CP, QĐ-TTg, TT-BCT …), TREO (the measure the decree names), units, and the names of
     * the real projects and companies the cases describe.
     */
    public static final Set<String> ALLOWED = Set.of(
            // Vietnamese abbreviations and parts of the numbers of Vietnamese instruments
            "ĐTM", "UBND", "GTGT", "ĐC", "KS", "NĐ", "CP", "QĐ", "TTg", "TT", "BCT", "BNNMT", "BTNMT", "QH", "NQ",
            "NN", "MT", "HĐND", "VLXD", "VLXDTT", "KT", "ĐCM", "GP", "UB",
            // the measure of rare-earth content the decree names; units
            "TREO", "km", "km²", "m³", "ha",
            // country codes a user types (the help of the partner's country names them)
            "KR", "JP", "CN", "US", "VN",
            // names of formats and of the hash of the report's fingerprint
            "JSON", "YAML", "API", "PDF", "Excel", "SHA",
            // names of companies and places in the real projects of cases/scenarios
            "Lavreco", "Trident", "POSCO", "LS", "Eco", "Energy", "International");

    /** Words Vietnamese has taken from other languages: the names of minerals and chemicals, and a few more. */
    public static final Set<String> LOANWORDS = Set.of("oxit", "hydroxit", "cacbonat", "thori", "urani", "fenspat",
            "bauxit", "kaolin", "vonfram", "graphit", "apatit", "titan", "camera");

    /** What is not a word of the text: placeholders ({name}, %s), paths and numbers written with a slash. */
    private static final Pattern NOT_WORDS = Pattern.compile("\\{[^}]*}|%[sd]|\\S*/\\S*");
    /** A Roman numeral (mineral groups I–IV, chapters). */
    private static final Pattern ROMAN = Pattern.compile("[IVXL]+");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}²³]+");
    /** A syllable without its tone: initial, glide, nucleus, final. */
    private static final Pattern SYLLABLE = Pattern.compile(
            "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
                    + "(?:[ou](?=[aăâeêơyi]))?"
                    + "(?:iê|yê|uô|ươ|ia|ya|ua|ưa|a|ă|â|e|ê|i|y|o|ô|ơ|u|ư)"
                    + "(?:ch|nh|ng|c|m|n|p|t|i|y|o|u)?");

    private EnglishDetector() {
    }

    /** The words of a text that are neither Vietnamese syllables nor on the allow-list (abbreviations included). */
    public static List<String> englishWords(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(NOT_WORDS.matcher(text).replaceAll(" "));
        while (m.find()) {
            String w = m.group();
            if (w.chars().anyMatch(Character::isDigit) || ALLOWED.contains(w) || ROMAN.matcher(w).matches()
                    || LOANWORDS.contains(w.toLowerCase(java.util.Locale.ROOT))
                    || w.length() == 1 && Character.isLowerCase(w.charAt(0))) {
                continue;   // a code, a name, a group, a loanword, a point of a clause ("điểm b")
            }
            boolean abbreviation = w.length() > 1 && w.codePoints().filter(Character::isUpperCase).count() > 1;
            if (abbreviation || !vietnamese(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** Whether a word has the shape of a Vietnamese syllable. */
    static boolean vietnamese(String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        // the tone marks go (grave, acute, hook, tilde, dot below); the vowels' own marks stay (ă â ê ô ơ ư)
        String toneless = Normalizer.normalize(Normalizer.normalize(lower, Normalizer.Form.NFD)
                .replaceAll("[\u0300\u0301\u0309\u0303\u0323]", ""), Normalizer.Form.NFC);
        return SYLLABLE.matcher(toneless).matches();
    }

    /** The first sentence with three or more common English words, or null. */
    public static String englishSentence(String text) {
        for (String sentence : text.split("(?<=[.!?;:])\\s+")) {
            int hits = 0;
            for (String w : sentence.toLowerCase().split("[\\s,.;:()\"']+")) {
                if (WORDS.contains(w)) {
                    hits++;
                }
            }
            if (hits >= 3) {
                return sentence;
            }
        }
        return null;
    }
}
