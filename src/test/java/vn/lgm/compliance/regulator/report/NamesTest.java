package vn.lgm.compliance.regulator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Register cells as the Lào Cai registers write them, grouped as the report groups them. */
class NamesTest {

    final Names names = new Names();

    @Test
    void districtsOldAndNewNamesLandOnTheFormerDistrict() {
        assertEquals("Lục Yên", names.district("Lục Yên "));
        assertEquals("Lục Yên", names.district("Xã Lục Yên, Lào Cai"));
        assertEquals("Lục Yên", names.district("Thôn Làng Thọc, Xã Yên Thắng, Huyện Lục Yên, Tỉnh Yên Bái, Việt Nam"));
        assertEquals("Lục Yên", names.district("Thôn Tồng Táng, Xã Mường Lai, Tỉnh Lào Cai, Việt Nam"));
        assertEquals("TP. Yên Bái", names.district("Phường Yên Bái, tỉnh Lào Cai"));
        assertEquals("TP. Yên Bái", names.district("Yên Bái "));
        assertEquals("TP. Lào Cai", names.district("TP. Lào Cai"));
        assertEquals("TP. Lào Cai", names.district("Số nhà 196 phố Soi Tiền, Phường Lào Cai, Tỉnh Lào Cai,"));
        assertEquals("Nghĩa Lộ", names.district("Số nhà 115, tổ 1, Phường Tân An, Nghĩa Lộ, Lào Cai"));
        assertEquals("Văn Chấn", names.district("Văn Chấn  "));
        assertEquals("Trấn Yên", names.district("Trấn Yên\nVăn Yên"), "the first of two districts");
        assertEquals("Bảo Thắng", names.district("Bảo Thắng và Văn Bàn"));
        assertEquals(Names.OUTSIDE, names.district("Đông Anh, Hà Nội "));
        assertEquals(Names.OUTSIDE, names.district("Tầng 14, Tòa nhà HM Town, 412 Nguyễn Thị Minh Khai, Phường 05, Quận 3, Thành phố Hồ Chí Mi"));
        assertEquals(Names.NOT_RECORDED, names.district("  "));
    }

    @Test
    void mineralsIgnoreCaseDiacriticsSpacingAndNotes() {
        assertEquals(Names.mineralKey("Cát XD (gia hạn)"), Names.mineralKey("Cát XD\n(Gian hạn)\n"));
        assertEquals(Names.mineralKey("Cát XD"), Names.mineralKey("cát xd"));
        assertEquals(Names.mineralKey("Caolanh – felspat"), Names.mineralKey("Cao lanh – felspat"));
        assertEquals(Names.mineralKey("Cát, sỏi"), Names.mineralKey("cát, sỏi"));
        assertEquals("Đá quarzit hàm lượng thấp làm VLXDTT", Names.mineralShown("Đá quarzit hàm lượng thấp làm VLXDTT  "));
    }
}
