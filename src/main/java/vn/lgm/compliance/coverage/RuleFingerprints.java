package vn.lgm.compliance.coverage;

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
 */
final class RuleFingerprints {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(\"([^\"]+)\"|'([^']+)'|(\\S+))");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*(//.*)?$");

    private RuleFingerprints() {
    }

    static Map<String, String> of(RuleBase rules) {
        Map<String, Map<String, String>> blocksByFile = new HashMap<>();
        Map<String, String> out = new TreeMap<>();
        for (RuleInfo rule : rules.catalogue()) {
            Map<String, String> blocks = blocksByFile.computeIfAbsent(rule.file(), RuleFingerprints::blocks);
            String block = blocks.get(rule.name());
            out.put(rule.id(), sha(blocks.get("") + "\u0000" + (block == null ? rule.name() + "\u0000" + rule.file() : block)));
        }
        return out;
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
