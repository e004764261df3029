#!/usr/bin/env python3
"""Writes the Keras fixtures of examples/models/ (mlp-dropout.h5, cnn-dropout.h5, branch-dropout.h5,
unsupported-layer.h5) without Keras.

Keras is not installable from the registries this project is built with, so this script writes the Keras 2 HDF5
layout that Keras 2.2.4's `model.save()` produces and DL4J 1.0.0-M2.1's `KerasModelImport` reads, with h5py only.
Where each field comes from:

- root attribute `model_config`: the JSON of `{"class_name": ..., "config": ...}` that Keras'
  `saving.save_model` writes (`model.get_config()` wrapped with the class name). Layer configs use Keras 2.2.4's
  key names: `units`, `rate`, `filters`, `kernel_size`, `strides`, `padding`, `data_format`, `pool_size`,
  `batch_input_shape`, initializers as `VarianceScaling` / `Zeros`. DL4J reads the Keras major version from a
  `keras_version` key *inside* this JSON (`KerasModelUtils.determineKerasMajorVersion`) and falls back to Keras 1
  without it, so `keras_version` and `backend` are written into the JSON too, as `model.to_json()` does.
- functional models (`branch-dropout.h5`): `class_name` "Model" (Keras 2.2.4's name; later versions write
  "Functional"), and the config holds `input_layers` and `output_layers` (`[[name, node index, tensor index]]`) beside
  `layers`, each layer with its `name` at the top level and `inbound_nodes` (`[[[name, node, tensor, kwargs], ...]]`,
  one list per call of the layer), as `Network.get_config()` writes them. The input is an `InputLayer` with
  `batch_input_shape`. DL4J's `KerasModel` reads exactly these fields to build its `ComputationGraph`; `Concatenate`
  becomes a `MergeVertex`.
- root attributes `keras_version` ("2.2.4") and `backend` ("tensorflow"): written by `save_model` beside it.
- root attribute `training_config`: what `save_model` writes for a compiled model (loss, optimizer config); DL4J
  turns the loss into its output layer.
- group `model_weights`: attributes `layer_names` (every layer, in order), `keras_version`, `backend`; one group per
  layer with attribute `weight_names` (`<layer>/kernel:0`, `<layer>/bias:0`; empty for layers without weights) and
  the arrays as datasets at `model_weights/<layer>/<layer>/kernel:0` (`saving.save_weights_to_hdf5_group`).
  Dense kernels are [in, out], Conv2D kernels [kh, kw, in, out] (TensorFlow's layout), biases [out].

Weights are drawn from a fixed seed, so every run writes the same arrays and attributes (HDF5 still records
creation times in some object headers, so the bytes differ). Run through scripts/make-model-fixtures.sh.
"""
import json
import sys

import h5py
import numpy as np

KERAS_VERSION = "2.2.4"
BACKEND = "tensorflow"


def initializer():
    return {"class_name": "VarianceScaling",
            "config": {"scale": 1.0, "mode": "fan_avg", "distribution": "uniform", "seed": None}}


def dense(name, units, activation, input_dim=None):
    config = {"name": name, "trainable": True, "units": units, "activation": activation, "use_bias": True,
              "kernel_initializer": initializer(), "bias_initializer": {"class_name": "Zeros", "config": {}},
              "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
              "kernel_constraint": None, "bias_constraint": None}
    if input_dim is not None:
        config["batch_input_shape"] = [None, input_dim]
        config["dtype"] = "float32"
    return {"class_name": "Dense", "config": config}


def noise(class_name, name, rate):
    config = {"name": name, "trainable": True, "rate": rate}
    if class_name == "Dropout":
        config.update({"noise_shape": None, "seed": None})
    if class_name == "SpatialDropout2D":
        config.update({"noise_shape": None, "seed": None})
    return {"class_name": class_name, "config": config}


def conv(name, filters, input_shape=None):
    config = {"name": name, "trainable": True, "filters": filters, "kernel_size": [3, 3], "strides": [1, 1],
              "padding": "valid", "data_format": "channels_last", "dilation_rate": [1, 1], "activation": "relu",
              "use_bias": True, "kernel_initializer": initializer(),
              "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": None,
              "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None,
              "bias_constraint": None}
    if input_shape is not None:
        config["batch_input_shape"] = [None] + input_shape
        config["dtype"] = "float32"
    return {"class_name": "Conv2D", "config": config}


def pool(name):
    return {"class_name": "MaxPooling2D", "config": {"name": name, "trainable": True, "pool_size": [2, 2],
                                                     "padding": "valid", "strides": [2, 2],
                                                     "data_format": "channels_last"}}


def flatten(name):
    return {"class_name": "Flatten", "config": {"name": name, "trainable": True, "data_format": "channels_last"}}


def write(path, model_name, layers, weights, class_name="Sequential", graph=None):
    """layers: Keras layer configs in order; weights: layer name -> [(weight name, array)]; graph: a functional
    model's input_layers and output_layers."""
    config = {"name": model_name, "layers": layers}
    config.update(graph or {})
    model_config = {"class_name": class_name, "config": config, "keras_version": KERAS_VERSION, "backend": BACKEND}
    training_config = {"optimizer_config": {"class_name": "Adam", "config": {
        "lr": 0.001, "beta_1": 0.9, "beta_2": 0.999, "decay": 0.0, "epsilon": 1e-07, "amsgrad": False}},
        "loss": "categorical_crossentropy", "metrics": ["accuracy"], "sample_weight_mode": None,
        "loss_weights": None}
    with h5py.File(path, "w", track_order=True) as f:
        f.attrs["keras_version"] = np.bytes_(KERAS_VERSION)
        f.attrs["backend"] = np.bytes_(BACKEND)
        f.attrs["model_config"] = np.bytes_(json.dumps(model_config))
        f.attrs["training_config"] = np.bytes_(json.dumps(training_config))
        g = group(f, "model_weights")
        names = [layer["config"]["name"] for layer in layers]
        g.attrs["layer_names"] = np.array([np.bytes_(n) for n in names])
        g.attrs["backend"] = np.bytes_(BACKEND)
        g.attrs["keras_version"] = np.bytes_(KERAS_VERSION)
        for name in names:
            lg = group(g, name)
            entries = weights.get(name, [])
            lg.attrs["weight_names"] = np.array([np.bytes_(name + "/" + w + ":0") for w, _ in entries], dtype="S")
            for w, array in entries:
                lg.create_dataset(name + "/" + w + ":0", data=array.astype(np.float32), track_times=False)


