package vn.lgm.compliance.api;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.restassured.specification.RequestSpecification;

/** The test profile's users (application.properties, %test): one per role, and one with no role of ours. */
public final class Users {

    public static final String REGULATOR = "regina";
    public static final String REGULATOR_PASSWORD = "test-regulator-password";
    public static final String LAWYER = "lam";
    public static final String LAWYER_PASSWORD = "test-lawyer-password";
    public static final String INVESTOR = "ivan";
    public static final String INVESTOR_PASSWORD = "test-investor-password";

    private Users() {
    }

    /** A request by the regulator, over HTTP Basic. */
    public static RequestSpecification regulator() {
        return given().auth().preemptive().basic(REGULATOR, REGULATOR_PASSWORD);
    }

    public static RequestSpecification lawyer() {
        return given().auth().preemptive().basic(LAWYER, LAWYER_PASSWORD);
    }

    public static RequestSpecification investor() {
        return given().auth().preemptive().basic(INVESTOR, INVESTOR_PASSWORD);
    }

    /** The Authorization header of the regulator, for requests written by hand on a socket. */
    public static String regulatorHeader() {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((REGULATOR + ":" + REGULATOR_PASSWORD)
                .getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }
}
