package org.regbench.results.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoversTest {

    @TempDir
    Path dir;

    @Test
    void removesWhatDeadRunsLeft() throws IOException {
        // a run killed while writing a.csv: its temporary file and its lock file, nobody holding it
        Files.writeString(dir.resolve("a.csv"), "rows");
        Files.writeString(dir.resolve(".a.csv8123456789.tmp"), "half");
        Files.writeString(dir.resolve(".a.csv.lock"), "regbench writer lock\npid=999999\n");
        Files.writeString(dir.resolve(".rate-curve.tmp.png"), "half");
        // someone else's lock file: not regbench's format
        Files.writeString(dir.resolve(".tool.lock"), "other tool");
        try (WriterLock mine = WriterLock.onFile(dir.resolve("b.csv"))) {
            // this run is about to write b.csv: a temporary file of it is an earlier run's
            Files.writeString(dir.resolve(".b.csv4242.tmp"), "from a killed run");
            assertEquals(List.of(".a.csv.lock", ".a.csv8123456789.tmp", ".b.csv4242.tmp", ".rate-curve.tmp.png"),
                    Leftovers.clean(dir));
            assertEquals(List.of(".b.csv.lock", ".tool.lock", "a.csv"), names());
        }
    }

    @Test
    void whileAnotherRunWritesInTheFolderOnlyOurOwnLeftoversGo() throws Exception {
        Process other = HoldLock.start(dir.resolve("b.csv"));
        try (WriterLock mine = WriterLock.onFile(dir.resolve("a.csv"))) {
            Files.writeString(dir.resolve(".a.csv11.tmp"), "ours, from a killed run");
            Files.writeString(dir.resolve(".b.csv22.tmp"), "the other run's, being written");
            Files.writeString(dir.resolve(".summary.csv33.tmp"), "maybe the other run's companion");
            assertEquals(List.of(".a.csv11.tmp"), Leftovers.clean(dir));
            assertEquals(List.of(".a.csv.lock", ".b.csv.lock", ".b.csv22.tmp", ".summary.csv33.tmp"), names());

            other.destroyForcibly().waitFor();
            assertEquals(List.of(".b.csv.lock", ".b.csv22.tmp", ".summary.csv33.tmp"), Leftovers.clean(dir));
            assertEquals(List.of(".a.csv.lock"), names());
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aFolderThatDoesNotExistHasNothingToClean() {
        assertEquals(List.of(), Leftovers.clean(dir.resolve("absent")));
    }

    @Test
    void temporaryNamesMapToTheirOutputs() {
        assertEquals("run.csv", Leftovers.targetOf(".run.csv123.tmp"));
        assertEquals("run2.csv", Leftovers.targetOf(".run2.csv77.tmp"));
        assertEquals("mc-dropout.svg", Leftovers.targetOf(".mc-dropout.tmp.svg"));
        assertEquals(null, Leftovers.targetOf("run.csv"));
        assertEquals(null, Leftovers.targetOf(".hidden"));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
