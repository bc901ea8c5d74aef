package vn.lgm.compliance.regulator.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lgm.compliance.contract.input.InputError;

/** The register semantics: a = done, - = not applicable, empty = unknown except in a complete-record block. */
class ColumnMappingTest {

    static final List<String> FOLLOW_UP_HEADER = List.of("TT", "Ten_don_vi", "Ten_mo_xa", "Dia_chi_huyen_cu", "Loai_KS",
            "So_GP", "Ngay_cap", "Ngay_het_han", "Dien_tich_ha", "Co_quan_cap", "Ghi_chu", "CS_m3", "CS_tan", "Hien_trang",
            "Nop_TKM", "TB_GDDH_mo", "Ban_giao_moc", "Tram_can", "Camera", "Ky_quy_PHMT", "QD_thue_dat", "GP_KT_nuoc", "GPMT", "GP_VLN");
    static final ColumnMapping FOLLOW_UP = ColumnMapping.load(Path.of("mappings/lao-cai.yaml")).forHeaders(FOLLOW_UP_HEADER);

    private static Map<String, String> row(String status, String design, String director, String area) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("TT", "1");
        m.put("Loai_KS", "Cát XD\n(Gian hạn)\n");
        m.put("So_GP", "482/GP-UBND");
        m.put("Ngay_cap", "13/04/2007");
        m.put("Dien_tich_ha", area);
        m.put("Co_quan_cap", "");
        m.put("Hien_trang", status);
        m.put("Nop_TKM", design);
        m.put("TB_GDDH_mo", director);
        m.put("Camera", "");
        return m;
    }

    @Test
    void tickColumnsKeepUnknownUnknown() {
        List<InputError> errors = new ArrayList<>();
        ObjectNode tracked = FOLLOW_UP.toProject(5, 1, row("Chưa KT\n(Đang XDCB)", "", "-", "6,48"), "row-", errors);
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals("LICENSED", tracked.get("stage").asText());
        assertTrue(tracked.at("/operations/constructionStarted").asBoolean());
        assertFalse(tracked.at("/operations/mineDesignSubmitted").asBoolean(true), "empty in a complete-record block: recorded as not done");
        assertTrue(tracked.at("/operations/mineDesignSubmitted").isBoolean());
        assertFalse(tracked.at("/operations/mineDirectorRequired").asBoolean(true), "'-' = not applicable");
        assertTrue(tracked.at("/operations/mineDirectorNotified").isMissingNode(), "'-' is not 'not done'");
        assertTrue(tracked.at("/operations/camera").isMissingNode(), "camera is never a complete record");
        assertEquals(0.0648, tracked.at("/site/areaKm2").asDouble(), 1e-9);
        assertEquals("PROVINCIAL_CHAIR", tracked.at("/licence/issuedBy").asText(), "issuer from the So_GP suffix");
        assertEquals("CONSTRUCTION_SAND", tracked.at("/minerals/0/name").asText());
        assertEquals("Cát XD (Gian hạn)", tracked.at("/minerals/0/localName").asText());
        assertEquals("2007-04-13", tracked.at("/licence/issuedOn").asText());
        assertEquals("Chưa KT (Đang XDCB)", tracked.at("/licence/note").asText());

        ObjectNode untracked = FOLLOW_UP.toProject(150, 2, row("", "", "", "2"), "row-", errors);
        assertTrue(untracked.at("/operations/mineDesignSubmitted").isMissingNode(), "untracked section: empty = unknown");
        assertTrue(untracked.at("/stage").isMissingNode());

        ObjectNode mining = FOLLOW_UP.toProject(6, 1, row("Đang KT", "a", "a", "1.5"), "row-", errors);
        assertEquals("OPERATING", mining.get("stage").asText());
        assertTrue(mining.at("/operations/mineDesignSubmitted").asBoolean());
        assertEquals("Dừng KT", FOLLOW_UP.toProject(7, 1, row("Dừng KT", "a", "a", "1"), "row-", errors).at("/licence/note").asText());
        assertEquals("LICENSED", FOLLOW_UP.toProject(7, 1, row("Dừng KT", "a", "a", "1"), "row-", errors).get("stage").asText());
    }

    @Test
    void badCellsAreNamedByColumn() {
        List<InputError> errors = new ArrayList<>();
        Map<String, String> r = row("Đang KT", "a", "a", "Chiều sâu LK 95");
        r.put("Ngay_het_han", "31/02/2020x");
        FOLLOW_UP.toProject(1, 1, r, "row-", errors);
        assertEquals(List.of("Dien_tich_ha", "Ngay_het_han"), errors.stream().map(InputError::path).sorted().toList());
    }

    @Test
    void theRegisterIsRecognisedByItsHeader() {
        ColumnMapping m = ColumnMapping.load(Path.of("mappings/lao-cai.yaml"));
        assertEquals("legal follow-up of mines", m.forHeaders(FOLLOW_UP_HEADER).registerName());
        assertEquals("exploration licences", m.forHeaders(List.of("TT", "Ten_don_vi", "So_GP", "Ngay_cap", "Ngay_het_han")).registerName());
        IllegalArgumentException none = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> m.forHeaders(List.of("TT", "Ten_don_vi")));
        assertTrue(none.getMessage().contains("matches none of the registers"), none.getMessage());
        IllegalArgumentException unknown = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> m.forHeaders(List.of("TT", "So_GP", "Mystery")));
        assertTrue(unknown.getMessage().contains("[Mystery]"), unknown.getMessage());
    }

    @Test
    void decimalCommasAndThousands() {
        assertEquals(6.48, ColumnMapping.number("6,48"), 1e-9);
        assertEquals(135, ColumnMapping.number("+ 135"), 1e-9);
        assertEquals(1254348, ColumnMapping.number("1.254.348,0"), 1e-9);
        assertEquals(43272, ColumnMapping.number("43,272"), 1e-9);
    }
}
