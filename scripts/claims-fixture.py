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

out = {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__, "cases": cases, "holm": holm, "quantiles": quantiles}
path = pathlib.Path(__file__).resolve().parent.parent / "Tests/RepriseRunnerTests/Fixtures/claims-scipy.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {path}: {len(cases)} comparisons, {len(holm)} Holm families, {len(quantiles)} quantiles (SciPy {scipy.__version__})")
