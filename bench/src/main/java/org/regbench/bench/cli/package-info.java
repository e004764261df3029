/**
 * The command line: {@code mvn -pl bench exec:java -Dexec.args="..."}. Bad input exits with code 2 and one line.
 */
package org.regbench.bench.cli;
