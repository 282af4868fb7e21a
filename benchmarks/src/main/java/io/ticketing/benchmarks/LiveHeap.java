package io.ticketing.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The live objects in a local JVM's heap, from {@code jcmd <pid> GC.class_histogram}: it collects the whole heap
 * first (a full collection, a pause of the process) and then counts what is left, so it measures what the process
 * keeps, not the garbage it has yet to collect. For a Tomcat server, also the requests' processors it keeps (each with
 * its request's and answer's buffers: in use, or kept for the next request) and its connections (each with its socket
 * buffers).
 *
 * @param bytes the live objects' bytes, less the JVM's fillers of dead space ({@link #FILLER})
 * @param processors Tomcat's HTTP/1.1 processors
 * @param connections Tomcat's NIO connections
 */
record LiveHeap(long bytes, long processors, long connections) {

    private static final long JCMD_TIMEOUT_SECONDS = 60;
    /**
     * The class of the fillers a collection formats dead space with: the rest of each thread's allocation buffer, and
     * the dead objects a full collection leaves where it does not compact. They came to up to 9 MB of waiting-service's
     * 47 to 189 in the small arenas of issue 19.
     */
    static final String FILLER = "[Ljdk.internal.vm.FillerElement;";
    private static final String PROCESSOR = "org.apache.coyote.http11.Http11Processor";
    private static final String CONNECTION = "org.apache.tomcat.util.net.NioEndpoint$NioSocketWrapper";

    /** The live heap of the JVM listening on {@code port} on this machine; empty when it cannot be found or asked. */
    static Optional<LiveHeap> listening(int port) throws InterruptedException {
        OptionalLong pid = new LocalProcesses().listening(port);
        return pid.isEmpty() ? Optional.empty() : of(pid.getAsLong());
    }

    static Optional<LiveHeap> of(long pid) throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Path output = null;
        try {
            output = Files.createTempFile("live-heap", ".txt");
            Process histogram = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!histogram.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                histogram.destroyForcibly();
                return Optional.empty();
            }
            return histogram.exitValue() == 0 ? read(Files.readAllLines(output)) : Optional.empty();
        }
        catch (IOException ex) {
            return Optional.empty();
        }
        finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /**
     * The histogram's lines ({@code <n>: <instances> <bytes> <class> [(module)]}, then {@code Total <instances>
     * <bytes>}); empty without the total.
     */
    static Optional<LiveHeap> read(List<String> histogram) {
        long fillers = 0;
        long processors = 0;
        long connections = 0;
        for (String line : histogram) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 3 && fields[0].equals("Total")) {
                return Optional.of(new LiveHeap(Long.parseLong(fields[2]) - fillers, processors, connections));
            }
            if (fields.length < 4) {
                continue;
            }
            switch (fields[3]) {
                case FILLER -> fillers += Long.parseLong(fields[2]);
                case PROCESSOR -> processors = Long.parseLong(fields[1]);
                case CONNECTION -> connections = Long.parseLong(fields[1]);
                default -> {
                    // counted in the total
                }
            }
        }
        return Optional.empty();
    }

    /** Megabytes, processors and connections, for the printout. */
    String describe() {
        return String.format(Locale.ROOT, "%.1f MB (%,d requests' processors, %,d connections)",
                bytes / 1024.0 / 1024, processors, connections);
    }
}
