package io.sipcgateway.gateway.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The temporary directory one test Kamailio runs in: the project's kamailio.cfg, a {@code run/} directory for its
 * pid and FIFO files, and the db_text tables the presence, presence_xml and msilo modules need.
 */
final class KamailioWorkDir {
    /** Table layouts shipped by the "kamailio" package (reference doc section 5). */
    static final Path DBTEXT_SCHEMA = Path.of("/usr/share/kamailio/dbtext/kamailio");
    /** Tables of presence, presence_xml and msilo; "version" is checked by every DB user. */
    static final List<String> DB_TABLES =
            List.of("version", "presentity", "active_watchers", "watchers", "xcap", "silo");

    private KamailioWorkDir() {
    }

    /** A new directory with {@code kamailio.cfg}, {@code run/} and {@code db/}. */
    static Path create(String name) throws IOException {
        Path dir = Files.createTempDirectory("kamailio-core-" + name + "-");
        Files.createDirectories(dir.resolve("run"));
        Path db = Files.createDirectories(dir.resolve("db"));
        for (String table : DB_TABLES) {
            List<String> lines = Files.readAllLines(DBTEXT_SCHEMA.resolve(table), StandardCharsets.UTF_8);
            if (!"version".equals(table)) {
                lines.set(0, relaxNullability(lines.get(0)));
            }
            Files.write(db.resolve(table), lines, StandardCharsets.UTF_8);
        }
        try (InputStream cfg = KamailioWorkDir.class.getResourceAsStream("/kamailio/kamailio.cfg")) {
            Objects.requireNonNull(cfg, "kamailio/kamailio.cfg not on the class path (gateway/src/main/resources)");
            Files.copy(cfg, dir.resolve("kamailio.cfg"), StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    /**
     * Makes every column but the auto-increment id nullable. db_text applies no SQL defaults, so a column a module
     * leaves out of its INSERT fails with "null value not allowed" (reference doc section 9 item 3: silo.callid and
     * active_watchers.flags).
     */
    static String relaxNullability(String header) {
        return header.replaceAll("\\((int|string|str|double|datetime|blob)\\)", "($1,null)");
    }

    /** Deletes {@code dir} and everything in it. */
    static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
