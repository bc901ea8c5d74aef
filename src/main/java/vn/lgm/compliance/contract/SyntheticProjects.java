package vn.lgm.compliance.contract;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.model.Activity;
import vn.lgm.compliance.contract.model.Issuer;
import vn.lgm.compliance.contract.model.MineralName;
import vn.lgm.compliance.contract.model.Stage;

/**
 * N synthetic, varied contract projects as JSON Lines (seeded, so a run can be repeated): every stage, mineral,
 * issuer and activity mix, licences expired or not, facts true, false or left unknown.
 */
public final class SyntheticProjects {

    private static final String[] DISTRICTS = {"Văn Bàn", "Bảo Thắng", "Bát Xát", "Lục Yên", "Yên Bình", "Trấn Yên", "Văn Yên", "Bảo Yên"};
    private static final String[] OPS = {"mineDesignSubmitted", "mineDirectorNotified", "boundaryMarkersHandedOver",
            "weighingStation", "camera", "landLeaseDecision", "explosivesPermit", "waterPermit"};

    private SyntheticProjects() {
    }

    public static void write(Path file, long n, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long i = 0; i < n; i++) {
                w.write(Json.json().writeValueAsString(project(i, rnd)));
                w.write('\n');
            }
        }
    }

    /** One synthetic project (also used by the tests). */
    public static ObjectNode project(long i, SplittableRandom rnd) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode p = f.objectNode();
        p.put("id", "SYN-" + i);
        p.put("name", "Synthetic mine " + i);
        LocalDate asOf = LocalDate.of(2025, 8, 1).plusDays(rnd.nextInt(600));
        p.put("assessmentDate", asOf.toString());
        Stage stage = Stage.values()[rnd.nextInt(Stage.values().length)];
        if (rnd.nextInt(10) > 0) {
            p.put("stage", stage.name());
        }
        ArrayNode acts = p.putArray("activities");
        acts.add(Activity.EXPLOITATION.name());
        if (rnd.nextInt(4) == 0) {
            acts.add(Activity.EXPORT.name());
        }
        if (rnd.nextInt(6) == 0) {
            acts.add(Activity.PROCESSING.name());
        }
        MineralName mineral = MineralName.values()[rnd.nextInt(MineralName.values().length)];
        ObjectNode m = p.putArray("minerals").addObject();
        m.put("name", mineral.name());
        ObjectNode site = p.putObject("site");
        site.put("province", "Lào Cai");
        site.put("district", DISTRICTS[rnd.nextInt(DISTRICTS.length)]);
        site.put("areaKm2", Math.round(rnd.nextDouble() * 500) / 100.0);
        if (rnd.nextBoolean()) {
            site.put("smallScaleArea", rnd.nextInt(4) == 0);
        }
        ObjectNode lic = p.putObject("licence");
        lic.put("type", "EXPLOITATION");
        lic.put("number", (100 + rnd.nextInt(3000)) + "/GP-" + (rnd.nextBoolean() ? "BTNMT" : "UBND"));
        lic.put("issuedBy", rnd.nextBoolean() ? Issuer.MINISTER.name() : Issuer.PROVINCIAL_CHAIR.name());
        LocalDate drawn = LocalDate.of(2005, 1, 1).plusDays(rnd.nextInt(7600));
        // a licence is not issued after the day it is assessed on (the reader refuses that contradiction)
        LocalDate issued = drawn.isAfter(asOf) ? asOf : drawn;
        lic.put("issuedOn", issued.toString());
        lic.put("expiresOn", issued.plusYears(3 + rnd.nextInt(28)).toString());
        if (rnd.nextBoolean()) {
            lic.put("capacityTonnesPerYear", 1000 + rnd.nextInt(200000));
        } else {
            lic.put("capacityM3PerYear", 1000 + rnd.nextInt(100000));
        }
        if (rnd.nextInt(3) == 0) {
            lic.put("renewalPending", rnd.nextBoolean());
        }
        ObjectNode ops = p.putObject("operations");
        for (String k : OPS) {
            int r = rnd.nextInt(5);
            if (r < 3) {
                ops.put(k, true);
            } else if (r == 3) {
                ops.put(k, false);
            }
        }
        if (rnd.nextInt(3) == 0) {
            ops.put("usesExplosives", rnd.nextBoolean());
        }
        if (stage == Stage.LICENSED && rnd.nextBoolean()) {
            ops.put("constructionStarted", rnd.nextBoolean());
        }
        ObjectNode env = p.putObject("environment");
        env.put("eiaApproved", rnd.nextInt(5) > 0);
        env.put("rehabilitationDepositPaid", rnd.nextInt(4) > 0);
        if (acts.toString().contains("EXPORT")) {
            ObjectNode x = p.putArray("exports").addObject();
            x.put("mineral", mineral.name());
            x.put("product", rnd.nextBoolean() ? "CONCENTRATE" : "ORE");
            x.put("lawfulOrigin", rnd.nextBoolean());
        }
        return p;
    }
}
