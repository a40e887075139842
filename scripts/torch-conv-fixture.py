#!/usr/bin/env python3
"""Writes Tests/RepriseLearningTests/Fixtures/torch-conv.json: PyTorch's outputs and gradients of
conv2d, max_pool2d and avg_pool2d (strides 1 and 2; same, valid and explicit padding; an even and a
1x1 kernel; overlapping windows; max-pool ties after a ReLU), and of a small CNN's cross-entropy loss
(value, gradient, and the slope and curvature d'Hd along a direction), in float64 and in float32 —
the independent oracle of PyTorchConvolutionTests. Needs PyTorch (CPU); the tests read only the JSON.

    .build/peer-venv/bin/python scripts/torch-conv-fixture.py   # regenerate (make bench-peer installs it)

Parameters are written in Reprise's layout: a convolution's W as O x C x k x k then b (PyTorch's
order); a dense layer's W as inputs x outputs, row-major (the transpose of torch.nn.Linear's
weight), then b.
"""
import json, os
import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(1)
rng = np.random.default_rng(11)


def floats(a):
    return [float(v) for v in np.asarray(a).ravel()]


def layer_case(name, kind, shape, batch, args, x):
    c, h, w = shape
    out = {"name": name, "kind": kind, "input": list(shape), "batch": batch, **args}
    if kind == "conv":
        o, k = args["filters"], args["kernel"]
        theta = rng.normal(size=o * c * k * k + o) * np.sqrt(1.0 / (c * k * k))
    else:
        theta = np.zeros(0)
    for dtype, tag in [(torch.float64, "f64"), (torch.float32, "f32")]:
        np_dtype = np.float64 if dtype == torch.float64 else np.float32
        xt = torch.tensor(x.astype(np_dtype).reshape(batch, c, h, w), requires_grad=True)
        th = torch.tensor(theta.astype(np_dtype), requires_grad=True)
        if kind == "conv":
            o, k = args["filters"], args["kernel"]
            weight, bias = th[: o * c * k * k].reshape(o, c, k, k), th[o * c * k * k:]
            y = F.conv2d(xt, weight, bias, stride=args["stride"], padding=args["padding"])
        elif kind == "max":
            y = F.max_pool2d(xt, args["size"], stride=args["stride"])
        else:
            y = F.avg_pool2d(xt, args["size"], stride=args["stride"])
        dy = torch.tensor(rng.normal(size=tuple(y.shape)).astype(np_dtype)) if tag == "f64" else dy64.to(dtype)
        if tag == "f64":
            dy64 = dy
        y.backward(dy)
        out[tag] = {"x": floats(xt.detach()), "theta": floats(th.detach()), "dy": floats(dy), "y": floats(y.detach()),
                    "dx": floats(xt.grad), "dtheta": floats(th.grad) if kind == "conv" else []}
    return out


def normal(shape):
    return rng.normal(size=shape)


layers = [
    layer_case("conv 3->4 k3 same", "conv", (3, 7, 6), 2, {"filters": 4, "kernel": 3, "stride": 1, "padding": 1}, normal(2 * 3 * 7 * 6)),
    layer_case("conv 2->3 k5 stride 2 valid", "conv", (2, 9, 9), 2, {"filters": 3, "kernel": 5, "stride": 2, "padding": 0}, normal(2 * 2 * 81)),
    layer_case("conv 2->3 k3 stride 2 pad 1", "conv", (2, 8, 8), 3, {"filters": 3, "kernel": 3, "stride": 2, "padding": 1}, normal(3 * 2 * 64)),
    layer_case("conv 1->2 k4 pad 2 (even kernel)", "conv", (1, 7, 7), 2, {"filters": 2, "kernel": 4, "stride": 1, "padding": 2}, normal(2 * 49)),
    layer_case("conv 3->5 k1", "conv", (3, 5, 5), 2, {"filters": 5, "kernel": 1, "stride": 1, "padding": 0}, normal(2 * 3 * 25)),
    # After a ReLU: windows of zeros and of equal integers are ties.
    layer_case("maxpool 2 after relu (ties)", "max", (3, 6, 6), 2, {"size": 2, "stride": 2}, np.maximum(np.round(1.5 * normal(2 * 3 * 36)), 0)),
    layer_case("maxpool 3 stride 2 (overlapping, ties)", "max", (2, 7, 7), 2, {"size": 3, "stride": 2}, np.maximum(np.round(normal(2 * 2 * 49)), 0)),
    layer_case("avgpool 2", "average", (2, 6, 6), 2, {"size": 2, "stride": 2}, normal(2 * 2 * 36)),
    layer_case("avgpool 3 stride 2", "average", (2, 7, 7), 2, {"size": 3, "stride": 2}, normal(2 * 2 * 49)),
]

