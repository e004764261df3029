package org.regbench.bench.run;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.regbench.zoo.TextForms;

/** The activation layout of convolution layers; models without convolutions always run NCHW (it means nothing). */
public enum CnnFormat {
    NCHW(CNN2DFormat.NCHW),
    NHWC(CNN2DFormat.NHWC);

    private final CNN2DFormat dl4j;

    CnnFormat(CNN2DFormat dl4j) {
        this.dl4j = dl4j;
    }

    public CNN2DFormat dl4j() {
        return dl4j;
    }

    public static CnnFormat parse(String text) {
        return TextForms.parse(CnnFormat.class, text, CnnFormat::name, "CNN format");
    }
}
