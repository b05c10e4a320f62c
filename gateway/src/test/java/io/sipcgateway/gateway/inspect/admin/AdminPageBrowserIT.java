package io.sipcgateway.gateway.inspect.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.config.HostAndPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live view in a real browser: headless Debian chromium loads the page from an {@link AdminServer} fed with a
 * few pairs; the rendered DOM must hold the filtered table rows and the ladder's SVG arrows, with message text
 * escaped. Also saves {@code target/inspect-page.png}, kept as a build artefact to look at.
 */
class AdminPageBrowserIT {
    private static final Path SCREENSHOT = Path.of("target", "inspect-page.png");

    @TempDir
    Path work;

    private final Recorder recorder = new Recorder();
    private AdminServer server;
    private HeadlessChromium chromium;

    @BeforeEach
    void start() throws Exception {
        chromium = HeadlessChromium.find(work);
        server = AdminServer.start(new HostAndPort("127.0.0.1", 0), recorder.inspector(), recorder.metrics(),
                HealthReport::of);
        recorder.recordAndWait(SamplePairs.subscribe(1, SamplePairs.ALICE),
                SamplePairs.message(2, SamplePairs.BOB, "hello alice"), SamplePairs.notify(3, SamplePairs.ALICE),
                SamplePairs.unmapped(4, SamplePairs.BOB),
                SamplePairs.message(5, SamplePairs.ALICE, "<img src=x onerror=\"document.title='owned'\">"),
                SamplePairs.notify(6, SamplePairs.ALICE));
    }

    @AfterEach
    void stop() {
        server.close();
        recorder.close();
    }

    private String page(String query) {
        return "http://" + server.address() + "/" + query;
    }

    @Test
    void rendersTheFilteredTableAndTheLadderOfTheSelectedDialog() throws Exception {
        String dom = chromium.dumpDom(page("?user=916000001&select=1&live=0"));
        for (int id : new int[] {1, 3, 5, 6}) {
            assertTrue(dom.contains("<tr data-id=\"" + id + "\""), "row " + id + " missing:\n" + dom);
        }
        assertFalse(dom.contains("<tr data-id=\"2\""), "bob's pair shown despite ?user=916000001");
        assertFalse(dom.contains("<tr data-id=\"4\""), "bob's pair shown despite ?user=916000001");
        assertTrue(dom.contains("<svg"), "no ladder SVG:\n" + dom);
        // dialog I: 5 is the SUB (5 messages: SUB, 2 SUBSCRIBE, 202, 200) and two NOTIFY→BN (4 each)
        assertEquals(13, count(dom, "<g class=\"arrow"), dom);
        assertEquals(5, count(dom, "<g class=\"arrow[^\"]*selected\""), dom);
        assertTrue(dom.contains(">SUBSCRIBE sip:carol@sipc.local SIP/2.0<"), dom);
        assertTrue(dom.contains(">BN 916000001 SIP-C/4.0<"), dom);
        assertTrue(dom.contains("marker-end=\"url(#head)\""), dom);
    }

    @Test
    void insertsMessageTextAsTextNotMarkup() throws Exception {
        String dom = chromium.dumpDom(page("?select=5&ladder=user&live=0"));
        assertTrue(dom.contains("&lt;img src=x onerror=\"document.title='owned'\"&gt;"), dom);
        assertFalse(dom.contains("<img"), "message text became markup:\n" + dom);
        assertFalse(dom.contains("owned</title>"), dom);
        // the user's ladder: all four of alice's pairs, 17 arrows
        assertEquals(17, count(dom, "<g class=\"arrow"), dom);
    }

    @Test
    void savesAScreenshotOfTheLiveView() throws Exception {
        chromium.screenshot(page("?select=1&live=0"), SCREENSHOT, 1400, 900);
        byte[] png = Files.readAllBytes(SCREENSHOT);
        assertTrue(png.length > 10_000, "suspiciously small screenshot: " + png.length + " bytes");
    }

    @Test
    void showsLiveEventsFromTheStreamAsTheyHappen() throws Exception {
        try (DevToolsPage browser = chromium.devTools()) {
            browser.navigate(page("?user=916000001"));
            browser.waitUntil("document.getElementById('status').textContent === 'live'", Duration.ofSeconds(20));
            browser.waitUntil("document.querySelectorAll('#rows tr').length === 4", Duration.ofSeconds(5));
            recorder.inspector().record(SamplePairs.message(7, SamplePairs.BOB, "filtered out"));
            recorder.inspector().record(SamplePairs.subscribe(8, SamplePairs.ALICE));
            browser.waitUntil("document.querySelector('#rows tr[data-id=\"8\"]') !== null", Duration.ofSeconds(10));
            assertEquals("8", browser.evaluate("document.querySelector('#rows tr').dataset.id").asText(),
                    "the newest pair is on top");
            assertFalse(browser.evaluate("document.querySelector('#rows tr[data-id=\"7\"]') !== null").asBoolean());
            browser.evaluate("document.querySelector('#rows tr[data-id=\"8\"]').click()");
            browser.waitUntil("document.querySelectorAll('#ladder g.arrow.selected').length === 5",
                    Duration.ofSeconds(5));
            assertTrue(browser.evaluate("location.search").asText().contains("select=8"));
        }
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
