package vn.lgm.compliance.regulator.report;

import static vn.lgm.compliance.regulator.report.ReportWords.t;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.quarkus.qute.Template;

import vn.lgm.compliance.regulator.history.HistoryJson;
import vn.lgm.compliance.regulator.history.HistoryStore;
import vn.lgm.compliance.texts.RuleNames;
import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.texts.HtmlTemplates;

/** The department report rendered: a self-contained HTML page, JSON, and an Excel workbook with one sheet per view. */
public final class ReportFiles {

    private static final Template HTML = HtmlTemplates.load("/regulator/department.html");

    private ReportFiles() {
    }

    public static String html(Map<String, Object> model) {
        return HTML.data(model).render();
    }

    public static byte[] json(Map<String, Object> model) {
        try {
            return HistoryJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] xlsx(Map<String, Object> model, List<HistoryStore.StoredRecord> records, RuleNames texts, String lang) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeXlsx(out, model, records, texts, lang);
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    public static void writeXlsx(OutputStream out, Map<String, Object> model, List<HistoryStore.StoredRecord> records,
                                 RuleNames texts, String lang) {
        boolean vi = "vi".equals(lang);
        Names names = new Names();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);

            Sheet licences = sheet(wb, head, t("sheetLicences", vi), t("licence", vi), t("mine", vi), t("holder", vi),
                    t("district", vi), t("mineral", vi), t("expires", vi), t("result", vi), t("violations", vi));
            Sheet findings = sheet(wb, head, t("sheetFindings", vi), t("licence", vi), t("mine", vi), t("rule", vi),
                    t("outcome", vi), t("provision", vi), t("facts", vi), t("missing", vi));
            for (HistoryStore.StoredRecord r : records) {
                String licence = r.licenceNumber() == null ? r.key() : r.licenceNumber();
                List<String> breaches = new ArrayList<>();
                for (HistoryStore.StoredFinding f : r.findings()) {
                    if ("VIOLATION".equals(f.outcome())) {
                        breaches.add(texts.title(f.ruleId(), lang));
                    }
                    List<String> facts = new ArrayList<>();
                    for (FactValue v : HistoryJson.facts(f.factsJson())) {
                        facts.add(v.path() + " = " + v.value());
                    }
                    row(findings, licence, r.name(), texts.title(f.ruleId(), lang), t(f.outcome(), vi),
                            String.join("; ", f.ruleIds().stream().map(id -> texts.provision(id, lang)).toList()),
                            String.join("; ", facts),
                            String.join("; ", HistoryJson.strings(f.missingFactsJson())));
                }
                row(licences, licence, r.name(), r.holder(), ReportBuilder.districtLabel(names.district(r.district()), vi),
                        Names.mineralShown(r.mineral()), r.expiresOn() == null ? "" : r.expiresOn().toString(),
                        r.verdict() == null ? t("ERROR", vi) : t(r.verdict(), vi), String.join("; ", breaches));
            }
            Sheet provisions = sheet(wb, head, t("sheetProvisions", vi), t("rule", vi), t("provision", vi), t("violations", vi),
                    t("obligations", vi), t("insufficient", vi), t("advisories", vi));
            for (Map<String, Object> r : (List<Map<String, Object>>) model.get("rules")) {
                row(provisions, r.get("title"), r.get("provision"), r.get("violations"), r.get("obligations"),
                        r.get("insufficient"), r.get("advisories"));
            }
            Sheet changes = sheet(wb, head, t("sheetChanges", vi), t("change", vi), t("licence", vi), t("mine", vi),
                    t("before", vi), t("now", vi), t("added", vi), t("removed", vi));
            Map<String, Object> c = (Map<String, Object>) model.get("changes");
            if (c != null) {
                for (Map<String, Object> g : (List<Map<String, Object>>) c.get("groups")) {
                    for (Map<String, Object> x : (List<Map<String, Object>>) g.get("rows")) {
                        row(changes, g.get("heading"), x.get("licence"), x.get("mine"), x.get("before"), x.get("now"),
                                String.join("; ", (List<String>) x.get("added")), String.join("; ", (List<String>) x.get("removed")));
                    }
                }
            }
            Map<String, Object> d = (Map<String, Object>) model.get("due");
            if (d != null) {
                Sheet due = sheet(wb, head, t("sheetDue", vi), t("date", vi), t("licence", vi), t("mine", vi), t("district", vi),
                        t("what", vi), t("thenFindings", vi));
                for (Map<String, Object> x : (List<Map<String, Object>>) d.get("rows")) {
                    row(due, x.get("date"), x.get("licence"), x.get("mine"), x.get("district"), x.get("what"),
                            String.join("; ", (List<String>) x.get("findings")));
                }
            }
            Map<String, Object> rf = (Map<String, Object>) model.get("reform");
            if (rf != null) {
                Sheet reform = sheet(wb, head, t("sheetReform", vi), t("licence", vi), t("mine", vi), t("current", vi),
                        t("draft", vi), t("added", vi), t("removed", vi));
                for (Map<String, Object> x : (List<Map<String, Object>>) rf.get("rows")) {
                    row(reform, x.get("licence"), x.get("mine"), x.get("before"), x.get("now"),
                            String.join("; ", (List<String>) x.get("added")), String.join("; ", (List<String>) x.get("removed")));
                }
            }
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                Sheet s = wb.getSheetAt(i);
                for (int col = 0; col < s.getRow(0).getLastCellNum(); col++) {
                    s.setColumnWidth(col, 28 * 256);
                }
                s.createFreezePane(0, 1);
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet sheet(XSSFWorkbook wb, CellStyle head, String name, String... columns) {
        Sheet s = wb.createSheet(name);
        Row r = s.createRow(0);
        for (int i = 0; i < columns.length; i++) {
            r.createCell(i).setCellValue(columns[i]);
            r.getCell(i).setCellStyle(head);
        }
        return s;
    }

    private static void row(Sheet s, Object... values) {
        Row r = s.createRow(s.getLastRowNum() + 1);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Number n) {
                r.createCell(i).setCellValue(n.doubleValue());
            } else {
                String text = v == null ? "" : v.toString().replace('\n', ' ');
                r.createCell(i).setCellValue(text.length() > 32000 ? text.substring(0, 32000) : text);
            }
        }
    }
}
