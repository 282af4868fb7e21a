package io.ticketing.benchmarks;

import java.util.List;

/**
 * What {@code /proc/<pid>/stat} says about a process's CPU, in clock ticks ({@code getconf CLK_TCK} per second): the
 * time its threads ran in user and in kernel mode, living and ended alike, and the same for its children that it has
 * waited for ({@code cutime}, {@code cstime}), which are counted there and nowhere else once reaped.
 *
 * @param parent the parent's pid ({@code ppid})
 */
public record ProcessStat(long pid, long parent, long userTicks, long systemTicks, long reapedChildrenUserTicks,
        long reapedChildrenSystemTicks) {

    /** Positions in the fields after the command name: field 3 of proc(5), the state, is 0. */
    private static final int PARENT = 1;
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int CUTIME = 13;
    private static final int CSTIME = 14;

    /** @param fields the fields after the command name ({@link LocalProcesses#statFields(String)}) */
    static ProcessStat of(long pid, List<String> fields) {
        if (fields.size() <= CSTIME) {
            throw new IllegalArgumentException("/proc/" + pid + "/stat has " + fields.size()
                    + " fields after the command name, not the " + (CSTIME + 1) + " or more Linux writes");
        }
        return new ProcessStat(pid, Long.parseLong(fields.get(PARENT)), Long.parseLong(fields.get(UTIME)),
                Long.parseLong(fields.get(STIME)), Long.parseLong(fields.get(CUTIME)), Long.parseLong(fields.get(CSTIME)));
    }

    /** Its own threads' time, user and kernel. */
    public long ownTicks() {
        return userTicks + systemTicks;
    }

    /** Its own threads' time and that of every child it has reaped (and of theirs, as they reaped them). */
    public long ticksWithReapedChildren() {
        return ownTicks() + reapedChildrenUserTicks + reapedChildrenSystemTicks;
    }
}
