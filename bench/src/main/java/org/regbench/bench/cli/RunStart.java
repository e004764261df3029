package org.regbench.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.regbench.bench.run.JmhLock;
import org.regbench.bench.run.TempLitter;
import org.regbench.results.files.OutputClaim;

/**
 * The first things a command that measures does once its input is valid, in this order: claim its output (a
 * second run on the same output is refused at once), then take JMH's lock (waited for, or refused, before anything is
 * measured). Each step removes what interrupted runs left behind and says so in one line.
 */
final class RunStart {

    private RunStart() {
    }

    /** The user's {@code --out}, or the default name in {@code folder}. */
    static OutputClaim claim(Path out, Path folder, String defaultName, PrintWriter console) {
        OutputClaim claim = out != null ? OutputClaim.of(out) : OutputClaim.defaultIn(folder, defaultName);
        claim.note().ifPresent(console::println);
        console.flush();
        return claim;
    }

    static void holdJmhLock(int waitSeconds, PrintWriter console) {
        JmhLock.acquire(waitSeconds, console);
        List<String> litter = TempLitter.clean();
        if (!litter.isEmpty()) {
            console.println("removed what interrupted runs left in " + System.getProperty("java.io.tmpdir") + ": "
                    + String.join(", ", litter));
        }
        console.flush();
    }
}
