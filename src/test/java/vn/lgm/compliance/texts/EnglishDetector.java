package vn.lgm.compliance.texts;

import java.util.Set;

/**
 * Finds an English sentence in a text meant to be Vietnamese: a sentence with three or more common English words
 * (whole words; Vietnamese syllables such as "an" or "to" are not on the list).
 */
public final class EnglishDetector {

    private static final Set<String> WORDS = Set.of("the", "of", "and", "is", "are", "must", "be",
            "not", "with", "for", "this", "that", "project", "only", "from", "or", "its", "by", "before",
            "licence", "under", "has", "have", "which", "does", "give", "gives", "description", "step", "take");

    private EnglishDetector() {
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
