package vn.lgm.compliance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.lgm.compliance.contract.input.Limits;

/**
 * An audit upload slower than the minimum rate is cut with a clear error and its slot freed (issue 20, item 10). The
 * client here trickles one byte of a record at a time, pausing between them, so its rate stays far under the minimum
 * (the test profile's window is 1 s of waiting) however loaded the machine: a slower machine only makes it slower.
 */
@QuarkusTest
class SlowUploadTest {

    @Test
    void aTrickledUploadIsCutAndItsSlotFreed() throws Exception {
        int slots = Limits.DEFAULTS.maxConcurrentAudits();
        String response;
        try (RawHttp http = new RawHttp()) {
            http.send("POST /api/v1/audits HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"
                    + Users.regulatorHeader() + "Transfer-Encoding: chunked\r\n\r\n8\r\n{\"id\": \"\r\n");
            // one byte of the id every 50 ms until the server answers (bounded: at most 6,000 bytes)
            boolean answered = false;
            for (int i = 0; i < 6_000 && !answered; i++) {
                try {
                    http.send("1\r\nA\r\n");
                } catch (IOException e) {
                    break; // the server closed the upload
                }
                Thread.sleep(50);
                answered = http.in.available() > 0;
            }
            response = http.response();
        }
        assertEquals(200, RawHttp.status(response), response);
        assertTrue(response.contains("\"incomplete\""), response);
        assertTrue(response.contains("under the minimum of 1024 bytes a second (audit.upload.min-bytes-per-second)"), response);
        // the slot comes back once the run has ended (the stream's last line is written just before)
        for (int i = 0; i < 10_000 && AuditResource.RUNNING.availablePermits() < slots; i++) {
            Thread.sleep(10);
        }
        assertEquals(slots, AuditResource.RUNNING.availablePermits(), "every audit slot is free again");
        String ok = Users.regulator().contentType("application/x-ndjson").body("{\"id\": \"A\"}\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/audits").then().statusCode(200).extract().asString();
        assertTrue(ok.contains("\"summary\""), ok);
    }
}
