#!/usr/bin/env python3
"""Writes Tests/RepriseRunnerTests/Fixtures/claims-scipy.json: the statistics behind Reprise's claim
verdicts, computed by SciPy and statsmodels themselves (not re-derived), for the Swift tests to
compare against. Run: python3 -m venv v && v/bin/pip install scipy statsmodels && v/bin/python
scripts/claims-fixture.py. The tests read only the JSON."""
import json, pathlib
import numpy as np
import scipy, scipy.stats as st
import statsmodels
from statsmodels.stats.multitest import multipletests

rng = np.random.default_rng(20261129)
cases = []
for k, (na, nb, shift, scale) in enumerate([(3, 3, 0.01, 0.01), (5, 5, -0.3, 1.0), (10, 10, 0.002, 0.004),
                                              (3, 5, 0.5, 0.2), (20, 20, 0.0, 1.0), (4, 4, 1e-3, 1e-2)]):
    a = rng.normal(shift, scale, na)
    b = rng.normal(0.0, scale * 1.3, nb)
    margin = 0.5 * scale
    case = {"a": a.tolist(), "b": b.tolist(), "margin": margin}
    w = st.ttest_ind(a, b, equal_var=False)
    case["welch"] = {"ci95": list(w.confidence_interval(0.95)), "ci90": list(w.confidence_interval(0.90)),
                     "df": float(w.df),
                     "p_superior": float(st.ttest_ind(a, b, equal_var=False, alternative="greater").pvalue),
                     "p_noninferior": float(st.ttest_ind(a + margin, b, equal_var=False, alternative="greater").pvalue),
                     "p_tost": max(float(st.ttest_ind(a + margin, b, equal_var=False, alternative="greater").pvalue),
                                   float(st.ttest_ind(a - margin, b, equal_var=False, alternative="less").pvalue))}
    if na == nb:
        d = a - b
        r = st.ttest_rel(a, b)
        case["paired"] = {"ci95": list(r.confidence_interval(0.95)), "ci90": list(r.confidence_interval(0.90)),
                          "p_superior": float(st.ttest_1samp(d, 0.0, alternative="greater").pvalue),
                          "p_noninferior": float(st.ttest_1samp(d, -margin, alternative="greater").pvalue),
                          "p_tost": max(float(st.ttest_1samp(d, -margin, alternative="greater").pvalue),
                                        float(st.ttest_1samp(d, margin, alternative="less").pvalue))}
    cases.append(case)

holm = []
for p in [[0.01, 0.04, 0.03, 0.2], [0.001, 0.5], [0.049, 0.02, 0.011, 0.3, 0.04], [0.2]]:
    holm.append({"p": p, "adjusted": multipletests(p, method="holm")[1].tolist()})

quantiles = [{"p": p, "df": df, "t": float(st.t.ppf(p, df))} for p in [0.95, 0.975] for df in [1, 2, 2.5, 5.882, 19, 200]]

# Wilson intervals (statsmodels), including the edges 0 and n.
from statsmodels.stats.proportion import proportion_confint
wilson = [{"k": k, "n": n, "ci95": list(proportion_confint(k, n, alpha=0.05, method="wilson"))}
          for k, n in [(0, 10), (3, 10), (10, 10), (17, 40), (1, 200), (199, 200), (50, 100)]]

# Brown-Forsythe: Levene's test about the median (SciPy).
brown_forsythe = []
for na, nb, sa, sb in [(5, 5, 1.0, 3.0), (10, 8, 0.01, 0.012), (20, 20, 1.0, 1.0), (3, 4, 2.0, 0.5)]:
    a, b = rng.normal(0, sa, na), rng.normal(1, sb, nb)
    r = st.levene(a, b, center="median")
    brown_forsythe.append({"a": a.tolist(), "b": b.tolist(), "w": float(r.statistic), "p": float(r.pvalue)})

# Page's trend test, asymptotic (SciPy): rows are blocks (seeds), columns the ordered arms.
page = []
for n, k, slope in [(5, 4, 0.3), (10, 3, 0.0), (8, 5, -0.2), (20, 6, 0.05)]:
    data = rng.normal(0, 1, (n, k)) + slope * np.arange(k)
    r = st.page_trend_test(data, method="asymptotic")
    page.append({"data": data.tolist(), "l": float(r.statistic), "p": float(r.pvalue)})
ties = np.array([[1.0, 1.0, 2.0], [0.5, 0.7, 0.7], [3.0, 2.0, 1.0]])
r = st.page_trend_test(ties, method="asymptotic")
page.append({"data": ties.tolist(), "l": float(r.statistic), "p": float(r.pvalue)})

# Percentile rank (SciPy) and the bootstrap percentile interval of it (SciPy's own resampling, fixed
# seed): Reprise draws other resamples, so the tests compare within Monte Carlo error.
published = []
for n, value in [(40, 0.1), (60, -1.5), (200, 2.2)]:
    x = rng.normal(0, 1, n)
    stat = lambda s, axis=-1: np.apply_along_axis(lambda row: st.percentileofscore(row, value, kind="mean"), axis, s)
    b = st.bootstrap((x,), stat, n_resamples=20000, method="percentile", vectorized=True, rng=np.random.default_rng(7))
    published.append({"x": x.tolist(), "value": value, "rank": float(st.percentileofscore(x, value, kind="mean")),
                      "ci95": [float(b.confidence_interval.low), float(b.confidence_interval.high)]})

# Power: the smallest standardised effect detected at 80 % by a two-sided 5 % t-test (statsmodels).
from statsmodels.stats.power import TTestPower, TTestIndPower
power = []
for n in [3, 5, 10, 20, 40]:
    power.append({"n": n, "paired": True, "effect": float(TTestPower().solve_power(nobs=n, alpha=0.05, power=0.8, alternative="two-sided"))})
    power.append({"n": n, "paired": False, "effect": float(TTestIndPower().solve_power(nobs1=n, ratio=1.0, alpha=0.05, power=0.8, alternative="two-sided"))})

out = {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__, "cases": cases, "holm": holm, "quantiles": quantiles,
       "wilson": wilson, "brown_forsythe": brown_forsythe, "page": page, "published": published, "power": power}
path = pathlib.Path(__file__).resolve().parent.parent / "Tests/RepriseRunnerTests/Fixtures/claims-scipy.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {path}: {len(cases)} comparisons, {len(holm)} Holm families, {len(quantiles)} quantiles, {len(wilson)} Wilson, "
      f"{len(brown_forsythe)} Brown-Forsythe, {len(page)} Page, {len(published)} bootstrap, {len(power)} power (SciPy {scipy.__version__})")
