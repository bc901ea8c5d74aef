package vn.lgm.compliance.regulator.audit;

import java.io.IOException;
import java.math.BigDecimal;
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

import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.contract.input.Json;

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

    /**
     * A status text and what it sets. {@code stopped}: the register records the mine as stopped; its checklist is
     * not kept up, so a complete-record section does not read its empty cells as "not done".
     */
    record Status(String contains, String stage, Map<String, Object> set, boolean stopped) {
    }

    /** What reading one row found besides the project: the paths read as "not done" by convention, and a stopped mine. */
    public static final class Reading {
        private final List<String> assumed = new ArrayList<>();
        private boolean stopped;

        public List<String> assumed() {
            return List.copyOf(assumed);
        }

        public boolean stopped() {
            return stopped;
        }
    }

    /** Tick columns that are a complete record in one section of a register (sections: see {@link Sections}). */
    record Block(int section, List<String> columns, List<String> headers) {
        boolean covers(int inSection, String column) {
            return inSection == section && columns.contains(column);
        }
    }

    /**
     * One kind of register, recognised by its header: every column of {@code requires} present and none of
     * {@code excludes}. {@code numberedBy} names the column whose numbering restarts at each section.
     */
    record Register(String name, List<String> requires, List<String> excludes, Map<String, Object> constants,
                    String numberedBy, List<Block> completeRecords) {
        boolean matches(List<String> headers) {
            List<String> normed = headers.stream().map(ColumnMapping::norm).toList();
            return normed.containsAll(requires) && excludes.stream().noneMatch(normed::contains);
        }
    }

    /**
     * The sections of a register: a register kept by two former provinces numbers each part from 1, so a new
     * section starts where the numbering column goes back (e.g. TT 140 then 1). Read on the reader thread, in order.
     */
    static final class Sections {
        private final String column;
        private int section = 1;
        private Long previous;

        Sections(String column) {
            this.column = column;
        }

        int next(Map<String, String> cells) {
            if (column == null) {
                return section;
            }
            String raw = null;
            for (Map.Entry<String, String> e : cells.entrySet()) {
                if (norm(e.getKey()).equals(column)) {
                    raw = e.getValue();
                }
            }
            try {
                long n = Long.parseLong(raw == null ? "" : raw.strip());
                if (previous != null && n < previous) {
                    section++;
                }
                previous = n;
            } catch (NumberFormatException e) {
                // an unnumbered row stays in the current section
            }
            return section;
        }

        int current() {
            return section;
        }

        int count() {
            return section;
        }
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
                        (Map<String, Object>) s.getOrDefault("set", Map.of()), Boolean.TRUE.equals(s.get("stopped"))));
            }
            Map<String, String> minerals = new LinkedHashMap<>();
            ((Map<String, String>) yaml.getOrDefault("minerals", Map.of())).forEach((k, v) -> minerals.put(key(k), v));
            Map<String, String> issuers = new LinkedHashMap<>();
            ((Map<String, String>) yaml.getOrDefault("issuers", Map.of())).forEach((k, v) -> issuers.put(key(k), v));
            List<Register> registers = new ArrayList<>();
            for (Map<String, Object> r : (List<Map<String, Object>>) yaml.getOrDefault("registers", List.of())) {
                if (r.containsKey("file")) {
                    throw new IllegalArgumentException("registers are recognised by their header, not their file name: "
                            + "replace 'file' by 'requires' (and 'excludes') columns");
                }
                List<Block> blocks = new ArrayList<>();
                for (Map<String, Object> b : (List<Map<String, Object>>) r.getOrDefault("completeRecords", List.of())) {
                    if (b.containsKey("rows")) {
                        throw new IllegalArgumentException("complete records are declared by 'section', not by row numbers");
                    }
                    blocks.add(new Block(((Number) b.get("section")).intValue(),
                            ((List<String>) b.get("columns")).stream().map(ColumnMapping::norm).toList(),
                            List.copyOf((List<String>) b.get("columns"))));
                }
                Object numberedBy = r.get("numberedBy");
                registers.add(new Register((String) r.get("name"),
                        ((List<String>) r.getOrDefault("requires", List.of())).stream().map(ColumnMapping::norm).toList(),
                        ((List<String>) r.getOrDefault("excludes", List.of())).stream().map(ColumnMapping::norm).toList(),
                        (Map<String, Object>) r.getOrDefault("constants", Map.of()),
                        numberedBy == null ? null : norm((String) numberedBy), blocks));
            }
            return new ColumnMapping(file.toString(),
                    // Strict: 31/02/2024 is refused, not read as 29/02 (a year written yyyy is read as uuuu for that).
                    DateTimeFormatter.ofPattern(((String) yaml.getOrDefault("dateFormat", "dd/MM/yyyy")).replace("yyyy", "uuuu"))
                            .withResolverStyle(java.time.format.ResolverStyle.STRICT),
                    (Map<String, Object>) yaml.getOrDefault("constants", Map.of()), columns, issuers,
                    (Map<String, String>) yaml.getOrDefault("issuerSuffixes", Map.of()), statuses, minerals,
                    registers, new Register("any register", List.of(), List.of(), Map.of(), null, List.of()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": malformed column mapping: " + e);
        }
    }

    /**
     * The mapping for a register with this header: its columns all known to the mapping, and exactly one of the
     * mapping's registers matching it (when the mapping declares any). Anything else is refused with the reason.
     */
    public ColumnMapping forHeaders(List<String> headers) {
        List<String> unknown = unknownHeaders(headers);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the column mapping " + source + " does not know the column(s) " + unknown
                    + " (line 1); add them (or type: ignore) to the mapping");
        }
        if (registers.isEmpty()) {
            return this;
        }
        List<Register> matching = registers.stream().filter(r -> r.matches(headers)).toList();
        if (matching.size() != 1) {
            throw new IllegalArgumentException("the CSV header (line 1) matches " + (matching.isEmpty() ? "none"
                    : matching.size() + ": " + matching.stream().map(Register::name).toList()) + " of the registers of "
                    + source + " (" + registers.stream().map(r -> r.name() + ": requires " + r.requires()
                    + (r.excludes().isEmpty() ? "" : ", excludes " + r.excludes())).toList()
                    + "); which register it is decides what its empty cells mean, so it is not guessed");
        }
        Register r = matching.get(0);
        return new ColumnMapping(source, dates, constants, columns, issuers, issuerSuffixes, statuses, minerals, registers, r);
    }

    /** Which register this is. */
    public String registerName() {
        return register.name();
    }

    /**
     * The kind of register a file with these headers is: "CSV: " and the register the mapping recognised, or,
     * for a mapping that names no registers, "CSV: " and the header itself (normalised).
     */
    public String kind(List<String> headers) {
        return "CSV: " + (registers.isEmpty() ? String.join(",", headers.stream().map(ColumnMapping::norm).toList())
                : register.name());
    }

    /**
     * The mapping's file as a report may show it: relative to the working directory (the project's
     * {@code mappings/lao-cai.yaml}), or only its name for a file elsewhere, so no report shows a server path.
     */
    private String shownSource() {
        java.nio.file.Path p = java.nio.file.Path.of(source);
        if (!p.isAbsolute()) {
            return source;
        }
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        return p.normalize().startsWith(here) ? here.relativize(p.normalize()).toString() : String.valueOf(p.getFileName());
    }

    /** The complete-record sections of this register, each {@code {"section", "columns", "source"}}. */
    public List<Map<String, Object>> conventions() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Block b : register.completeRecords()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("section", b.section());
            m.put("columns", b.headers());
            m.put("source", shownSource());
            out.add(m);
        }
        return out;
    }

    /**
     * A cell's text without control characters (a NUL or other character a spreadsheet leaves in a cell), line
     * breaks and tabs kept; null stays null.
     */
    public static String clean(String cell) {
        if (cell == null) {
            return null;
        }
        for (int i = 0; i < cell.length(); i++) {
            if (control(cell.charAt(i))) {
                StringBuilder b = new StringBuilder(cell.length());
                cell.chars().filter(c -> !control((char) c)).forEach(c -> b.append((char) c));
                return b.toString();
            }
        }
        return cell;
    }

    private static boolean control(char c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c <= 0x9f);
    }

    Sections sections() {
        return new Sections(register.numberedBy());
    }

    /** Complete-record blocks that named a section the file did not have: they applied to no row. */
    List<String> unusedBlocks(int sectionsSeen) {
        return register.completeRecords().stream().filter(b -> b.section() > sectionsSeen)
                .map(b -> "the mapping's complete records for section " + b.section() + " of the " + register.name()
                        + " applied to no row: the file has " + sectionsSeen + " section(s) numbered by "
                        + register.numberedBy() + "; their empty cells were read as unknown")
                .toList();
    }

    /** The headers of a file that the mapping does not know: an error before any row is read. */
    public List<String> unknownHeaders(List<String> headers) {
        return headers.stream().filter(h -> !columns.containsKey(norm(h))).toList();
    }

    public String source() {
        return source;
    }

    /** A row as a contract project tree, or the problems of its cells (path = column name). */
    public ObjectNode toProject(long row, int section, Map<String, String> cells, String idPrefix, List<InputError> errors) {
        return toProject(row, section, cells, idPrefix, errors, new Reading());
    }

    /**
     * As above; {@code reading} gets the paths an empty cell set to false by the complete-record convention, and
     * whether the row's status is a stopped mine (for which the convention is not applied).
     */
    public ObjectNode toProject(long row, int section, Map<String, String> cells, String idPrefix, List<InputError> errors,
                                Reading reading) {
        ObjectNode project = JsonNodeFactory.instance.objectNode();
        reading.stopped = status(cells).map(Status::stopped).orElse(false);
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
            boolean complete = !reading.stopped
                    && register.completeRecords().stream().anyMatch(b -> b.covers(section, norm(header)));
            try {
                switch (c.type()) {
                    case "ignore" -> { }
                    case "tick" -> {
                        if (raw.isEmpty()) {
                            if (complete) {
                                set(project, c.field(), false);
                                reading.assumed.add(c.field());
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
                            Status s = statusOf(raw).orElseThrow(() -> new IllegalArgumentException("unknown status '" + raw
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

    /** The status a row's status cell names, if it has one the mapping knows. */
    private java.util.Optional<Status> status(Map<String, String> cells) {
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            Column c = columns.get(norm(cell.getKey()));
            if (c != null && "status".equals(c.type()) && cell.getValue() != null && !cell.getValue().isBlank()) {
                return statusOf(cell.getValue().strip());
            }
        }
        return java.util.Optional.empty();
    }

    /** The first status whose text the cell contains. */
    private java.util.Optional<Status> statusOf(String raw) {
        String text = full(raw);
        return statuses.stream().filter(st -> text.contains(st.contains())).findFirst();
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

}
