#!/usr/bin/env python3
"""Writes Tests/RepriseRunnerTests/Fixtures/ranks-scipy.json: the rank-based tests that verdicts
with diverged runs ranked worst use — Wilcoxon's signed-rank test (paired), Mann–Whitney's U
(unpaired), Page's trend test — computed by SciPy itself, with `zero_method`, `correction`,
`use_continuity` and `method` fixed as Reprise fixes them, and the Hodges–Lehmann estimates computed
by brute force (NumPy: the median of the Walsh averages, of all pairwise differences). Samples
include ties and ±inf (a diverged run ranked worst). Run: python3 -m venv v && v/bin/pip install
scipy && v/bin/python scripts/rank-fixture.py. The tests read only the JSON."""
import json, pathlib
import numpy as np
import scipy, scipy.stats as st

rng = np.random.default_rng(20261207)

def walsh_median(d):
    d = np.asarray(d, dtype=float)
    return float(np.median([(d[i] + d[j]) / 2 for i in range(len(d)) for j in range(i, len(d))]))

def has_ties(x):
    x = np.asarray(x)
    return len(np.unique(x)) < len(x)

wilcoxon = []
paired_samples = []
for n, shift in [(5, 0.4), (8, 0.0), (10, 0.3), (12, -0.2), (20, 0.1), (30, 0.5)]:
    a = rng.normal(shift, 1, n); b = rng.normal(0, 1, n)
    paired_samples.append((a, b))
# Ties and zeros: rounded values; one pair equal.
a = np.round(rng.normal(0.3, 1, 10), 1); b = np.round(rng.normal(0, 1, 10), 1); b[3] = a[3]
paired_samples.append((a, b))
# Diverged seeds ranked worst: a lower-is-better loss, +inf where a run diverged (both arms once).
a = rng.normal(0.5, 0.1, 10); b = rng.normal(0.6, 0.1, 10); b[[1, 4, 7]] = np.inf; a[4] = np.inf
paired_samples.append((a, b))
for a, b in paired_samples:
    d = a - b
    finite = np.where(np.isnan(d), 0.0, d)  # inf - inf: both diverged, a tie
    d = finite
    ties = has_ties(np.abs(d[d != 0])) or np.any(d == 0)
    method = "approx" if ties or len(d) > 50 else "exact"
    entry = {"a": [x if np.isfinite(x) else ("inf" if x > 0 else "-inf") for x in a.tolist()],
             "b": [x if np.isfinite(x) else ("inf" if x > 0 else "-inf") for x in b.tolist()], "method": method}
    # SciPy on the differences (inf − inf is a tie: a zero difference, dropped by zero_method="wilcox").
    dd = np.where(np.isinf(d), np.sign(d) * 1e300, d)
    for alt in ["greater", "less", "two-sided"]:
        r = st.wilcoxon(dd, zero_method="wilcox", correction=False, alternative=alt, method=method)
        entry["p_" + alt] = float(r.pvalue)
        if alt == "greater": entry["statistic"] = float(r.statistic)
    finite_d = d[np.isfinite(d)] if np.all(np.isfinite(d)) else None
    entry["hodges_lehmann"] = walsh_median(d) if np.all(np.isfinite(d)) else None
    wilcoxon.append(entry)

mann_whitney = []
unpaired = [(rng.normal(0.5, 1, 5), rng.normal(0, 1, 6)), (rng.normal(0, 1, 8), rng.normal(0, 1, 8)),
            (rng.normal(0.3, 1, 12), rng.normal(0, 1, 15)), (rng.normal(-0.2, 1, 3), rng.normal(0, 1, 7))]
a = np.round(rng.normal(0.3, 1, 9), 1); b = np.round(rng.normal(0, 1, 11), 1); b[2] = a[0]
unpaired.append((a, b))
a = rng.normal(0.5, 0.1, 8); b = rng.normal(0.6, 0.1, 9); b[[0, 5]] = np.inf; a[2] = np.inf
unpaired.append((a, b))
for a, b in unpaired:
    ties = has_ties(np.concatenate([a, b]))
    method = "asymptotic" if ties or min(len(a), len(b)) > 8 else "exact"
    entry = {"a": [x if np.isfinite(x) else "inf" for x in a.tolist()], "b": [x if np.isfinite(x) else "inf" for x in b.tolist()],
             "method": method}
    aa = np.where(np.isinf(a), 1e300, a); bb = np.where(np.isinf(b), 1e300, b)
    for alt in ["greater", "less", "two-sided"]:
        r = st.mannwhitneyu(aa, bb, alternative=alt, method=method, use_continuity=True)
        entry["p_" + alt] = float(r.pvalue)
        if alt == "greater": entry["statistic"] = float(r.statistic)
    entry["hodges_lehmann"] = float(np.median(np.subtract.outer(a, b))) if np.all(np.isfinite(a)) and np.all(np.isfinite(b)) else None
    mann_whitney.append(entry)

out = {"scipy": scipy.__version__, "numpy": np.__version__, "wilcoxon": wilcoxon, "mann_whitney": mann_whitney}
path = pathlib.Path(__file__).resolve().parent.parent / "Tests/RepriseRunnerTests/Fixtures/ranks-scipy.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {path}: {len(wilcoxon)} Wilcoxon, {len(mann_whitney)} Mann-Whitney (SciPy {scipy.__version__})")
