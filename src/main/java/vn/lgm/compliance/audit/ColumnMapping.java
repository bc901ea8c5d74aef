package vn.lgm.compliance.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lgm.compliance.input.InputError;
import vn.lgm.compliance.input.Json;

/**
 * A register's columns mapped onto contract fields, loaded from a YAML file kept in the repository
 * ({@code mappings/lao-cai.yaml}). Turns one CSV row (header → cell) into the JSON tree of a contract project,
 * which the one {@code ProjectReader} then reads; cell problems are reported with the column name as the path.
 * Unrecorded stays unknown: an empty cell sets nothing, unless the column is declared a complete record for
 * that row, where an empty tick cell means "recorded as not done".
 */
public final class ColumnMapping {

    record Column(String field, String type, Double scale, Map<String, Object> dash) {
    }

    record Status(String contains, String stage, Map<String, Object> set) {
    }

    record Block(int first, int last, List<String> columns) {
        boolean covers(long row, String column) {
            return row >= first && row <= last && columns.contains(column);
        }
    }

    record Register(String file, Map<String, Object> constants, List<Block> completeRecords) {
    }

    private final String source;
    private final DateTimeFormatter dates;
    private final Map<String, Object> constants;
    private final Map<String, Column> columns;
    private final Map<String, String> issuers;
    private final Map<String, String> issuerSuffixes;
    private final List<Status> statuses;
    private final Map<String, String> minerals;
    private final List<Register> registers;
    private final Register register;

    private ColumnMapping(String source, DateTimeFormatter dates, Map<String, Object> constants,
                          Map<String, Column> columns, Map<String, String> issuers, Map<String, String> issuerSuffixes,
                          List<Status> statuses, Map<String, String> minerals, List<Register> registers,
                          Register register) {
        this.source = source;
        this.dates = dates;
        this.constants = constants;
        this.columns = columns;
        this.issuers = issuers;
        this.issuerSuffixes = issuerSuffixes;
        this.statuses = statuses;
        this.minerals = minerals;
        this.registers = registers;
        this.register = register;
    }

    /** Reads a mapping file; a malformed one is refused with the file and the problem. */
    @SuppressWarnings("unchecked")
    public static ColumnMapping load(Path file) {
        Map<String, Object> yaml;
        try {
            yaml = Json.yaml().readValue(Files.readString(file), Map.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the column mapping: " + Json.oneLine(e));
        }
        try {
            Map<String, Column> columns = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) yaml.getOrDefault("columns", Map.of())).forEach((header, c) -> {
                Object scale = c.get("scale");
                columns.put(norm(header), new Column((String) c.get("field"), (String) c.getOrDefault("type", "text"),
                        scale == null ? null : ((Number) scale).doubleValue(),
                        (Map<String, Object>) c.getOrDefault("dash", Map.of())));
            });
            List<Status> statuses = new ArrayList<>();
            for (Map<String, Object> s : (List<Map<String, Object>>) yaml.getOrDefault("statuses", List.of())) {
                statuses.add(new Status(key((String) s.get("contains")), (String) s.get("stage"),
                        (Map<String, Object>) s.getOrDefault("set", Map.of())));
            }
            Map<String, String> minerals = new LinkedHashMap<>();
            ((Map<String, String>) yaml.getOrDefault("minerals", Map.of())).forEach((k, v) -> minerals.put(key(k), v));
            Map<String, String> issuers = new LinkedHashMap<>();
            ((Map<String, String>) yaml.getOrDefault("issuers", Map.of())).forEach((k, v) -> issuers.put(key(k), v));
            List<Register> registers = new ArrayList<>();
            for (Map<String, Object> r : (List<Map<String, Object>>) yaml.getOrDefault("registers", List.of())) {
                List<Block> blocks = new ArrayList<>();
                for (Map<String, Object> b : (List<Map<String, Object>>) r.getOrDefault("completeRecords", List.of())) {
                    String[] range = String.valueOf(b.get("rows")).split("-");
                    blocks.add(new Block(Integer.parseInt(range[0].trim()), Integer.parseInt(range[range.length - 1].trim()),
                            ((List<String>) b.get("columns")).stream().map(ColumnMapping::norm).toList()));
                }
                registers.add(new Register((String) r.get("file"), (Map<String, Object>) r.getOrDefault("constants", Map.of()),
                        blocks));
            }
            return new ColumnMapping(file.toString(),
                    DateTimeFormatter.ofPattern((String) yaml.getOrDefault("dateFormat", "dd/MM/yyyy")),
                    (Map<String, Object>) yaml.getOrDefault("constants", Map.of()), columns, issuers,
                    (Map<String, String>) yaml.getOrDefault("issuerSuffixes", Map.of()), statuses, minerals,
                    registers, new Register("*", Map.of(), List.of()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": malformed column mapping: " + e);
        }
    }

    /** The mapping for one register file: its constants and complete-record blocks chosen by the file name. */
    public ColumnMapping forFile(String fileName) {
        if (fileName == null) {
            return this;
        }
        for (Register r : registers) {
            if (FileSystems.getDefault().getPathMatcher("glob:" + r.file()).matches(Path.of(fileName).getFileName())) {
                return new ColumnMapping(source, dates, constants, columns, issuers, issuerSuffixes, statuses, minerals,
                        registers, r);
            }
        }
        return this;
    }

    /** The headers of a file that the mapping does not know: an error before any row is read. */
    public List<String> unknownHeaders(List<String> headers) {
        return headers.stream().filter(h -> !columns.containsKey(norm(h))).toList();
    }

    public String source() {
        return source;
    }