# A small CNN, as Reprise's `cnn` problem builds it from this list (the output layer added).
architecture = ["conv 4 3 same", "relu", "maxpool 2", "conv 6 3 stride 2 pad 1", "tanh", "avgpool 2", "dense 8", "softplus"]
shape, classes, batch = (2, 12, 12), 5, 4
# Feature map: 2x12x12 -> conv 4 same -> 4x12x12 -> maxpool 2 -> 4x6x6 -> conv 6 s2 p1 -> 6x3x3 -> avgpool 2 -> 6x1x1 -> dense 8 -> 5
counts = [4 * 2 * 9 + 4, 6 * 4 * 9 + 6, 6 * 8 + 8, 8 * classes + classes]
theta = np.concatenate([rng.normal(size=n) * 0.5 for n in counts])
x = normal(batch * int(np.prod(shape)))
labels = rng.integers(0, classes, size=batch)
direction = normal(theta.size)


def network_loss(th, xt):
    at = 0
    def take(n):
        nonlocal at
        out = th[at: at + n]
        at += n
        return out
    w1, b1 = take(4 * 2 * 9).reshape(4, 2, 3, 3), take(4)
    w2, b2 = take(6 * 4 * 9).reshape(6, 4, 3, 3), take(6)
    w3, b3 = take(6 * 8).reshape(6, 8), take(8)
    w4, b4 = take(8 * classes).reshape(8, classes), take(classes)
    z = F.max_pool2d(torch.relu(F.conv2d(xt, w1, b1, padding=1)), 2)
    z = F.avg_pool2d(torch.tanh(F.conv2d(z, w2, b2, stride=2, padding=1)), 2)
    z = F.softplus(z.flatten(1) @ w3 + b3)
    return F.cross_entropy(z @ w4 + b4, torch.tensor(labels))


network = {"architecture": architecture, "input": list(shape), "classes": classes, "batch": batch, "labels": [int(v) for v in labels]}
for dtype, tag in [(torch.float64, "f64"), (torch.float32, "f32")]:
    np_dtype = np.float64 if dtype == torch.float64 else np.float32
    th = torch.tensor(theta.astype(np_dtype), requires_grad=True)
    xt = torch.tensor(x.astype(np_dtype).reshape(batch, *shape))
    d = torch.tensor(direction.astype(np_dtype))
    loss = network_loss(th, xt)
    (grad,) = torch.autograd.grad(loss, th, create_graph=True)
    slope = grad @ d
    (hd,) = torch.autograd.grad(slope, th)
    network[tag] = {"theta": floats(th.detach()), "x": floats(xt), "direction": floats(d), "loss": float(loss.detach()),
                    "gradient": floats(grad.detach()), "slope": float(slope.detach()), "curvature": float(hd @ d)}

out = {"torch_version": torch.__version__, "layers": layers, "network": network}
path = os.path.join(os.path.dirname(__file__), "..", "Tests", "RepriseLearningTests", "Fixtures", "torch-conv.json")
with open(path, "w") as f:
    json.dump(out, f)
print(f"wrote {path}: {len(layers)} layer cases and a CNN of {theta.size} parameters, torch {torch.__version__}")
