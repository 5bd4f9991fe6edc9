package org.perfalert.ack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfalert.alerts.AckLinks;
import org.perfalert.alerts.Acknowledgement;
import org.perfalert.alerts.AckStore;
import org.perfalert.alerts.AlertStore;
import org.perfalert.alerts.Silence;
import org.perfalert.alerts.SilenceStore;
import org.perfalert.alerts.StoredAlert;
import org.perfalert.links.AckToken;
import org.perfalert.links.Signer;
import org.perfalert.notify.MailReading;
import org.perfalert.service.ServiceFixture;

import java.net.*;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.service.ServiceFixture.await;

/**
 * The acknowledge page on the service's real HTTP server, reached from the links in the emails the service sent
 * (GreenMail): a lead in headless Chromium, every refusal (nothing stored), a link used twice, holding back, escaping.
 * One service for the class; each test works on an exception of its own.
 */
class AckPageTest {
    static final String SECRET = "test-secret-for-links-0123456789-abcdefghij";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Pattern ACK = Pattern.compile("Acknowledge: (\\S+)"), HOLD = Pattern.compile("Hold back for 4 weeks: (\\S+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir static Path tmp;
    static ServiceFixture f;
    static int port;
    static Map<String, MailReading> mailTo = new HashMap<>();

    @BeforeAll
    static void aMonthOfThresholdBreachesIsEmailed() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
        // open to the network (the page), health still for this machine only
        f = new ServiceFixture(tmp.resolve("service"), port, Map.of("http.bind", "0.0.0.0"), Map.of(),
                Map.of("PERFALERT_LINK_SECRET", SECRET), new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", "smtp"));
        f.drop("2020-04.csv", "month,metric,area_type,area,value\n"
                + "2020-04,abandonment_101_secondary,force,Cambridgeshire,35.5\n"     // demand-hub, item A
                + "2020-04,calls_answered_30s,force,Cambridgeshire,80\n"             // demand-hub, item C
                + "2020-04,response_time_grade1_rural,district,Fenland,25\n"         // response-lead and north-commander
                + "2020-04,imu_queue,force,Cambridgeshire,600\n"                     // imu-lead
                + "2020-04,survey_confidence,force,Cambridgeshire,60\n");            // communities-lead
        await("five lead emails", DEADLINE, () -> f.received().length >= 5);
        for (var m : f.received()) { MailReading r = MailReading.of(m); mailTo.put(r.to(), r); }
    }

    @AfterAll
    static void stop() { if (f != null) f.close(); }

    @Test
    void eachItemCarriesItsLinksAndHoldingBackOnlyOnTheLeadsOwnSeries() {
        MailReading hub = mailTo.get("Demand Hub Manager <demand-hub@example.org>");
        assertThat(all(ACK, hub.text())).hasSize(2).allSatisfy(u -> assertThat(u).startsWith("http://localhost:" + port + "/ack/"));
        assertThat(all(HOLD, hub.text())).hasSize(2);
        assertThat(hub.text()).contains("1. ").contains("2. ").doesNotContain("perfalert ack");
        assertThat(hub.html()).contains(">Acknowledge</a>").contains(">Hold back for 4 weeks</a>");
        MailReading commander = mailTo.get("North Area Commander <north-commander@example.org>");
        assertThat(all(ACK, commander.text())).hasSize(1);
        assertThat(all(HOLD, commander.text())).as("an area commander's copy: not their own series").isEmpty();
    }

    @Test
    void aLeadOpensTheLinkTypesACommentAndSubmitsAndItIsStoredEscapedEverywhere() throws Exception {
        String link = first(ACK, "demand-hub@example.org", "abandonment");
        StoredAlert alert = alert(link);
        String comment = "Seen <b>bold</b> <script>alert('x')</script> & more\r\nsecond line";
        try (Browser browser = new Browser(tmp.resolve("chromium/profile"))) {
            browser.open(link);
            assertThat(browser.text()).contains(alert.headline()).contains("Demand Hub Manager");
            assertThat(browser.evaluate("document.querySelector('img').naturalWidth").asInt()).as("the chart, a data: image").isEqualTo(560);
            assertThat(browser.evaluate("getComputedStyle(document.querySelector('button')).backgroundColor").asText())
                    .as("the page's own style passes its Content-Security-Policy").isEqualTo("rgb(31, 78, 121)");
            browser.type("comment", comment);
            browser.clickAndWait("button[value=ack]");
            assertThat(browser.text()).contains("Acknowledged, Demand Hub Manager");
            assertThat(browser.evaluate("document.querySelectorAll('script').length").asInt()).isZero();
        }
        List<Acknowledgement> stored = new AckStore(ds()).forAlert(alert.id());
        assertThat(stored).singleElement().satisfies(k -> {
            assertThat(k.by()).isEqualTo("Demand Hub Manager");
            assertThat(k.email()).isEqualTo("demand-hub@example.org");
            assertThat(k.via()).isEqualTo("link");
            assertThat(k.comment()).isEqualTo("Seen <b>bold</b> <script>alert('x')</script> & more\nsecond line");
        });
        HttpResponse<String> again = get(link);
        assertThat(again.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>")
                .doesNotContain("<b>bold");
    }

    @Test
    void theSameLinkUsedTwiceAcknowledgesOnceAndHoldingBackMakesOneSilenceByTheLead() throws Exception {
        String link = first(HOLD, "demand-hub@example.org", "calls");
        StoredAlert alert = alert(link);
        HttpResponse<String> page = get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"hold\"");
        Map<String, String> form = Map.of("csrf", csrf(page.body()), "comment", "staffing gap, cover from May", "action", "hold");
        HttpResponse<String> first = post(link, form, Map.of("Origin", "http://localhost:" + port));
        HttpResponse<String> second = post(link, form, Map.of("Origin", "http://localhost:" + port));   // a double submit
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Acknowledged").contains("held back from email until");
        assertThat(second.body()).contains("already acknowledged").contains("already held back");
        assertThat(new AckStore(ds()).forAlert(alert.id())).hasSize(1);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Silence> held = new SilenceStore(ds()).activeOn(today).stream()
                .filter(s -> s.metricPattern().equals("calls_answered_30s")).toList();
        assertThat(held).singleElement().satisfies(s -> {
            assertThat(s.areaPattern()).isEqualTo("Cambridgeshire");
            assertThat(s.rulePattern()).isEqualTo("*");
            assertThat(s.endsOn()).isEqualTo(today.plusDays(28));
            assertThat(s.createdBy()).isEqualTo("Demand Hub Manager <demand-hub@example.org>");
            assertThat(s.reason()).contains("staffing gap, cover from May");
        });
    }

    @Test
    void someoneElsesSeriesIsAcknowledgedButNotHeldBack() throws Exception {
        String link = first(ACK, "north-commander@example.org", "");
        StoredAlert alert = alert(link);
        int silences = new SilenceStore(ds()).all().size();
        String csrf = csrf(get(link + "?action=hold").body());
        HttpResponse<String> r = post(link, Map.of("csrf", csrf, "action", "hold", "comment", "rural cover"), Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new AckStore(ds()).forAlert(alert.id())).singleElement()
                .satisfies(k -> assertThat(k.email()).isEqualTo("north-commander@example.org"));
        assertThat(new SilenceStore(ds()).all()).hasSize(silences);
    }

    @Test
    void everyRefusalStoresNothing() throws Exception {
        String link = first(ACK, "imu-lead@example.org", "");
        StoredAlert alert = alert(link);
        String token = link.substring(link.lastIndexOf('/') + 1), base = link.substring(0, link.lastIndexOf('/') + 1);
        Signer signer = new Signer(SECRET);
        String sig = token.substring(token.lastIndexOf('.') + 1);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + (sig.charAt(0) == 'A' ? 'B' : 'A') + sig.substring(1);
        String otherTo = new AckToken(alert.id(), "demand-hub@example.org", Instant.now().plusSeconds(3600)).sign(signer);
        String[] parts = token.split("\\.");
        String swapped = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("demand-hub@example.org".getBytes(StandardCharsets.UTF_8)) + "." + parts[3];
        String expired = new AckToken(alert.id(), "imu-lead@example.org", Instant.now().minusSeconds(60)).sign(signer);
        String gone = new AckToken(987654, "imu-lead@example.org", Instant.now().plusSeconds(3600)).sign(signer);
        int acks = count("acknowledgement"), silences = count("silence");

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(forged, 403);
        expected.put(swapped, 403);
        expected.put("not-a-token", 403);
        expected.put(otherTo, 403);
        expected.put(expired, 410);
        expected.put(gone, 404);
        for (var e : expected.entrySet()) {
            assertThat(get(base + e.getKey()).statusCode()).as("GET " + e.getKey()).isEqualTo(e.getValue());
            assertThat(post(base + e.getKey(), Map.of("csrf", csrf(get(link).body()), "comment", "x"), Map.of()).statusCode())
                    .as("POST " + e.getKey()).isEqualTo(e.getValue());
        }
        String otherPage = first(ACK, "communities-lead@example.org", "");
        Map<String, Map<String, String>> badPosts = Map.of(
                "no anti-forgery value", Map.of("comment", "x"),
                "another page's value", Map.of("csrf", csrf(get(otherPage).body()), "comment", "x"),
                "a made-up value", Map.of("csrf", "AAAAAAAAAAAAAAAAAAAAAA.1700000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "comment", "x"));
        for (var e : badPosts.entrySet())
            assertThat(post(link, e.getValue(), Map.of()).statusCode()).as(e.getKey()).isEqualTo(403);
        String csrf = csrf(get(link).body());
        assertThat(post(link, Map.of("csrf", csrf, "comment", "x"), Map.of("Origin", "http://evil.example")).statusCode()).isEqualTo(403);
        assertThat(post(link, Map.of("csrf", csrf, "comment", "x"), Map.of("Sec-Fetch-Site", "cross-site")).statusCode()).isEqualTo(403);
        assertThat(count("acknowledgement")).isEqualTo(acks);
        assertThat(count("silence")).isEqualTo(silences);
    }

    @Test
    void thePageIsSelfContainedUnderARestrictivePolicy() throws Exception {
        HttpResponse<String> r = get(first(ACK, "communities-lead@example.org", ""));
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'").contains("img-src data:").contains("form-action 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("script-src").doesNotContain("unsafe");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(r.headers().firstValue("comment")).isEmpty();
        assertThat(r.body()).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script");
    }

    @Test
    void healthAnswersThisMachineOnlyWhileThePageIsOpenToTheNetwork() throws Exception {
        assertThat(get("http://127.0.0.1:" + port + "/observe/health").statusCode()).isEqualTo(200);
        Optional<InetAddress> lan = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(lan.isPresent(), "this machine has no network address besides loopback");
        String host = "http://" + lan.get().getHostAddress() + ":" + port;
        assertThat(get(host + "/observe/health").statusCode()).isEqualTo(404);
        String link = first(ACK, "communities-lead@example.org", "");
        assertThat(get(host + link.substring(link.indexOf("/ack/"))).statusCode()).isEqualTo(200);
    }

    // --- helpers

    static javax.sql.DataSource ds() { return f.parts.store().dataSource(); }

    static StoredAlert alert(String link) {
        String token = link.substring(link.lastIndexOf('/') + 1);
        return new AlertStore(ds()).find(token.substring(0, token.indexOf('.'))).orElseThrow();
    }

    /** The first link of the kind in the email to the address whose metric contains the text. */
    static String first(Pattern kind, String to, String metric) {
        MailReading m = mailTo.entrySet().stream().filter(e -> e.getKey().contains(to)).findFirst().orElseThrow().getValue();
        return all(kind, m.text()).stream().filter(u -> alert(u.replace(AckLinks.HOLD, "")).series().metric().contains(metric))
                .findFirst().orElseThrow().replace(AckLinks.HOLD, "");
    }

    static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        return m.find() ? m.group(1) : "";
    }

    static int count(String table) throws Exception {
        try (var c = ds().getConnection(); var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(DEADLINE).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, Map<String, String> form, Map<String, String> headers) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(DEADLINE)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
