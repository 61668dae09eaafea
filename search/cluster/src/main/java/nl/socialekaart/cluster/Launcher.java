package nl.socialekaart.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single-node OpenSearch for development and CI, built only from Maven Central artefacts.
 *
 * <p>Listens on 127.0.0.1:$SEARCH_CLUSTER_PORT (default 9201), keeps its data in a new temporary
 * folder that is deleted on exit (or in $SEARCH_CLUSTER_DATA, which is kept), runs in the foreground and stops cleanly on SIGTERM or Ctrl-C.
 * The plugins are loaded from the classpath (as OpenSearch's own test framework does), so no
 * distribution, no plugin installer and no security manager are involved. Bootstrap checks only
 * run when a node starts through OpenSearch's own bootstrap, which this launcher does not use;
 * the node binds to the loopback address only.
 */
public final class Launcher {

    /** Plugins our index mappings need: HTTP/transport (netty4) and the Dutch analysis filters. */
    private static final List<Class<? extends Plugin>> PLUGINS =
        List.of(Netty4Plugin.class, CommonAnalysisPlugin.class);

    private Launcher() {}

    /** Node's constructor that takes classpath plugins is protected: a subclass opens it. */
    private static final class ClasspathNode extends Node {
        ClasspathNode(Settings settings, Path home) {
            super(
                InternalSettingsPreparer.prepareEnvironment(
                    settings, java.util.Map.of(), home.resolve("config"), () -> "sociale-kaart"),
                PLUGINS,
                true);
        }
    }

    public static void main(String[] args) throws Exception {
        String portText = System.getenv().getOrDefault("SEARCH_CLUSTER_PORT", "9201");
        int port = Integer.parseInt(portText.trim());
        String keep = System.getenv().getOrDefault("SEARCH_CLUSTER_DATA", "").trim();
        Path home = keep.isEmpty()
            ? Files.createTempDirectory("sociale-kaart-search-" + port + "-")
            : Files.createDirectories(Path.of(keep).toAbsolutePath());
        Files.createDirectories(home.resolve("config"));
        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "sociale-kaart-" + port)
            .put("node.name", "sociale-kaart-" + port)
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            // transport is unused by a single node; keep it off the ports other nodes may take
            .put("transport.port", (port + 100) + "-" + (port + 199))
            // a nearly full developer disk must not make indices read-only
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.destructive_requires_name", false)
            .build();

        long started = System.nanoTime();
        Node node = new ClasspathNode(settings, home);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException error) {
                System.err.println("search cluster: stopping failed: " + error);
            } finally {
                if (keep.isEmpty()) {
                    deleteTree(home);
                }
                System.out.println("search cluster: stopped" + (keep.isEmpty() ? ", data removed" : ""));
                stopped.countDown();
            }
        }, "search-cluster-stop"));
        node.start();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
            "search cluster: OpenSearch %s listening on http://127.0.0.1:%d (started in %d ms, data in %s)%n",
            org.opensearch.Version.CURRENT, port, millis, home);
        stopped.await();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException error) {
            System.err.println("search cluster: could not remove " + root + ": " + error);
        }
    }
}
