package vn.lgm.compliance.regulator.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.contract.model.Project;

/** JSON as stored in the history: the contract's shapes (ISO dates), read back leniently. */
public final class HistoryJson {

    /** Nulls are left out (an omitted fact is unknown either way), so a description keeps only what it says. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private HistoryJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Project project(String json) {
        try {
            return json == null ? null : MAPPER.readValue(json, Project.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<FactValue> facts(String json) {
        try {
            return json == null ? List.of() : MAPPER.readValue(json, new TypeReference<List<FactValue>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<java.util.Map<String, Object>> maps(String json) {
        try {
            return json == null ? List.of() : MAPPER.readValue(json, new TypeReference<List<java.util.Map<String, Object>>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> strings(String json) {
        try {
            return json == null ? List.of() : MAPPER.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
