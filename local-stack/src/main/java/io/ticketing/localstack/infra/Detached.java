package io.ticketing.localstack.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs child processes in their own session. Ctrl-C in a terminal signals the whole foreground process
 * group; without this, Redis and the services would receive SIGINT at the same moment as the launcher and
 * shut down in random order instead of services first, infrastructure last.
 */
public final class Detached {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private Detached() {
    }

    /** The command prefixed with {@code setsid} (which execs, so the pid stays the same) where available. */
    public static List<String> command(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> detached = new ArrayList<>(command.size() + 1);
        detached.add(SETSID.toString());
        detached.addAll(command);
        return detached;
    }
}