    /** A row as a contract project tree, or the problems of its cells (path = column name). */
    public ObjectNode toProject(long row, Map<String, String> cells, String idPrefix, List<InputError> errors) {
        ObjectNode project = JsonNodeFactory.instance.objectNode();
        constants.forEach((k, v) -> set(project, k, v));
        register.constants().forEach((k, v) -> set(project, k, v));
        String number = null;
        StringBuilder note = new StringBuilder();
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            String header = cell.getKey();
            Column c = columns.get(norm(header));
            String raw = cell.getValue() == null ? "" : cell.getValue().strip();
            if (c == null) {
                continue;
            }
            boolean complete = register.completeRecords().stream().anyMatch(b -> b.covers(row, norm(header)));
            try {
                switch (c.type()) {
                    case "ignore" -> { }
                    case "tick" -> {
                        if (raw.isEmpty()) {
                            if (complete) {
                                set(project, c.field(), false);
                            }
                        } else if (raw.equals("-")) {
                            c.dash().forEach((k, v) -> set(project, k, v));
                        } else {
                            set(project, c.field(), true);
                        }
                    }
                    case "date" -> {
                        if (!raw.isEmpty()) {
                            set(project, c.field(), LocalDate.parse(raw, dates).toString());
                        }
                    }
                    case "number" -> {
                        if (!raw.isEmpty() && !raw.equals("-")) {
                            double v = number(raw);
                            set(project, c.field(), c.scale() == null ? v : BigDecimal.valueOf(v)
                                    .multiply(BigDecimal.valueOf(c.scale())).doubleValue());
                        }
                    }
                    case "issuer" -> {
                        if (!raw.isEmpty()) {
                            String issuer = issuers.get(key(raw));
                            if (issuer == null) {
                                throw new IllegalArgumentException("unknown issuer '" + raw + "'; the mapping knows "
                                        + issuers.keySet());
                            }
                            set(project, c.field(), issuer);
                        }
                    }
                    case "licenceNumber" -> {
                        if (!raw.isEmpty()) {
                            number = raw.replaceAll("\\s+", " ");
                            set(project, c.field(), number);
                        }
                    }
                    case "mineral" -> {
                        if (!raw.isEmpty()) {
                            String name = minerals.get(key(raw));
                            if (name == null) {
                                throw new IllegalArgumentException("unknown mineral '" + raw + "'; add it to the mapping's minerals");
                            }
                            ObjectNode m = project.putArray("minerals").addObject();
                            m.put("name", name);
                            m.put("localName", raw.replaceAll("\\s+", " "));
                        }
                    }
                    case "status" -> {
                        if (!raw.isEmpty()) {
                            String text = full(raw);
                            Status s = statuses.stream().filter(st -> text.contains(st.contains())).findFirst()
                                    .orElseThrow(() -> new IllegalArgumentException("unknown status '" + raw
                                            + "'; the mapping knows " + statuses.stream().map(Status::contains).toList()));
                            project.put("stage", s.stage());
                            s.set().forEach((k, v) -> set(project, k, v));
                            note.insert(0, raw.replaceAll("\\s*\\R\\s*", " ") + (note.isEmpty() ? "" : "; "));
                        }
                    }
                    case "note" -> {
                        if (!raw.isEmpty()) {
                            note.append(note.isEmpty() ? "" : "; ").append(raw.replaceAll("\\s*\\R\\s*", " "));
                        }
                    }
                    default -> {
                        if (!raw.isEmpty()) {
                            set(project, c.field(), raw.replaceAll("\\s*\\R\\s*", " "));
                        }
                    }
                }
            } catch (DateTimeParseException e) {
                errors.add(new InputError(header, "expected a date as " + "dd/MM/yyyy" + ", found '" + raw + "'"));
            } catch (NumberFormatException e) {
                errors.add(new InputError(header, "expected a number, found '" + raw + "'"));
            } catch (IllegalArgumentException e) {
                errors.add(new InputError(header, e.getMessage()));
            }
        }
        if (!note.isEmpty()) {
            set(project, "licence.note", note.toString());
        }
        if (number != null && !project.path("licence").has("issuedBy")) {
            for (Map.Entry<String, String> e : issuerSuffixes.entrySet()) {
                if (number.toUpperCase(Locale.ROOT).contains(e.getKey().toUpperCase(Locale.ROOT))) {
                    set(project, "licence.issuedBy", e.getValue());
                    break;
                }
            }
        }
        project.put("id", idPrefix + row + (number == null ? "" : " " + number));
        return project;
    }

    /** Decimal comma or point; a point followed by exactly three digits in a number with a comma is a thousands mark. */
    static double number(String raw) {
        String s = raw.replace(" ", "").replace("\u00a0", "");
        if (s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.contains(",") && s.contains(".")) {
            s = s.replace(".", "").replace(',', '.');
        } else if (s.contains(",")) {
            s = s.matches("\\d{1,3}(,\\d{3})+") ? s.replace(",", "") : s.replace(',', '.');
        }
        return Double.parseDouble(s);
    }

    /** Sets a dotted path in the tree, creating objects on the way. */
    private static void set(ObjectNode root, String path, Object value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], Json.json().valueToTree(value));
    }

    /** Header names compared without BOM, case or surrounding space. */
    static String norm(String header) {
        return header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    /** Cell text as a lookup key: NFC, before any parenthesis or line break, spaces collapsed, lower case. */
    static String key(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        int cut = s.length();
        for (char c : new char[] {'(', '\n', '\r'}) {
            int i = s.indexOf(c);
            if (i >= 0 && i < cut && i > 0) {
                cut = i;
            }
        }
        return s.substring(0, cut).replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** The whole cell, NFC, spaces and line breaks collapsed, lower case. */
    static String full(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
