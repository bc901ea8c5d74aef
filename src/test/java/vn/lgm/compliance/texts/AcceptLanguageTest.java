package vn.lgm.compliance.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reader's language from ?lang= or Accept-Language, its weights honoured (issue 20, item 16). */
class AcceptLanguageTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            vi;q=0.1, en;q=0.9          | en
            en;q=0.9, vi;q=0.1          | en
            vi                          | vi
            vi-VN,vi;q=0.9,en;q=0.8     | vi
            fr-FR, fr;q=0.9, vi;q=0.5   | vi
            en-US,en;q=0.9              | en
            fr, de                      | en
            vi;q=0, en;q=0.1            | en
            *                           | en
            NULL                        | en
            ;;;not a header             | en
            VI                          | vi
            """)
    void theHighestWeightedLanguageOfOursWins(String header, String expected) {
        assertEquals(expected, Labels.lang(header));
    }
}
