package caselink.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community through its embedded API with the Bolt connector on a loopback port, for
 * Caselink's local default database.
 *
 * <p>Arguments: {@code --home DIR --password-file FILE --state-file FILE --cypher-dir DIR
 * [--import-dir DIR] [--pagecache SIZE] [--port N] [--warmup-file FILE] [--no-warmup]
 * [--warmup-priority low|normal] [--exit-on-stdin-close]}. The import folder (default {@code HOME/import}) is the only place
 * {@code LOAD CSV} may read {@code file:} URLs from.
 *
 * <p>Hardened for a laptop holding investigation data: Bolt only, on loopback; no HTTP or HTTPS
 * connector; no usage report to Neo4j; {@code LOAD CSV} reads {@code file:} URLs only inside the
 * import folder; no lockout after wrong passwords (see {@link #AUTH_LOCKOUT_DISABLED}).
 *
 * <p>The password file is written by Caselink (owner-only) before the launcher starts. On the
 * first start the default user's password is replaced by it. When Bolt accepts connections the
 * launcher writes the state file (JSON: pid, port, version) by atomic rename; Caselink waits for
 * it. SIGTERM (or end of stdin with {@code --exit-on-stdin-close}) shuts the database down
 * cleanly and removes the state file.
 *
 * <p>Once ready, the database is warmed in the background ({@link CacheWarmup}: the workspace's
 * questions, then the page cache), its progress written to the warm-up file (default
 * {@code HOME/warmup.json}); {@code --no-warmup} leaves both to the first questions.
 */
public final class Launcher {
    private static final String SYSTEM_DATABASE = "system";

    /**
     * Neo4j locks a user out for 5 s after 3 wrong passwords. Here that guards nothing: the
     * password is 192 random bits, so guessing it online fails at any rate. It would only let any
     * local process, or any web page (Bolt also answers WebSocket, from any origin, with no setting
     * to turn that off), lock Caselink out of its own database by sending wrong passwords.
     */
    private static final int AUTH_LOCKOUT_DISABLED = 0;

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Path home = Path.of(required(options, "home")).toAbsolutePath();
        Path passwordFile = Path.of(required(options, "password-file"));
        Path stateFile = Path.of(required(options, "state-file"));
        Path cypherDir = Path.of(required(options, "cypher-dir"));
        Path importDir = options.containsKey("import-dir")
                ? Path.of(options.get("import-dir")).toAbsolutePath()
                : home.resolve("import");
        int port = Integer.parseInt(options.getOrDefault("port", "0"));
        long pageCache = ByteUnit.parse(options.getOrDefault("pagecache", "512m"));

        String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        if (password.length() < 8) {
            fail("the password file " + passwordFile + " holds fewer than 8 characters");
        }
        Path warmupFile = Path.of(options.getOrDefault("warmup-file", home.resolve("warmup.json").toString()));
        Files.deleteIfExists(stateFile);
        Files.deleteIfExists(warmupFile);
        Files.createDirectories(importDir);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Without a root, LOAD CSV resolves file:///etc/passwd against the file system's.
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
                .setConfig(GraphDatabaseSettings.allow_file_urls, true)
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, AUTH_LOCKOUT_DISABLED)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        CacheWarmup[] warmup = new CacheWarmup[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (warmup[0] != null) {
                warmup[0].stop();
            }
            try {
                Files.deleteIfExists(stateFile);
                Files.deleteIfExists(warmupFile);
            } catch (IOException ignored) {
                // The state file is advisory; Caselink also checks that the pid is alive.
            }
            dbms.shutdown();
            stopped.countDown();
        }, "caselink-neo4j-shutdown"));

        GraphDatabaseService system = dbms.database(SYSTEM_DATABASE);
        setInitialPassword(system, cypherDir, password);

        HostnamePort bolt = ((GraphDatabaseAPI) system)
                .getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        if (bolt == null) {
            fail("the Bolt connector did not register a local address");
        }
        writeState(stateFile, bolt.getPort());
        System.out.println("caselink-neo4j ready bolt://127.0.0.1:" + bolt.getPort());
        System.out.flush();
        // After readiness, so that it never delays the first connection.
        if (options.containsKey("no-warmup")) {
            CacheWarmup.writeOff(warmupFile);
        } else {
            warmup[0] = new CacheWarmup(
                    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME),
                    warmupFile,
                    !"normal".equals(options.get("warmup-priority")),
                    new QuestionWarmup(bolt.getPort(), password, cypherDir));
            warmup[0].start();
        }

        if (options.containsKey("exit-on-stdin-close")) {
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    while (in.read() != -1) {
                        // Caselink never writes here; EOF means the parent process has gone.
                    }
                } catch (IOException ignored) {
                    // Treat a broken pipe as the parent having gone.
                }
                System.exit(0);
            }, "caselink-neo4j-parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
    }

    /** Replaces the default user's password, only while Neo4j still asks for it to be changed. */
    private static void setInitialPassword(GraphDatabaseService system, Path cypherDir, String password)
            throws IOException {
        String mustChange = statement(cypherDir, "system/default-user-password-change-required");
        String setPassword = statement(cypherDir, "system/set-default-user-password");
        boolean required = system.executeTransactionally(mustChange, Map.of(), result -> {
            if (!result.hasNext()) {
                return false;
            }
            return Boolean.TRUE.equals(result.next().get("passwordChangeRequired"));
        });
        if (required) {
            system.executeTransactionally(setPassword, Map.of("password", password));
        }
    }

    static String statement(Path cypherDir, String name) throws IOException {
        String text = Files.readString(cypherDir.resolve(name + ".cypher"), StandardCharsets.UTF_8);
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.strip().startsWith("//")) {
                body.append(line).append('\n');
            }
        }
        return body.toString().strip();
    }

    private static void writeState(Path stateFile, int port) throws IOException {
        String json = String.format(
                "{\"pid\":%d,\"port\":%d,\"version\":\"%s\",\"startedAt\":\"%s\"}%n",
                ProcessHandle.current().pid(),
                port,
                org.neo4j.kernel.internal.Version.getNeo4jVersion(),
                Instant.now());
        Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                fail("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (key.equals("exit-on-stdin-close") || key.equals("no-warmup")) {
                options.put(key, "true");
            } else if (i + 1 < args.length) {
                options.put(key, args[++i]);
            } else {
                fail("--" + key + " needs a value");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            fail("--" + key + " is required");
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println("caselink-neo4j: " + message);
        System.exit(2);
    }
}