def group(parent, name):
    """A group in creation order (as Keras' layer_names) without modification times."""
    gcpl = h5py.h5p.create(h5py.h5p.GROUP_CREATE)
    gcpl.set_obj_track_times(False)
    gcpl.set_link_creation_order(h5py.h5p.CRT_ORDER_TRACKED | h5py.h5p.CRT_ORDER_INDEXED)
    return h5py.Group(h5py.h5g.create(parent.id, name.encode(), gcpl=gcpl))


def glorot(rng, shape, fan_in, fan_out):
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=shape)


def dense_weights(rng, n_in, n_out):
    return [("kernel", glorot(rng, (n_in, n_out), n_in, n_out)), ("bias", np.zeros(n_out))]


def conv_weights(rng, c_in, c_out):
    return [("kernel", glorot(rng, (3, 3, c_in, c_out), 9 * c_in, 9 * c_out)), ("bias", np.zeros(c_out))]


def mlp(path):
    rng = np.random.RandomState(15)
    layers = [dense("dense_1", 64, "relu", input_dim=784), noise("Dropout", "dropout_1", 0.2),
              dense("dense_2", 32, "relu"), noise("GaussianDropout", "gaussian_dropout_1", 0.3),
              dense("dense_3", 16, "selu"), noise("AlphaDropout", "alpha_dropout_1", 0.1),
              dense("dense_4", 10, "softmax")]
    weights = {"dense_1": dense_weights(rng, 784, 64), "dense_2": dense_weights(rng, 64, 32),
               "dense_3": dense_weights(rng, 32, 16), "dense_4": dense_weights(rng, 16, 10)}
    write(path, "sequential_1", layers, weights)


def cnn(path):
    rng = np.random.RandomState(16)
    layers = [conv("conv2d_1", 8, input_shape=[28, 28, 1]), pool("max_pooling2d_1"),
              noise("SpatialDropout2D", "spatial_dropout2d_1", 0.25), conv("conv2d_2", 16), pool("max_pooling2d_2"),
              flatten("flatten_1"), noise("Dropout", "dropout_1", 0.5), dense("dense_1", 10, "softmax")]
    weights = {"conv2d_1": conv_weights(rng, 1, 8), "conv2d_2": conv_weights(rng, 8, 16),
               "dense_1": dense_weights(rng, 5 * 5 * 16, 10)}
    write(path, "sequential_2", layers, weights)


def called(layer, *inbound):
    """A functional model's layer entry: the layer called once on the outputs of the layers named."""
    layer["name"] = layer["config"]["name"]
    layer["inbound_nodes"] = [[[name, 0, 0, {}] for name in inbound]] if inbound else []
    return layer


def branch(path):
    """A functional model with a branch and a merge: input -> Dense 64 -> Dropout 0.2 -> two Dense 32 branches
    (ReLU, tanh) -> Concatenate -> GaussianDropout 0.4 -> Dense 10 softmax."""
    rng = np.random.RandomState(18)
    layers = [called({"class_name": "InputLayer", "config": {"batch_input_shape": [None, 784], "dtype": "float32",
                                                             "sparse": False, "name": "input_1"}}),
              called(dense("dense_1", 64, "relu"), "input_1"),
              called(noise("Dropout", "dropout_1", 0.2), "dense_1"),
              called(dense("dense_2", 32, "relu"), "dropout_1"),
              called(dense("dense_3", 32, "tanh"), "dropout_1"),
              called({"class_name": "Concatenate", "config": {"name": "concatenate_1", "trainable": True,
                                                              "axis": -1}}, "dense_2", "dense_3"),
              called(noise("GaussianDropout", "gaussian_dropout_1", 0.4), "concatenate_1"),
              called(dense("dense_4", 10, "softmax"), "gaussian_dropout_1")]
    weights = {"dense_1": dense_weights(rng, 784, 64), "dense_2": dense_weights(rng, 64, 32),
               "dense_3": dense_weights(rng, 64, 32), "dense_4": dense_weights(rng, 64, 10)}
    write(path, "model_1", layers, weights, class_name="Model",
          graph={"input_layers": [["input_1", 0, 0]], "output_layers": [["dense_4", 0, 0]]})


def unsupported(path):
    """A model with a custom layer class (as a user's own Keras layer is saved), which no importer knows."""
    rng = np.random.RandomState(17)
    layers = [dense("dense_1", 8, "relu", input_dim=784),
              {"class_name": "CustomScale", "config": {"name": "custom_scale_1", "trainable": True, "factor": 2.0}},
              dense("dense_2", 10, "softmax")]
    weights = {"dense_1": dense_weights(rng, 784, 8), "dense_2": dense_weights(rng, 8, 10)}
    write(path, "sequential_3", layers, weights)


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "examples/models"
    mlp(out + "/mlp-dropout.h5")
    cnn(out + "/cnn-dropout.h5")
    branch(out + "/branch-dropout.h5")
    unsupported(out + "/unsupported-layer.h5")
