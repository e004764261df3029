package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** opcost and selfcheck reject bad input with exit code 2 and one line naming the value, writing nothing. */
class OpCostInputTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "opcost --models resnet | 'resnet'",
            "opcost --dropout magic | 'magic'",
            "opcost --dropout none | dropout type none has no op to time",
            "opcost --rates 0 | dropout rate 0 builds no dropout object",
            "opcost --rates 1.0 | rate 1 is outside [0, 1)",
            "opcost --batch 0 | batch size must be at least 1, got 0",
            "opcost --threads -1 | --threads must be 0 (ND4J's default) or positive, got -1",
            "opcost --forks 0 | --forks must be at least 1, got 0",
            "opcost --copy-mib 0 | --copy-mib must be at least 1, got 0",
            "opcost --preset huge | 'huge'",
            "opcost --models mlp --dropout spatial | nothing to time: spatial on mlp",
            "selfcheck --variants mlp/standard@1.5 | 'mlp/standard@1.5'",
            "selfcheck --variants resnet/none | 'resnet/none'",
            "selfcheck --batch 0 | batch size must be at least 1, got 0",
            "selfcheck --batch many | many",
            "selfcheck --threads -2 | --threads must be 0 (ND4J's default) or positive, got -2",
            "selfcheck --forks 0 | --forks must be at least 1, got 0",
            "selfcheck --preset huge | 'huge'"})
    void badValuesExitTwoWithOneLineAndWriteNothing(String command, String expected) {
        Path out = dir.resolve("out.csv");
        List<String> args = new ArrayList<>(Arrays.asList(command.trim().split(" ")));
        args.addAll(List.of("--out", out.toString()));
        BenchInputTest.Result r = BenchInputTest.run(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(expected.trim()), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));
    }
}
