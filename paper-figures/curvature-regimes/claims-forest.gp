# gnuplot script written by `reprise figures curvature-regimes`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,358 font "sans,11"
set output "claims-forest.png"
set multiplot title 'Curvature rescaling: the regimes of rho (reconstruction, Fashion-MNIST MLP): each claim’s test' font ',12' noenhanced
# panel 1: trend
set tmargin at screen 0.782123
set bmargin at screen 0.49162
set lmargin at screen 0.505333
set rmargin at screen 0.7
set border 31
set xtics
set title 'trend: Page’s z (± 1.96)' font ',10' noenhanced offset 0,-0.4
set yrange [4.5:0.5]
set ytics ('claim 2 · SGD direction · same_batch_lowered decreasing along rho' 1, 'claim 2 · momentum direction · same_batch_lowered decreasing along rho' 2, 'claim 3 · SGD direction · distance_from_init increasing along rho' 3, 'claim 3 · momentum direction · distance_from_init increasing along rho' 4) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.776477:10.4824]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '7.193 [5.233, 9.153] HOLDS · p 6.4e-13' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '4.12 [2.16, 6.08] HOLDS · p 3.8e-05' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '7.746 [5.786, 9.706] HOLDS · p 9.5e-15' at graph 1.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
set label '5.292 [3.332, 7.252] HOLDS · p 1.2e-07' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# the rows without an interval
set tmargin at screen 0.363128
set bmargin at screen 0.027933
set lmargin at screen 0.02
set rmargin at screen 0.98
unset title
unset border
unset tics
unset grid
unset arrow
set xrange [0:1]
set yrange [5.5:-0.5]
set label 'without an interval (spread: Brown–Forsythe; or nothing compared), listed with their verdict:' at graph 0, first 0 left font ',10' noenhanced
set label 'claim 1 · SGD direction · train_loss worse at rho ≥ 2 (2, 3, 4) against rho < 2 (0.25, 0.5, 1, 1.5): contrast -0.3836 (Hodges–Lehmann; > 0: better above), p 0.00195 (Wilcoxon signed-rank … — HOLDS · Holm p 0.00586' at graph 0.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label 'claim 1 · momentum direction · train_loss worse at rho ≥ 2 (2, 3, 4) against rho < 2 (0.25, 0.5, 1, 1.5): contrast -inf (Hodges–Lehmann; > 0: better above), p 0.00157 (Wilcoxon signed-ran… — HOLDS · Holm p 0.00586' at graph 0.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label 'claim 1 · Adam direction · train_loss worse at rho ≥ 2 (2, 3, 4) against rho < 2 (0.25, 0.5, 1, 1.5): contrast -inf (Hodges–Lehmann; > 0: better above), p 0.00157 (Wilcoxon signed-rank ov… — HOLDS · Holm p 0.00586' at graph 0.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
set label 'claim 2 · Adam direction · –: INCONCLUSIVE (a trend needs at least 3 arms along rho and 2 seeds all of them ran; found 5 and 1; left out, no finite value stored (diverged): rho = 3, 4) — INCONCLUSIVE' at graph 0.01, first 4 left font ',9' tc rgb '#b26b00' noenhanced
set label 'claim 3 · Adam direction · –: INCONCLUSIVE (a trend needs at least 3 arms along rho and 2 seeds all of them ran; found 5 and 1; left out, no finite value stored (diverged): rho = 3, 4) — INCONCLUSIVE' at graph 0.01, first 5 left font ',9' tc rgb '#b26b00' noenhanced
plot NaN notitle
unset label
unset multiplot
set terminal svg size 1500,358 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'Curvature rescaling: the regimes of rho (reconstruction, Fashion-MNIST MLP): each claim’s test' font ',12' noenhanced
# panel 1: trend
set tmargin at screen 0.782123
set bmargin at screen 0.49162
set lmargin at screen 0.505333
set rmargin at screen 0.7
set border 31
set xtics
set title 'trend: Page’s z (± 1.96)' font ',10' noenhanced offset 0,-0.4
set yrange [4.5:0.5]
set ytics ('claim 2 · SGD direction · same_batch_lowered decreasing along rho' 1, 'claim 2 · momentum direction · same_batch_lowered decreasing along rho' 2, 'claim 3 · SGD direction · distance_from_init increasing along rho' 3, 'claim 3 · momentum direction · distance_from_init increasing along rho' 4) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.776477:10.4824]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '7.193 [5.233, 9.153] HOLDS · p 6.4e-13' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '4.12 [2.16, 6.08] HOLDS · p 3.8e-05' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '7.746 [5.786, 9.706] HOLDS · p 9.5e-15' at graph 1.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
set label '5.292 [3.332, 7.252] HOLDS · p 1.2e-07' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# the rows without an interval
set tmargin at screen 0.363128
set bmargin at screen 0.027933
set lmargin at screen 0.02
set rmargin at screen 0.98
unset title
unset border
unset tics
unset grid
unset arrow
set xrange [0:1]
set yrange [5.5:-0.5]
set label 'without an interval (spread: Brown–Forsythe; or nothing compared), listed with their verdict:' at graph 0, first 0 left font ',10' noenhanced
set label 'claim 1 · SGD direction · train_loss worse at rho ≥ 2 (2, 3, 4) against rho < 2 (0.25, 0.5, 1, 1.5): contrast -0.3836 (Hodges–Lehmann; > 0: better above), p 0.00195 (Wilcoxon signed-rank … — HOLDS · Holm p 0.00586' at graph 0.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label 'claim 1 · momentum direction · train_loss worse at rho ≥ 2 (2, 3, 4) against rho < 2 (0.25, 0.5, 1, 1.5): contrast -inf (Hodges–Lehmann; > 0: better above), p 0.00157 (Wilcoxon signed-ran… — HOLDS · Holm p 0.00586' at graph 0.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label 'claim 1 · Adam direction · train_loss worse at rho ≥ 2 (2, 3, 4) against rho < 2 (0.25, 0.5, 1, 1.5): contrast -inf (Hodges–Lehmann; > 0: better above), p 0.00157 (Wilcoxon signed-rank ov… — HOLDS · Holm p 0.00586' at graph 0.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
set label 'claim 2 · Adam direction · –: INCONCLUSIVE (a trend needs at least 3 arms along rho and 2 seeds all of them ran; found 5 and 1; left out, no finite value stored (diverged): rho = 3, 4) — INCONCLUSIVE' at graph 0.01, first 4 left font ',9' tc rgb '#b26b00' noenhanced
set label 'claim 3 · Adam direction · –: INCONCLUSIVE (a trend needs at least 3 arms along rho and 2 seeds all of them ran; found 5 and 1; left out, no finite value stored (diverged): rho = 3, 4) — INCONCLUSIVE' at graph 0.01, first 5 left font ',9' tc rgb '#b26b00' noenhanced
plot NaN notitle
unset label
unset multiplot
unset output
