package caselink.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;

/**
 * Asks a freshly started database the workspace's own questions before a user does, as the app
 * asks them: through Bolt, each statement's text read from cypher/ as the app sends it, with
 * parameters of the types the app sends, in read transactions. A cold Neo4j spends seconds on
 * the first run of each statement (planning it; a plan is cached by the text and the parameters'
 * types) and several times the warm cost on the next hundred (Java compiling Cypher's runtime,
 * Lucene's fuzzy and prefix queries, Bolt): afterwards a user's first questions find both done.
 *
 * <p>The questions come from {@code system/warmup-questions}: per sampled person, a name search
 * (whole and one word), a phone search, an expand of one and two hops and a path search, each
 * statement by its name. Only statements whose file says {@code // mode: read} are run, and in
 * read transactions, which Neo4j refuses to write in: the warm-up never changes the graph.
 */
final class QuestionWarmup {
    /**
     * Persons asked about, 25 statements each. At a million records 40 (1,000 statements, 46 s at
     * load 7) took a fresh Neo4j's CPU per search from 169 to 57 ms (a warm one's is 18); 80
     * (68 s) left it at 65.
     */
    static final long PERSONS = 40;

    private static final String USER = "neo4j";

    /** What was asked: how many statements ran, how many failed, and the runs of each statement. */
    record Outcome(int asked, int failed, Map<String, Integer> runs, String firstError) {}

    /** Progress after each statement: asked so far of the planned. */
    interface Progress {
        void update(int asked, int planned) throws IOException;
    }

    private final int port;
    private final String password;
    private final Path cypherDir;

    QuestionWarmup(int port, String password, Path cypherDir) {
        this.port = port;
        this.password = password;
        this.cypherDir = cypherDir;
    }

    /** Asks the questions one statement at a time, calling {@code giveWay} before each. */
    Outcome run(BooleanSupplier stopping, Runnable giveWay, Progress progress) throws IOException {
        Config config = Config.builder()
                .withoutEncryption()
                .withLogging(Logging.none())
                .withMaxConnectionPoolSize(1)
                .build();
        Map<String, Integer> runs = new TreeMap<>();
        int asked = 0;
        int failed = 0;
        String firstError = null;
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.basic(USER, password), config);
                Session session = driver.session(SessionConfig.builder()
                        .withDatabase("neo4j")
                        .withDefaultAccessMode(AccessMode.READ)
                        .build())) {
            String sample = readStatement("system/warmup-questions");
            List<Record> questions = session.executeRead(tx -> tx.run(sample, Map.of("persons", PERSONS)).list());
            Map<String, String> texts = new TreeMap<>();
            for (Record question : questions) {
                if (stopping.getAsBoolean()) break;
                String name = question.get("statement").asString();
                Map<String, Object> params = question.get("params").asMap();
                giveWay.run();
                try {
                    String text = texts.get(name);
                    if (text == null) {
                        text = readStatement(name);
                        texts.put(name, text);
                    }
                    String run = text;
                    TransactionConfig tag = TransactionConfig.builder()
                            .withMetadata(Map.of("app", "caselink-warmup", "query", name))
                            .build();
                    // Every row streamed, as the app reads them: Bolt's encoding is warmed too.
                    session.executeRead(tx -> tx.run(run, params).list(), tag);
                    runs.merge(name, 1, Integer::sum);
                } catch (RuntimeException e) {
                    failed++;
                    if (firstError == null) firstError = name + ": " + e.getMessage();
                }
                asked++;
                progress.update(asked, questions.size());
            }
        }
        return new Outcome(asked, failed, runs, firstError);
    }

    /** A statement's text as the app sends it, refused unless its header says it only reads. */
    private String readStatement(String name) throws IOException {
        if (!name.matches("[a-z]+/[a-z0-9-]+")) throw new IllegalArgumentException("not a statement name: " + name);
        String source = Files.readString(cypherDir.resolve(name + ".cypher"), StandardCharsets.UTF_8);
        if (!source.lines().anyMatch(line -> line.strip().matches("//\\s*mode:\\s*read\\b.*"))) {
            throw new IllegalArgumentException("cypher/" + name + ".cypher is not a read statement");
        }
        return Launcher.statement(cypherDir, name);
    }
}
