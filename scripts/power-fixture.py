#!/usr/bin/env python3
"""Writes Tests/RepriseRunnerTests/Fixtures/power-statsmodels.json: the power of the t-tests behind
`reprise seeds` (the seeds a claim's comparison needs for 80 % power), computed by statsmodels and
SciPy themselves, for the Swift tests to compare against. Run: python3 -m venv v && v/bin/pip install
scipy statsmodels && v/bin/python scripts/power-fixture.py. The tests read only the JSON.

What Reprise computes, and what it is checked against here:
- superiority and non-inferiority: the probability that a two-sided level-alpha interval lies above
  the reference (0, or -margin at a true difference of 0): one tail of the noncentral t at alpha/2,
  statsmodels' TTestPower (paired: one sample of n differences) or TTestIndPower (two samples of n)
  with alternative="larger" and alpha/2; and the n it needs, by statsmodels' solve_power;
- equivalence (TOST, each one-sided test at alpha, true difference 0): the exact power
  P(|mean| < margin - t_{1-alpha}(df) se), by SciPy's quad over the chi-square law of the variance
  (the exact method of Owen, as R's PowerTOST computes it); statsmodels has no TOST power.
"""
import json, math, pathlib
import numpy as np
import scipy, scipy.stats as st
from scipy import integrate, optimize
import statsmodels
from statsmodels.stats.power import TTestPower, TTestIndPower


def scale(n, paired):
    return math.sqrt(n) if paired else math.sqrt(n / 2)


def df_of(n, paired):
    return n - 1 if paired else 2 * n - 2


def one_tail(d, n, paired, alpha):
    """statsmodels: P(reject in the claimed direction) of a two-sided level-alpha t-test."""
    if paired:
        return float(TTestPower().power(effect_size=d, nobs=n, alpha=alpha / 2, alternative="larger"))
    return float(TTestIndPower().power(effect_size=d, nobs1=n, ratio=1.0, alpha=alpha / 2, alternative="larger"))


def tost(d, n, paired, alpha):
    """Exact TOST power at a true difference of 0, margin d standard deviations: both one-sided
    tests at alpha. With V ~ chi2(df), s/sigma = sqrt(V/df): P = E[max(0, 2 Phi(delta - c sqrt(V/df)) - 1)]."""
    df, delta = df_of(n, paired), d * scale(n, paired)
    c = st.t.ppf(1 - alpha, df)
    upper = df * (delta / c) ** 2   # beyond it the interval is wider than the margins: no power
    f = lambda v: (2 * st.norm.cdf(delta - c * math.sqrt(v / df)) - 1) * st.chi2.pdf(v, df)
    # The chi-square density is negligible beyond df + 40 sd; its peak is passed to quad as a break point.
    upper = min(upper, df + 40 * math.sqrt(2 * df))
    value, _ = integrate.quad(f, 0, upper, epsabs=1e-14, epsrel=1e-12, limit=500,
                              points=[df] if df < upper else None)
    return float(value)


def solve(d, paired, alpha):
    """statsmodels' solve_power for n (fractional), and the same root by brentq to 1e-12."""
    if paired:
        sm = TTestPower().solve_power(effect_size=d, alpha=alpha / 2, power=0.8, alternative="larger")
    else:
        sm = TTestIndPower().solve_power(effect_size=d, alpha=alpha / 2, power=0.8, ratio=1.0, alternative="larger")
    tight = optimize.brentq(lambda n: one_tail(d, n, paired, alpha) - 0.8, 2.0, 5000.0, xtol=1e-12, rtol=1e-15)
    return float(np.asarray(sm).ravel()[0]), float(tight)


def solve_tost(d, paired, alpha):
    return float(optimize.brentq(lambda n: tost(d, n, paired, alpha) - 0.8, 2.0, 5000.0, xtol=1e-12, rtol=1e-15))


def seeds(n_fractional, power_at):
    """The smallest whole number of seeds (at least 2) with power >= 0.8."""
    n = max(2, math.ceil(n_fractional - 1e-9))
    while power_at(n) < 0.8:
        n += 1
    while n > 2 and power_at(n - 1) >= 0.8:
        n -= 1
    return n


alphas = [0.05, 0.05 / 2, 0.05 / 3]
power = []
for paired in [True, False]:
    for alpha in alphas:
        for d in [0.3, 0.5, 1.0, 2.0]:
            for n in [2, 3, 5, 10, 30]:
                power.append({"effect": d, "n": n, "paired": paired, "alpha": alpha,
                              "one_tail": one_tail(d, n, paired, alpha), "tost": tost(d, n, paired, alpha)})

needed = []
for paired in [True, False]:
    for alpha in alphas:
        for d in [0.25, 0.5, 1.0, 2.0]:
            sm, tight = solve(d, paired, alpha)
            t = solve_tost(d, paired, alpha) if d >= 0.5 or paired else None
            needed.append({"effect": d, "paired": paired, "alpha": alpha,
                           "n_statsmodels": sm, "n": tight, "seeds": seeds(tight, lambda k: one_tail(d, k, paired, alpha)),
                           "n_tost": t, "seeds_tost": seeds(t, lambda k: tost(d, k, paired, alpha)) if t else None})

out = {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__, "power": power, "needed": needed}
path = pathlib.Path(__file__).resolve().parent.parent / "Tests/RepriseRunnerTests/Fixtures/power-statsmodels.json"
path.write_text(json.dumps(out, indent=1) + "\n")
gap = max(abs(r["n_statsmodels"] - r["n"]) / r["n"] for r in needed)
print(f"wrote {path}: {len(power)} powers, {len(needed)} sample sizes (statsmodels {statsmodels.__version__}, SciPy {scipy.__version__}; "
      f"solve_power within {gap:.1e} of brentq)")
