package caselink.neo4j;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.pagecache.PageCache;
import org.neo4j.io.pagecache.PagedFile;
import org.neo4j.io.pagecache.context.CursorContext;
import org.neo4j.kernel.impl.api.KernelTransactions;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Warms a freshly started database in the background, so that the first searches, expands and
 * paths cost what later ones do (Neo4j Community has no warm-up of its own; Enterprise's replays
 * a page-cache profile).
 *
 * <p>First it asks the workspace's own questions ({@link QuestionWarmup}): most of a cold
 * question's cost is Neo4j planning its statements and Java compiling the code they run, not the
 * disk. Then it fills the page cache, so that later questions do not each wait for their pages to
 * come from disk one by one.
 *
 * <p>What the workspace reads first goes first: the range and token indexes, the Lucene
 * full-text and text indexes (read outside the page cache, into the operating system's), the
 * node, relationship and relationship-group stores, then properties and strings. Each file is read
 * in chunks of {@link #CHUNK_PAGES} pages with {@link PagedFile#touch}, which loads pages that are
 * not yet cached and leaves cached ones alone.
 *
 * <p>Bounded and in the background: it stops before the page cache runs out of free pages (so
 * that it never evicts what queries have brought in), waits before each question and each chunk
 * while any transaction runs on the database (its own question has ended by then, so any is a
 * user's), and runs on one daemon thread (its questions on a Bolt worker, as a user's). It
 * reports progress in the launcher log and in a JSON file that {@code caselink db status} reads.
 */
final class CacheWarmup implements Runnable {
    /** 1 MiB of 8 KiB pages: small enough to give way to a query within a millisecond or two. */
    static final int CHUNK_PAGES = 128;

    /**
     * How long to wait for running transactions to end before reading one chunk regardless: a
     * user's query goes first, and back-to-back queries still leave the warm-up its 50 MB/s.
     */
    private static final long MAX_YIELD_NANOS = 20_000_000L;

    /**
     * A question waits until no transaction has run for this long: a user's own questions warm
     * Neo4j as well as the warm-up's would, which would only compete with them for the cores.
     */
    private static final long QUIET_NANOS = 50_000_000L;

    /** How long a question waits for quiet at most: a long import does not hold the warm-up back. */
    private static final long MAX_QUIET_WAIT_NANOS = 1_000_000_000L;

    private static final long REPORT_EVERY_NANOS = 1_000_000_000L;

    private final GraphDatabaseService database;
    private final Path statusFile;
    /** False for {@code --warmup-priority normal}: the warm-up then competes with other programs. */
    private final boolean lowPriority;
    private volatile boolean stopping;
    private Thread thread;

    /** The workspace's questions, asked before the page cache is read; null: none. */
    private final QuestionWarmup questions;

    CacheWarmup(GraphDatabaseService database, Path statusFile, boolean lowPriority, QuestionWarmup questions) {
        this.database = database;
        this.statusFile = statusFile;
        this.lowPriority = lowPriority;
        this.questions = questions;
    }

    /**
     * Asks the workspace's questions ({@link QuestionWarmup}), saying how many in the status file
     * as it goes; when they fail, that is said and the page cache is still read.
     */
    private void askQuestions(KernelTransactions transactions, Map<String, Object> status) throws IOException {
        long t0 = System.nanoTime();
        status.put("state", "warming");
        status.put("phase", "questions");
        status.put("questions", 0);
        write(statusFile, status);
        say("warming up: asking the workspace's questions (search, expand, paths) through Bolt");
        long[] lastReport = {t0};
        try {
            QuestionWarmup.Outcome outcome = questions.run(() -> stopping, () -> awaitQuiet(transactions), (asked, planned) -> {
                status.put("questions", asked);
                status.put("questionsPlanned", planned);
                long now = System.nanoTime();
                if (now - lastReport[0] >= REPORT_EVERY_NANOS) {
                    lastReport[0] = now;
                    write(statusFile, status);
                }
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            status.put("questions", outcome.asked());
            status.put("questionsFailed", outcome.failed());
            status.put("questionSeconds", seconds);
            status.put("statements", String.join(",", outcome.runs().keySet()));
            if (outcome.firstError() != null) status.put("questionError", outcome.firstError());
            say(String.format(
                    Locale.ROOT,
                    "warm-up: %d questions asked in %.1f s (%d failed), %d statements: %s",
                    outcome.asked(),
                    seconds,
                    outcome.failed(),
                    outcome.runs().size(),
                    outcome.runs().entrySet().stream()
                            .map(e -> e.getKey() + " x" + e.getValue())
                            .collect(Collectors.joining(", "))));
            if (outcome.firstError() != null) say("warm-up: the first question that failed: " + outcome.firstError());
        } catch (RuntimeException e) {
            // Bolt refused (a wrong password file, say): the page cache still helps.
            status.put("questionError", String.valueOf(e));
            say("warm-up questions failed (queries are not affected, only slower at first): " + e);
        }
    }

    /** Starts the warm-up on a low-priority daemon thread. */
    void start() {
        thread = new Thread(this, "caselink-cache-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Stops the warm-up (before the database shuts down) and waits for it briefly. */
    void stop() {
        stopping = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes the status for a launcher started with the warm-up turned off. */
    static void writeOff(Path statusFile) throws IOException {
        Map<String, Object> status = new HashMap<>();
        status.put("state", "off");
        write(statusFile, status);
    }

    /** One file to read: through the page cache when it is mapped there, else into the OS cache. */
    private record Target(Path path, long bytes, int rank, PagedFile paged) {}

    @Override
    public void run() {
        if (lowPriority) lowerPriority();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
        long t0 = System.nanoTime();
        Map<String, Object> status = new HashMap<>();
        status.put("startedAt", Instant.now().toString());
        try {
            GraphDatabaseAPI api = (GraphDatabaseAPI) database;
            PageCache pageCache = api.getDependencyResolver().resolveDependency(PageCache.class);
            KernelTransactions transactions =
                    api.getDependencyResolver().resolveDependency(KernelTransactions.class);
            if (questions != null && !stopping) askQuestions(transactions, status);
            Path dir = api.databaseLayout().databaseDirectory().toAbsolutePath().normalize();
            List<Target> targets = targets(pageCache, dir);

            long pageSize = pageCache.pageSize();
            // Leave some free pages, so that the first queries and writes never wait for eviction.
            long reserve = Math.max(CHUNK_PAGES * 2L, pageCache.maxCachedPages() / 50);
            long capacity = Math.max(0, pageCache.freePages() - reserve) * pageSize;
            long cachedBytes = 0;
            long osBytes = 0;
            for (Target t : targets) {
                if (t.paged != null) cachedBytes += t.bytes;
                else osBytes += t.bytes;
            }
            long planned = Math.min(cachedBytes, capacity) + osBytes;
            status.put("state", "warming");
            status.put("phase", "pages");
            status.put("totalBytes", planned);
            status.put("storeBytes", cachedBytes + osBytes);
            status.put("pageCacheBytes", pageCache.maxCachedPages() * pageSize);
            status.put("bytes", 0L);
            status.put("percent", 0);
            write(statusFile, status);
            say(String.format(
                    Locale.ROOT,
                    "warming the page cache: %s of store and indexes in %d files, page cache %s",
                    size(cachedBytes + osBytes),
                    targets.size(),
                    size(pageCache.maxCachedPages() * pageSize)));

            Progress progress = new Progress(status, planned);
            String outcome = "done";
            ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK_PAGES * 8192);
            files:
            for (Target t : targets) {
                if (t.paged == null) {
                    try (FileChannel channel = FileChannel.open(t.path, StandardOpenOption.READ)) {
                        long position = 0;
                        while (!stopping) {
                            giveWay(transactions);
                            buffer.clear();
                            int read = channel.read(buffer, position);
                            if (read <= 0) break;
                            position += read;
                            progress.add(read);
                        }
                    } catch (IOException e) {
                        // A Lucene segment merged away since the listing: nothing to warm.
                    }
                } else {
                    long lastPage = t.paged.getLastPageId();
                    for (long page = 0; page <= lastPage && !stopping; page += CHUNK_PAGES) {
                        if (pageCache.freePages() < reserve + CHUNK_PAGES) {
                            outcome = "full";
                            break files;
                        }
                        giveWay(transactions);
                        int count = (int) Math.min(CHUNK_PAGES, lastPage - page + 1);
                        t.paged.touch(page, count, CursorContext.NULL_CONTEXT);
                        progress.add(count * pageSize);
                    }
                }
                if (stopping) {
                    outcome = "stopped";
                    break;
                }
            }
            long done = progress.done;
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = cpu0 < 0 ? -1 : (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            status.put("state", outcome);
            status.put("bytes", done);
            status.put("percent", outcome.equals("done") ? 100 : (int) Math.min(100, planned == 0 ? 100 : done * 100 / planned));
            status.put("finishedAt", Instant.now().toString());
            status.put("seconds", seconds);
            status.put("cpuSeconds", cpuSeconds);
            // The log first: whoever waits on the status file (db status, the tests) finds the
            // line there once the status says the warm-up has ended.
            say(String.format(
                    Locale.ROOT,
                    "%s: %s read in %.1f s (%.1f s of CPU)",
                    switch (outcome) {
                        case "full" -> "page cache full, warm-up stopped";
                        case "stopped" -> "warm-up stopped with the database";
                        default -> "page cache warm";
                    },
                    size(done),
                    seconds,
                    cpuSeconds));
            write(statusFile, status);
        } catch (Throwable e) {
            if (stopping) return;
            status.put("state", "failed");
            status.put("message", String.valueOf(e));
            say("page cache warm-up failed (queries are not affected, only slower at first): " + e);
            try {
                write(statusFile, status);
            } catch (IOException ignored) {
                // The log line above says it.
            }
        }
    }

    /** Bytes read so far, written to the status file every second and to the log every tenth. */
    private final class Progress {
        private final Map<String, Object> status;
        private final long planned;
        private long done;
        private long lastReport = System.nanoTime();
        private int lastTenth;

        Progress(Map<String, Object> status, long planned) {
            this.status = status;
            this.planned = planned;
        }

        void add(long bytes) throws IOException {
            done += bytes;
            int percent = planned == 0 ? 100 : (int) Math.min(100, done * 100 / planned);
            long now = System.nanoTime();
            if (now - lastReport >= REPORT_EVERY_NANOS) {
                lastReport = now;
                status.put("bytes", done);
                status.put("percent", percent);
                write(statusFile, status);
            }
            if (percent / 10 > lastTenth && percent < 100) {
                lastTenth = percent / 10;
                say(String.format(Locale.ROOT, "warming the page cache: %d %%", percent));
            }
        }
    }

    /**
     * Waits while transactions run, so that a user's query never shares the cores with the
     * warm-up; after {@link #MAX_YIELD_NANOS} one chunk goes ahead, so a long import does not keep
     * the cache cold for its whole length.
     */
    private void giveWay(KernelTransactions transactions) {
        long until = System.nanoTime() + MAX_YIELD_NANOS;
        while (!stopping && transactions.haveActiveTransaction() && System.nanoTime() < until) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                stopping = true;
                Thread.currentThread().interrupt();
            }
        }
    }

    /** When {@link #awaitQuiet} last saw a transaction running (the warm-up's own have ended by then). */
    private long lastBusy = System.nanoTime() - QUIET_NANOS;

    /**
     * Returns once no transaction has been seen running for {@link #QUIET_NANOS}, or after
     * {@link #MAX_QUIET_WAIT_NANOS}: the warm-up's questions are asked while the database is
     * otherwise idle, at once when it is.
     */
    private void awaitQuiet(KernelTransactions transactions) {
        long now = System.nanoTime();
        long giveUp = now + MAX_QUIET_WAIT_NANOS;
        while (!stopping && now < giveUp) {
            if (transactions.haveActiveTransaction()) lastBusy = now;
            else if (now - lastBusy >= QUIET_NANOS) return;
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                stopping = true;
                Thread.currentThread().interrupt();
            }
            now = System.nanoTime();
        }
    }

    /** The database's files in the order the workspace needs them. */
    private static List<Target> targets(PageCache pageCache, Path dir) throws IOException {
        Map<Path, PagedFile> mapped = new HashMap<>();
        for (PagedFile file : pageCache.listExistingMappings()) {
            mapped.put(file.path().toAbsolutePath().normalize(), file);
        }
        List<Target> targets = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                if (!Files.isRegularFile(path)) continue;
                Path key = path.toAbsolutePath().normalize();
                PagedFile paged = mapped.get(key);
                String rel = dir.relativize(key).toString().replace('\\', '/');
                boolean lucene = rel.startsWith("schema/index/fulltext-") || rel.startsWith("schema/index/text-");
                if (paged == null && !lucene) continue;
                if (lucene && (rel.endsWith("write.lock") || rel.contains("/failure-message"))) continue;
                targets.add(new Target(key, Files.size(key), rank(rel), paged));
            }
        }
        targets.sort(Comparator.comparingInt(Target::rank).thenComparingLong(Target::bytes));
        return targets;
    }

    /**
     * Gives this thread the lowest CPU priority (nice 19) on Linux, where Java's thread priorities
     * do nothing: the scheduler then runs it only on a core that queries leave idle. Elsewhere,
     * or if it fails, the pauses in {@link #giveWay} are all there is.
     */
    private static void lowerPriority() {
        try {
            Path self = Path.of("/proc/thread-self");
            if (!Files.exists(self)) return;
            String tid = Files.readSymbolicLink(self).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", "19", "-p", tid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            renice.waitFor();
        } catch (IOException e) {
            // No renice: the pauses still give way to queries.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lower first: indexes, then the graph's structure, then properties and strings. */
    private static int rank(String rel) {
        if (rel.startsWith("schema/")) return 0;
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        if (name.endsWith(".id")) return 3;
        if (name.startsWith("neostore.nodestore")
                || name.startsWith("neostore.relationshipstore")
                || name.startsWith("neostore.relationshipgroupstore")
                || name.contains("token")) {
            return 1;
        }
        return 2;
    }

    private static void say(String line) {
        System.out.println("caselink-neo4j " + line);
        System.out.flush();
    }

    private static String size(long bytes) {
        if (bytes >= 1L << 30) return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        return String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    }

    private static void write(Path file, Map<String, Object> status) throws IOException {
        StringBuilder json = new StringBuilder("{\"pid\":").append(ProcessHandle.current().pid());
        for (Map.Entry<String, Object> e : status.entrySet()) {
            json.append(",\"").append(e.getKey()).append("\":");
            Object v = e.getValue();
            if (v instanceof Number) {
                json.append(v);
            } else {
                json.append('"').append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"")
                        .replace("\n", " ")).append('"');
            }
        }
        json.append("}\n");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
