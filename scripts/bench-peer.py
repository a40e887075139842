#!/usr/bin/env python3
"""`make bench-peer`: Reprise's and PyTorch's time for one SGD step of the same 784-256-256-10 ReLU
MLP (cross-entropy, lr 0.01) including the minibatch gather from a 50,000-example set, measured back
to back in one run, per batch size and thread count; then the same for the two CNNs of
`reprise bench --cnn` (DeepOBS's fmnist_2c2d and the small CNN of the default profiles, 1x28x28
inputs gathered from 5,000 examples) at batch 32 and 128. Reprise's times come from
`reprise bench --steps-only` (the same steps `make bench` times); PyTorch's from this script.
Not part of `make test`: it needs PyTorch (the Makefile installs it in a virtual environment).

    python3 scripts/bench-peer.py RELEASE_BIN [--seconds S] [--cnn-only | --mlp-only]
"""
import subprocess, sys, time
import numpy as np
import torch

binary = sys.argv[1]
seconds = float(sys.argv[sys.argv.index("--seconds") + 1]) if "--seconds" in sys.argv else 1.0
batches = [1, 8, 32, 128, 512]
widths = [784, 256, 256, 10]


def mlp():
    layers = []
    for k, (n, m) in enumerate(zip(widths, widths[1:])):
        layers.append(torch.nn.Linear(n, m))
        if k < len(widths) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def cnn(c1, c2, dense):
    """conv c1 5x5 same, ReLU, max pool 2, conv c2 5x5 same, ReLU, max pool 2, dense, ReLU, dense 10."""
    nn = torch.nn
    return nn.Sequential(nn.Conv2d(1, c1, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(c1, c2, 5, padding=2), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Flatten(), nn.Linear(c2 * 7 * 7, dense), nn.ReLU(), nn.Linear(dense, 10))


cnns = {"fmnist_2c2d": (32, 64, 1024), "small": (8, 16, 64)}


def torch_step_time(batch, threads, network=None):
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = mlp() if network is None else cnn(*cnns[network])
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    loss_fn = torch.nn.CrossEntropyLoss()
    examples = 50_000 if network is None else 5_000
    x = torch.randn(examples, widths[0]) if network is None else torch.randn(examples, 1, 28, 28)
    y = torch.randint(0, widths[-1], (examples,))
    order = torch.randperm(examples)
    cursor = [0]

    def step():
        if cursor[0] + batch > examples:
            cursor[0] = 0
        idx = order[cursor[0]:cursor[0] + batch]
        cursor[0] += batch
        xb, yb = x[idx], y[idx]
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()

    for _ in range(5):
        step()
    samples, start = [], time.perf_counter()
    while time.perf_counter() - start < seconds or len(samples) < 5:
        t0 = time.perf_counter()
        step()
        samples.append(time.perf_counter() - t0)
    samples.sort()
    return samples[len(samples) // 2]


kernel_names = {}


def cpu_class():
    flags = open("/proc/cpuinfo").read()
    return "AVX-512" if " avx512f" in flags else "AVX2" if " avx2" in flags else "SSE"


def reprise_step_times(threads, kernel):
    out = subprocess.run([binary, "bench", "--steps-only", "--threads", str(threads), "--blas-kernel", kernel,
                          "--seconds", str(seconds)] + sum([["--batch", str(b)] for b in batches], []),
                         check=True, capture_output=True, text=True).stdout
    times = {}
    for line in out.splitlines():
        if line.startswith("kernel "):
            kernel_names[kernel] = line[len("kernel "):]
        if line.startswith("step "):
            _, b, s = line.split()
            times[int(b)] = float(s)
    return times


def reprise_cnn_times(threads, kernel):
    out = subprocess.run([binary, "bench", "--cnn", "--steps-only", "--threads", str(threads), "--blas-kernel", kernel,
                          "--seconds", str(seconds)], check=True, capture_output=True, text=True).stdout
    times = {}
    for line in out.splitlines():
        if line.startswith("kernel "):
            kernel_names[kernel] = line[len("kernel "):]
        if line.startswith("cnn "):
            _, name, b, s = line.split()
            times[(name, int(b))] = float(s)
    return times


rounds = 3
kernels = ["native", "portable", "reproducible"]
print(f"CPU: {cpu_class()} class. Reprise's kernels: native (OpenBLAS's fastest core for this CPU), portable (OpenBLAS's "
      f"Haswell core: identical results on any AVX2 machine), reproducible (Reprise's own sgemm: identical on every x86-64 "
      f"machine); the core and sgemm path of each are listed after its table.")
median = lambda x: sorted(x)[len(x) // 2]
if "--cnn-only" not in sys.argv:
    print(f"PyTorch {torch.__version__} (CPU) against Reprise, one SGD step of the {'-'.join(map(str, widths))} ReLU MLP "
          f"including the gather from a 50,000-example set; each case measured {rounds} times in alternation (Reprise, then "
          f"PyTorch, about {seconds:g} s each), medians of the times and of the rounds' ratios.")
    print("| threads | Reprise BLAS kernel | batch | Reprise | PyTorch | PyTorch ÷ Reprise |")
    print("|---|---|---|---|---|---|")
    for threads in [1, 2]:
        for kernel in kernels:
            ours = {b: [] for b in batches}
            theirs = {b: [] for b in batches}
            for _ in range(rounds):
                for b, t in reprise_step_times(threads, kernel).items():
                    ours[b].append(t)
                for b in batches:
                    theirs[b].append(torch_step_time(b, threads))
            for b in batches:
                ratio = median([t / o for t, o in zip(theirs[b], ours[b])])
                print(f"| {threads} | {kernel} | {b} | {median(ours[b]) * 1e6:.0f} µs | {median(theirs[b]) * 1e6:.0f} µs | {ratio:.2f}× |",
                      flush=True)

if "--mlp-only" not in sys.argv:
    print()
    print(f"PyTorch {torch.__version__} (CPU) against Reprise, one SGD step of each CNN (1x28x28 inputs gathered from 5,000 examples, "
          f"cross-entropy, lr 0.01); {rounds} rounds in alternation, medians.")
    print("| threads | Reprise BLAS kernel | network | batch | Reprise | PyTorch | PyTorch ÷ Reprise |")
    print("|---|---|---|---|---|---|---|")
    for threads in [1, 2]:
        for kernel in kernels:
            ours, theirs = {}, {}
            for _ in range(rounds):
                for key, t in reprise_cnn_times(threads, kernel).items():
                    ours.setdefault(key, []).append(t)
                for name, b in ours:
                    theirs.setdefault((name, b), []).append(torch_step_time(b, threads, network=name))
            for key in ours:
                ratio = median([t / o for t, o in zip(theirs[key], ours[key])])
                print(f"| {threads} | {kernel} | {key[0]} | {key[1]} | {median(ours[key]) * 1e3:.1f} ms | {median(theirs[key]) * 1e3:.1f} ms "
                      f"| {ratio:.2f}× |", flush=True)

print()
for kernel in kernels:
    if kernel in kernel_names:
        print(f"- {kernel}: {kernel_names[kernel]}")
