#!/usr/bin/env python3
"""Writes Tests/RepriseLearningTests/Fixtures/torch-optim.json: float32 parameters after each of a few
steps of torch.optim's SGD, Adam, RMSprop and Adagrad on fixed gradients, the independent oracle of
OptimizerTests.testFloat32AgreementWithPyTorch. Needs PyTorch (CPU); the tests only read the JSON.

    python3 scripts/torch-optim-fixture.py   # regenerate
"""
import json, os
import numpy as np
import torch

torch.set_num_threads(1)
rng = np.random.default_rng(7)
P, STEPS = 257, 6
theta0 = rng.normal(size=P).astype(np.float32)
# Gradients over several orders of magnitude, as in a network.
grads = (rng.normal(size=(STEPS, P)) * 10.0 ** rng.uniform(-4, 1, size=(STEPS, P))).astype(np.float32)

configs = [
    ("sgd", dict(lr=0.1), {"lr": 0.1}),
    ("sgd", dict(lr=0.05, momentum=0.9, weight_decay=1e-4), {"lr": 0.05, "momentum": 0.9, "weight_decay": 1e-4}),
    ("sgd", dict(lr=0.05, momentum=0.9, nesterov=True), {"lr": 0.05, "momentum": 0.9, "nesterov": True}),
    ("adam", dict(lr=1e-3), {"lr": 1e-3}),
    ("adam", dict(lr=0.01, betas=(0.8, 0.9), eps=1e-6, weight_decay=1e-3), {"lr": 0.01, "beta1": 0.8, "beta2": 0.9, "eps": 1e-6, "weight_decay": 1e-3}),
    ("adam", dict(lr=1e-3, amsgrad=True), {"lr": 1e-3, "amsgrad": True}),
    ("rmsprop", dict(lr=1e-2), {"lr": 1e-2}),
    ("rmsprop", dict(lr=1e-3, centered=True, momentum=0.9), {"lr": 1e-3, "centered": True, "momentum": 0.9}),
    ("adagrad", dict(lr=1e-2, initial_accumulator_value=0.1), {"lr": 1e-2, "initial_accumulator": 0.1}),
]
classes = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "rmsprop": torch.optim.RMSprop, "adagrad": torch.optim.Adagrad}

cases = []
for name, torch_kwargs, reprise_keys in configs:
    p = torch.nn.Parameter(torch.tensor(theta0.copy()))
    opt = classes[name]([p], foreach=False, **torch_kwargs)
    after = []
    for t in range(STEPS):
        p.grad = torch.tensor(grads[t].copy())
        opt.step()
        after.append([float(x) for x in p.detach().numpy()])
    cases.append({"variant": {"optimizer": name, **reprise_keys}, "torch": f"torch.optim.{classes[name].__name__}({torch_kwargs})",
                  "after": after})

out = {"torch_version": torch.__version__, "theta0": [float(x) for x in theta0],
       "gradients": [[float(x) for x in g] for g in grads], "cases": cases}
path = os.path.join(os.path.dirname(__file__), "..", "Tests", "RepriseLearningTests", "Fixtures", "torch-optim.json")
with open(path, "w") as f:
    json.dump(out, f)
print(f"wrote {path}: {len(cases)} optimizers, {STEPS} steps, {P} parameters, torch {torch.__version__}")
