package org.regbench.bench.run;

import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.regbench.zoo.TextForms;

/** DL4J's workspace modes worth timing: ENABLED (DL4J's default, reuses memory) and NONE (allocates per op). */
public enum Workspace {
    ENABLED(WorkspaceMode.ENABLED),
    NONE(WorkspaceMode.NONE);

    private final WorkspaceMode dl4j;

    Workspace(WorkspaceMode dl4j) {
        this.dl4j = dl4j;
    }

    public WorkspaceMode dl4j() {
        return dl4j;
    }

    public static Workspace parse(String text) {
        return TextForms.parse(Workspace.class, text, Workspace::name, "workspace mode");
    }
}
