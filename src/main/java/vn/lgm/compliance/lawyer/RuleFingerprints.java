package vn.lgm.compliance.lawyer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleInfo;

/**
 * A fingerprint of each rule's source: the text from its {@code rule} line to its {@code end}, and the rest of its
 * file (package, imports, globals, functions), which every rule of the file may use. Two loads of the rules give
 * the same fingerprint to a rule exactly when neither its text nor its file's shared part changed.
 *
 * <p>Each rule also has an <em>outcome fingerprint</em>: the same text with the values of its reader texts
 * ({@code @title}, {@code @titleVi}, {@code @explanation}, {@code @remediation}) blanked, in the rule's header only
 * (between its {@code rule} line and its {@code when}). A rule whose fingerprint changed but whose outcome
 * fingerprint did not had only those texts edited. Such an edit cannot change whether any run of a case passes:
 * a case's result compares the verdict, the findings' rule ids and outcomes and the derived facts
 * ({@code CaseRunner}); the texts are read only to write a finding's title, explanation and remediation
 * ({@code FindingCollector}, which no rule's condition or consequence reads back), and a text that could not be
 * rendered (an unknown {@code {param:…}}, a bad {@code {field:…}}) is refused when the rules load, before any case
 * runs. The blanking is conservative: an annotation written in any other form is not blanked, so its edit counts as
 * a change of outcome.
 */
final class RuleFingerprints {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(\"([^\"]+)\"|'([^']+)'|(\\S+))");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*(//.*)?$");
    private static final Pattern WHEN = Pattern.compile("^\\s*when\\s*(//.*)?$", Pattern.MULTILINE);
    /** A reader text in the header: {@code @explanation("…")}, the string with Java-style escapes. */
    static final Pattern READER_TEXT =
            Pattern.compile("@(title|titleVi|explanation|remediation)\\(\"((?:[^\"\\\\\\n]|\\\\.)*)\"\\)");

    /** The fingerprints of every rule: of its whole source, and of its source without its reader texts. */
    record Fingerprints(Map<String, String> full, Map<String, String> outcome) {
    }

    private RuleFingerprints() {
    }

    static Fingerprints of(RuleBase rules) {
        Map<String, Map<String, String>> blocksByFile = new HashMap<>();
        Map<String, String> full = new TreeMap<>();
        Map<String, String> outcome = new TreeMap<>();
        for (RuleInfo rule : rules.catalogue()) {
            Map<String, String> blocks = blocksByFile.computeIfAbsent(rule.file(), RuleFingerprints::blocks);
            String block = blocks.get(rule.name());
            String text = block == null ? rule.name() + "\u0000" + rule.file() : block;
            full.put(rule.id(), sha(blocks.get("") + "\u0000" + text));
            outcome.put(rule.id(), sha(blocks.get("") + "\u0000" + withoutReaderTexts(text)));
        }
        return new Fingerprints(full, outcome);
    }

    /**
     * The rule's text with the values of its reader texts blanked in its header (before {@code when}); the rest,
     * conditions and consequence included, as it is. Without a {@code when} line, the text as it is.
     */
    static String withoutReaderTexts(String block) {
        Matcher when = WHEN.matcher(block);
        if (!when.find()) {
            return block;
        }
        String header = block.substring(0, when.start());
        return READER_TEXT.matcher(header).replaceAll("@$1(\"\")") + block.substring(when.start());
    }

    /** Rule name → its text; "" → the file's text outside every rule. */
    private static Map<String, String> blocks(String file) {
        Map<String, String> blocks = new HashMap<>();
        StringBuilder shared = new StringBuilder();
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            blocks.put("", "unreadable " + file);
            return blocks;
        }
        String name = null;
        StringBuilder current = null;
        for (String line : lines) {
            if (current == null) {
                Matcher m = RULE.matcher(line);
                if (m.find()) {
                    name = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                    current = new StringBuilder();
                } else {
                    shared.append(line).append('\n');
                    continue;
                }
            }
            current.append(line).append('\n');
            if (END.matcher(line).find()) {
                blocks.put(name, current.toString());
                current = null;
            }
        }
        if (current != null) {
            blocks.put(name, current.toString());
        }
        blocks.put("", shared.toString());
        return blocks;
    }

    private static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
