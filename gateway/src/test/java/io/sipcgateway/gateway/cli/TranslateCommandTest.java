package io.sipcgateway.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sipcgateway.fixtures.TranslationCases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code translate} as a user runs it, over reference samples and seed messages from the golden cases. */
class TranslateCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("translate", "--clock", "2010-05-16T02:16:00Z"));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    private String file(String name, byte[] bytes) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, bytes);
        return path.toString();
    }

    private static byte[] legacy(String caseName) {
        return TranslationCases.named(caseName).legacyBytes();
    }

    private static byte[] core(String caseName) {
        return TranslationCases.named(caseName).coreBytes();
    }

    @Test
    void translatesALegacySampleAndPairsTheResponseThatFollows() throws IOException {
        String request = file("21.txt", legacy("m-catmsg-v4"));
        String response = file("22.txt", legacy("m-catmsg-200-v4"));
        assertEquals(0, run(request, response), err.toString());
        String text = out.toString();
        assertTrue(text.contains("--> to-core: 1 SIP request(s)"), text);
        assertTrue(text.contains("MESSAGE sip:bob@sipc.local SIP/2.0"), text);
        assertTrue(text.contains("--> response-to-core"), text);
        assertTrue(text.contains("X-Fetion-Message-ID: 925d6e3837b7410f9187ae66853e9a25"), text);
    }

    @Test
    void detectsSipInputAndTranslatesItForTheRecipient() throws IOException {
        assertEquals(0, run(file("logout.sip", core("register-v4-logout"))), err.toString());
        assertTrue(out.toString().contains("R fetion.com.cn SIP-C/4.0"), out.toString());
        assertTrue(out.toString().contains("X: 0"), out.toString());
    }

    @Test
    void printsOneJsonObjectPerMessageOfAMultiMessageFile() throws IOException {
        byte[] both = concat(legacy("register-v4-logout"), legacy("s-getcontactinfov4-unmapped"));
        assertEquals(0, run("--json", file("two.sipc", both)), err.toString());
        String[] lines = out.toString().strip().split("\n");
        assertEquals(2, lines.length, out.toString());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines[0]);
        JsonNode second = mapper.readTree(lines[1]);
        assertEquals("to-core", first.get("result").asText());
        assertTrue(first.get("output").get(0).asText().startsWith("REGISTER sip:sipc.local SIP/2.0"));
        assertEquals("reply-to-legacy", second.get("result").asText());
        assertEquals(2, second.get("index").asInt());
    }

    @Test
    void namesTheFileAndByteOffsetOfAParseErrorAndExitsNonZero() throws IOException {
        byte[] bad = "M fetion.com.cn SIP-C/4.0\r\nF 916000001\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        String path = file("bad.sipc", bad);
        assertEquals(1, run(path));
        assertTrue(err.toString().contains(path + ": ") && err.toString().contains("byte 27"), err.toString());
    }

    @Test
    void refusesInputThatIsNeitherSideUnlessTold() throws IOException {
        String path = file("page.txt", "这不是消息\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, run(path));
        assertTrue(err.toString().contains("neither a SIP-C nor a SIP start line"), err.toString());
    }

    @Test
    void carriesTheSeedListSubscriptionIntoTheRlmiNotifyWithAddedIdentities() throws IOException {
        String subscribe = file("m1.sip", core("seed-subscribe-eventlist-v4"));
        String accepted = file("m2.sip", core("seed-subscribe-200-eventlist-v4"));
        String notify = file("m3.sip", core("seed-notify-rlmi-v4"));
        assertEquals(0, run("--identity", "916000021/300000021=sip:A@ps.cintel.net.cn",
                "--identity", "916000022/300000022=sip:B@ps.cintel.net.cn",
                "--identity", "916000023/300000023=sip:C@ps.cintel.net.cn", subscribe, accepted, notify),
                err.toString());
        String text = out.toString();
        assertTrue(text.contains("    SUB fetion.com.cn SIP-C/4.0\n    F: 916000021\n    I: -1\n"), text);
        assertTrue(text.contains("    SIP-C/4.0 200 OK\n    I: -1\n    Q: 1 SUB\n    X: 3200\n"), text);
        assertTrue(text.contains("    BN 916000021 SIP-C/4.0\n    I: -1\n    Q: 5768 BN\n    N: PresenceV4\n"), text);
        assertTrue(text.contains("<c id=\"300000023\">"), text);
    }

    @Test
    void saysWhyASeedMessageWithUnknownPartiesIsRefused() throws IOException {
        assertEquals(0, run(file("m3.sip", core("seed-notify-rlmi-v4"))), err.toString());
        assertTrue(out.toString().contains("--> reply-to-core: 404 Not Found: no legacy identity for the "
                + "presentities of [sip:B@ps.cintel.net.cn, sip:C@ps.cintel.net.cn]"), out.toString());
    }

    @Test
    void marksAResponseWithoutItsRequestAsUnpaired() throws IOException {
        assertEquals(0, run(file("401.sipc", legacy("status-401-v4"))), err.toString());
        assertTrue(out.toString().contains("--> unpaired-response: its request is not earlier in the input; the "
                + "status alone maps SIP-C 401 Unauthoried -> SIP 401"), out.toString());
    }

    @Test
    void rejectsAnUnknownSide() {
        assertEquals(2, run("--from", "xmpp"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
