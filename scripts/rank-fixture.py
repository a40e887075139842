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

def median_inf(x):
    # The median with infinities: two middle values equal (both infinite) are that value, not NaN.
    s = sorted(x); n = len(s)
    if n % 2: return float(s[n // 2])
    lo, hi = s[n // 2 - 1], s[n // 2]
    return float(lo if lo == hi else lo / 2 + hi / 2)

def walsh_median_inf(d):
    # Walsh averages by brute force; a diverged seed beside one diverged the other way averages to 0.
    d = list(d)
    return median_inf([0.0 if d[i] == -d[j] else d[i] / 2 + d[j] / 2 for i in range(len(d)) for j in range(i, len(d))])

def encode(x):
    return [v if np.isfinite(v) else ("inf" if v > 0 else "-inf") for v in np.asarray(x, dtype=float).tolist()]

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
    entry["hodges_lehmann"] = walsh_median(d) if np.all(np.isfinite(d)) else encode([walsh_median_inf(d)])[0]
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
    entry["hodges_lehmann"] = float(np.median(np.subtract.outer(a, b))) if np.all(np.isfinite(a)) and np.all(np.isfinite(b)) \
        else encode([median_inf([0.0 if x == y else x - y for x in a for y in b])])[0]
    mann_whitney.append(entry)

# Claims on ranks (RankComparison): the subject against another arm, diverged seeds at the worst
# value (+inf for a loss, sign -1; -inf for an accuracy, sign +1), through SciPy with the options
# above. Paired: d = sign*a - sign*b per seed (inf - inf = 0), tested as d - shift; unpaired: sign*a -
# shift against sign*b. superior: shift 0, p = 2 P(greater) capped at 1, FAILS when 2 P(less) < 0.05;
# noninferior: shift -margin; equivalent: p = max(P(greater at -margin), P(less at +margin)), FAILS when
# P(less at -margin) < 0.05 or P(greater at +margin) < 0.05. A second stream keeps the cases above as they were.
rng2 = np.random.default_rng(20261208)

def big(x):
    x = np.asarray(x, dtype=float)
    return np.where(np.isinf(x), np.sign(x) * 1e300, x)

def tie_diff(x, y):
    return np.array([0.0 if u == v else u - v for u, v in zip(x, y)])

def wilcoxon_p(d, alt):
    d = np.asarray(d, dtype=float); nz = d[d != 0]
    if len(nz) == 0: return 1.0
    method = "approx" if has_ties(np.abs(nz)) or np.any(d == 0) or len(nz) > 50 else "exact"
    return float(st.wilcoxon(big(d), zero_method="wilcox", correction=False, alternative=alt, method=method).pvalue), method

def mann_whitney_p(a, b, alt):
    method = "asymptotic" if has_ties(np.concatenate([a, b])) or min(len(a), len(b)) > 8 else "exact"
    return float(st.mannwhitneyu(big(a), big(b), alternative=alt, method=method, use_continuity=True).pvalue), method

def one_sided(a, b, sign, paired, shift, alt):
    if paired:
        d = tie_diff(sign * a, sign * b)
        return wilcoxon_p(d - shift, alt)
    return mann_whitney_p(sign * a - shift, sign * b, alt)

rank_claims = []
def claim(a, b, sign, paired, test, margin=0.0):
    a = np.asarray(a, dtype=float); b = np.asarray(b, dtype=float)
    P = lambda shift, alt: one_sided(a, b, sign, paired, shift, alt)[0]
    if test == "equivalent":
        p = max(P(-margin, "greater"), P(margin, "less"))
        verdict = "HOLDS" if p < 0.05 else "FAILS" if P(-margin, "less") < 0.05 or P(margin, "greater") < 0.05 else "INCONCLUSIVE"
        method = one_sided(a, b, sign, paired, -margin, "greater")[1]
    else:
        shift = -margin if test == "noninferior" else 0.0
        p = min(1.0, 2 * P(shift, "greater"))
        verdict = "HOLDS" if p < 0.05 else "FAILS" if min(1.0, 2 * P(shift, "less")) < 0.05 else "INCONCLUSIVE"
        method = one_sided(a, b, sign, paired, shift, "greater")[1]
    hl = walsh_median_inf(tie_diff(sign * a, sign * b)) if paired else median_inf([0.0 if x == y else x - y for x in sign * a for y in sign * b])
    rank_claims.append({"subject": encode(a), "other": encode(b), "sign": sign, "paired": paired, "test": test, "margin": margin,
                        "p": p, "verdict": verdict, "method": method, "hodges_lehmann": encode([hl])[0]})

# A loss (sign -1): the subject diverges on 4 of 10 seeds and ties the other arm closely on the rest.
other = rng2.normal(1.0, 0.1, 10)
subject = other + np.array([0.001, -0.002, 0.003, 0.004, 0.005, 0.006, 0, 0, 0, 0]); subject[6:] = np.inf
claim(subject, other, -1, True, "superior")          # FAILS: the diverged seeds rank worst
claim(other, subject, -1, True, "superior")          # HOLDS: the other way round
claim(subject, other, -1, True, "noninferior", 0.01)
# An accuracy (sign +1), both arms diverging on some seeds, one seed on both (a tie).
a = rng2.normal(0.80, 0.02, 12); b = rng2.normal(0.78, 0.02, 12); a[[2, 9]] = -np.inf; b[[2, 5, 7]] = -np.inf
claim(a, b, 1, True, "superior"); claim(a, b, 1, True, "noninferior", 0.03); claim(a, b, 1, True, "equivalent", 0.05)
# Exact paths: no ties, no diverged run.
a = rng2.normal(0.5, 0.01, 9); b = a + rng2.normal(0.0, 0.004, 9)
claim(a, b, 1, True, "equivalent", 0.02); claim(a, b, 1, True, "superior")
claim(rng2.normal(0.6, 0.05, 5), rng2.normal(0.5, 0.05, 6), 1, False, "noninferior", 0.02)
# Unpaired with diverged runs (asymptotic: the infinities tie).
a = rng2.normal(1.0, 0.1, 7); b = rng2.normal(1.2, 0.1, 9); a[3] = np.inf; b[[0, 4, 8]] = np.inf
claim(a, b, -1, False, "superior"); claim(a, b, -1, False, "equivalent", 0.3); claim(b, a, -1, False, "noninferior", 0.05)

# Page's L with diverged runs at the worst rank within each block (+inf for a loss; ties averaged),
# SciPy's page_trend_test(ranked=False, method="asymptotic"): one-sided, later columns higher.
page = []
for rows, cols, diverged in [(10, 5, [(0, 4), (3, 4), (3, 3), (7, 0)]), (6, 3, [(1, 2), (4, 2)]), (8, 4, [])]:
    data = rng2.normal(0, 1, (rows, cols)) + np.arange(cols) * 0.3
    for r, c in diverged: data[r, c] = np.inf
    res = st.page_trend_test(big(data), ranked=False, method="asymptotic")
    page.append({"blocks": [encode(row) for row in data], "l": float(res.statistic), "p": float(res.pvalue)})

out = {"scipy": scipy.__version__, "numpy": np.__version__, "wilcoxon": wilcoxon, "mann_whitney": mann_whitney,
       "rank_claims": rank_claims, "page": page}
path = pathlib.Path(__file__).resolve().parent.parent / "Tests/RepriseRunnerTests/Fixtures/ranks-scipy.json"
path.write_text(json.dumps(out, indent=1, allow_nan=False) + "\n")
print(f"wrote {path}: {len(wilcoxon)} Wilcoxon, {len(mann_whitney)} Mann-Whitney, {len(rank_claims)} rank claims, {len(page)} Page (SciPy {scipy.__version__})")
