package vn.lgm.compliance.regulator.report;

import java.util.Map;

/** The report's words in Vietnamese and English. */
public final class ReportWords {

    private static final Map<String, String[]> T = Map.ofEntries(
            e("title", "Audit of a licence register", "Kết quả rà soát sổ giấy phép khoáng sản"),
            e("register", "Register", "Sổ"),
            e("lawAsOf", "law applied as of", "áp dụng pháp luật tại ngày"),
            e("eachRecordsDate", "each record's own date", "ngày của từng bản ghi"),
            e("auditedOn", "audited on", "rà soát ngày"),
            e("summary", "In short", "Tóm tắt"),
            e("breakLaw", "%d of %d licences break the law.", "%d trên %d giấy phép vi phạm pháp luật."),
            e("noneBreak", "None of the %d licences assessed breaks the law.", "Không giấy phép nào trong %d giấy phép được rà soát vi phạm pháp luật."),
            e("topBreach", "%d licences: %s", "%d giấy phép: %s"),
            e("incomplete", "%d more cannot be judged because the register does not record facts the law needs (see the details): these are questions for the licence holder or the licensing file, not breaches.",
                    "%d giấy phép khác chưa đủ thông tin để kết luận vì sổ không ghi các dữ kiện pháp luật yêu cầu (xem phần chi tiết): cần hỏi tổ chức được cấp phép hoặc hồ sơ cấp phép, chưa phải là vi phạm."),
            e("conditional", "%d have steps still to take; %d comply fully.", "%d giấy phép còn thủ tục phải thực hiện; %d giấy phép tuân thủ đầy đủ."),
            e("unreadable", "%d rows of the register could not be read as written (listed at the end).", "%d dòng của sổ không đọc được như đã ghi (liệt kê ở cuối báo cáo)."),
            e("sinceSummary", "Since the last audit (audit %d of %s): %d licences newly break the law, %d no longer do, %d other licences changed.",
                    "So với lần rà soát trước (lần %d, ngày %s): %d giấy phép mới vi phạm, %d giấy phép hết vi phạm, %d giấy phép khác có thay đổi."),
            e("dueSummary", "In the next %d days (to %s), %d licences come due: %d licences expire.", "Trong %d ngày tới (đến %s), %d giấy phép đến hạn: %d giấy phép hết hạn."),
            e("reformSummary", "The draft reform would change the result of %d of %d records.", "Dự thảo sửa đổi sẽ làm thay đổi kết quả của %d trên %d bản ghi."),
            e("act", "Licences to act on, by what they break", "Giấy phép cần xử lý, theo quy định bị vi phạm"),
            e("actNone", "No licence breaks the law.", "Không có giấy phép vi phạm."),
            e("licences", "licences", "giấy phép"),
            e("licence", "Licence", "Số giấy phép"),
            e("mine", "Mine", "Mỏ"),
            e("holder", "Holder", "Tổ chức, cá nhân"),
            e("district", "District", "Huyện (cũ)"),
            e("mineral", "Mineral", "Loại khoáng sản"),
            e("expires", "Expires", "Ngày hết hạn"),
            e("note", "Register note", "Ghi chú trong sổ"),
            e("since", "Since the last audit", "Thay đổi so với lần rà soát trước"),
            e("sinceNone", "No licence's result changed.", "Không giấy phép nào thay đổi kết quả."),
            e("sinceIntro", "Compared with audit %d of %s: register %s, law as of %s.", "So với lần rà soát %d ngày %s: sổ %s, áp dụng pháp luật tại ngày %s."),
            e("newlyNc", "Newly breaking the law", "Mới vi phạm"),
            e("resolved", "No longer breaking the law", "Hết vi phạm"),
            e("changedOther", "Other changes", "Thay đổi khác"),
            e("before", "Before", "Trước"),
            e("now", "Now", "Nay"),
            e("added", "New findings", "Phát hiện mới"),
            e("removed", "Findings gone", "Phát hiện không còn"),
            e("newIn", "New in the register", "Mới có trong sổ"),
            e("goneFrom", "No longer in the register", "Không còn trong sổ"),
            e("due", "Coming due", "Sắp đến hạn"),
            e("dueIntro", "Licences that will break a rule, or whose licence expires, between %s and %s if nothing changes.",
                    "Giấy phép sẽ vi phạm quy định, hoặc hết hạn, trong khoảng từ %s đến %s nếu không có thay đổi."),
            e("dueNone", "Nothing comes due in this period.", "Không có giấy phép nào đến hạn trong khoảng thời gian này."),
            e("date", "Date", "Ngày"),
            e("what", "What happens", "Nội dung"),
            e("expiry", "The licence expires", "Giấy phép hết hạn"),
            e("lawChange", "The law changes", "Pháp luật thay đổi"),
            e("thenFindings", "What the rules then find", "Khi đó quy định áp dụng"),
            e("nothingNew", "no new finding while the mine is not recorded as mining", "không phát sinh phát hiện mới khi mỏ không được ghi là đang khai thác"),
            e("reform", "What the draft reform would change", "Tác động của dự thảo sửa đổi"),
            e("parameter", "Legal number", "Chỉ tiêu pháp lý"),
            e("current", "As the law is", "Theo pháp luật hiện hành"),
            e("draft", "As the draft would make it", "Theo dự thảo"),
            e("reformNone", "The draft changes no record's result.", "Dự thảo không làm thay đổi kết quả của bản ghi nào."),
            e("charts", "Charts", "Biểu đồ"),
            e("verdicts", "Results", "Kết quả"),
            e("provisions", "Most-broken provisions", "Quy định bị vi phạm nhiều nhất"),
            e("byDistrict", "By district", "Theo huyện (cũ)"),
            e("byDistrictNote", "Former districts; addresses given with the new commune or ward names (since 1 July 2025) are counted under the former district they lie in.",
                    "Theo huyện cũ; địa chỉ ghi theo tên xã, phường mới (từ 1/7/2025) được tính vào huyện cũ tương ứng."),
            e("inBreach", "breaking the law", "vi phạm"),
            e("all", "all", "tổng số"),
            e("details", "Details", "Chi tiết"),
            e("rulesTable", "Findings by rule", "Phát hiện theo quy định"),
            e("rule", "Rule", "Quy định"),
            e("provision", "Provision", "Điều khoản"),
            e("violations", "Breaches", "Vi phạm"),
            e("obligations", "Steps to take", "Thủ tục phải thực hiện"),
            e("insufficient", "Facts missing", "Thiếu thông tin"),
            e("advisories", "For information", "Lưu ý"),
            e("byMineral", "By mineral", "Theo loại khoáng sản"),
            e("byIssuer", "By issuing authority", "Theo cơ quan cấp phép"),
            e("records", "Records", "Số bản ghi"),
            e("errorsTitle", "Rows that could not be read", "Dòng không đọc được"),
            e("row", "Row", "Dòng"),
            e("problems", "Problems", "Lỗi"),
            e("runTitle", "About this audit", "Thông tin lần rà soát"),
            e("runId", "Audit number", "Số lần rà soát"),
            e("recordsIn", "Records read", "Số bản ghi đọc"),
            e("assessed", "Assessed", "Đã rà soát"),
            e("errors", "Could not be read", "Không đọc được"),
            e("rulesVersion", "Rules version", "Phiên bản bộ quy tắc"),
            e("inputHash", "Register fingerprint (SHA-256)", "Dấu vân tay của sổ (SHA-256)"),
            e("duration", "Duration", "Thời gian"),
            e("NON_COMPLIANT", "Breaks the law", "Vi phạm"),
            e("INCOMPLETE", "Information missing", "Thiếu thông tin"),
            e("CONDITIONAL", "Steps still to take", "Còn thủ tục phải thực hiện"),
            e("COMPLIANT", "Complies", "Tuân thủ"),
            e("VIOLATION", "breach", "vi phạm"),
            e("OBLIGATION", "step to take", "thủ tục phải thực hiện"),
            e("INSUFFICIENT_INFORMATION", "facts missing", "thiếu thông tin"),
            e("ADVISORY", "for information", "lưu ý"),
            e("ERROR", "could not be read", "không đọc được"),
            e("MINISTER", "The Ministry", "Bộ cấp"),
            e("PROVINCIAL_CHAIR", "The province", "Tỉnh cấp"),
            e("notRecorded", "Not recorded", "Không ghi"),
            e("outside", "Address outside the province", "Địa chỉ ngoài tỉnh"),
            e("notMatched", "Address not matched to a district", "Địa chỉ không xác định được huyện"),
            e("unreadableFinding", "the record could not be read", "không đọc được bản ghi"),
            e("sheetLicences", "Licences", "Giấy phép"),
            e("sheetFindings", "Findings", "Phát hiện"),
            e("sheetProvisions", "Provisions", "Điều khoản"),
            e("sheetChanges", "Changes", "Thay đổi"),
            e("sheetDue", "Coming due", "Sắp đến hạn"),
            e("sheetReform", "Reform", "Dự thảo"),
            e("outcome", "Outcome", "Kết luận"),
            e("result", "Result", "Kết quả"),
            e("facts", "Facts", "Dữ kiện"),
            e("missing", "Missing facts", "Dữ kiện còn thiếu"),
            e("change", "Change", "Thay đổi"),
            e("lawCmp", "The law as of %s compared with the law as of %s", "So sánh pháp luật tại ngày %s với ngày %s"),
            e("appeared", "Findings the later date adds", "Phát hiện phát sinh ở ngày sau"),
            e("disappeared", "Findings the later date removes", "Phát hiện không còn ở ngày sau"));

    private ReportWords() {
    }

    private static Map.Entry<String, String[]> e(String key, String en, String vi) {
        return Map.entry(key, new String[]{en, vi});
    }

    /** Every word of the report in Vietnamese, by key (a test reads them for English). */
    public static java.util.SortedMap<String, String> vietnamese() {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        T.forEach((k, v) -> out.put(k, v[1]));
        return out;
    }

    static String t(String key, boolean vi) {
        String[] s = T.get(key);
        if (s == null) {
            return key;
        }
        return s[vi ? 1 : 0];
    }
}
