/**
 * A user's own model as a {@link org.regbench.zoo.Model}: DL4J {@code ModelSerializer} zips and Keras HDF5 files
 * (through DL4J's Keras import, with its dropout mistakes corrected), their dropout sites, and the registry that
 * lets forked JVMs load the same files.
 */
package org.regbench.zoo.file;
