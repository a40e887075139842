# gnuplot script written by `reprise figures curvature-vs-tuned`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,610 font "sans,11"
set output "claims-forest.png"
set multiplot title 'Curvature rescaling with exponential decay vs tuned optimisers (reconstruction, Fashion-MNIST MLP): each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.872131
set bmargin at screen 0.531148
set lmargin at screen 0.472667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [8.5:0.5]
set ytics ('claim 1 · SGD · SGD rescaled 0.7813 vs SGD tuned 0.7101' 1, 'claim 2 · momentum · momentum rescaled 0.8295 vs momentum tuned 0.8232' 2, 'claim 3 · Adam · Adam rescaled 0.8403 vs Adam tuned 0.8305' 3, 'claim 7 · SGD · SGD rescaled 0.7813 vs SGD decayed, tuned 0.7718' 4, 'claim 8 · momentum · momentum rescaled 0.8295 vs momentum decayed, tuned 0.8329' 5, 'claim 9 · Adam · Adam rescaled 0.8403 vs Adam decayed, tuned 0.8447' 6, 'claim 10 · SGD · SGD rescaled 0.7813 vs the best, SGD rescaled rho_decay=0.5 0.7843' 7, 'claim 10 · SGD · SGD rescaled rho_decay=0.9 0.7604 vs the best, SGD rescaled rho_decay=0.5 0.7843' 8) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0589784:0.134099]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first -0.01, first 0.58 to first -0.01, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.07125 [0.02172, 0.1208] HOLDS · Holm p 0.00968' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 1.58 to first -0.01, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.00627 [-0.004028, 0.01657] HOLDS · p 0.00599' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 2.58 to first -0.01, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.00975 [-0.01022, 0.02972] INCONCLUSIVE · p 0.052' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 3.58 to first -0.01, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.00953 [-0.01848, 0.03754] INCONCLUSIVE · p 0.149' at graph 1.01, first 4 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 4.58 to first -0.01, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.00346 [-0.01281, 0.005886] INCONCLUSIVE · p 0.148' at graph 1.01, first 5 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 5.58 to first -0.01, first 6.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.00438 [-0.02179, 0.01303] INCONCLUSIVE · p 0.484' at graph 1.01, first 6 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 6.58 to first -0.01, first 7.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.00298 [-0.009348, 0.003388] HOLDS · p 0.0342' at graph 1.01, first 7 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 7.58 to first -0.01, first 8.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.02398 [-0.04566, -0.002297] INCONCLUSIVE · p 1' at graph 1.01, first 8 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: ratio
set tmargin at screen 0.4
set bmargin at screen 0.229508
set lmargin at screen 0.472667
set rmargin at screen 0.7
set border 31
set xtics
set title 'ratio of costs (log axis; 95 % interval, a point when counted)' font ',10' noenhanced offset 0,-0.4
set yrange [4.5:0.5]
set ytics ('claim 11 · SGD · SGD rescaled / SGD tuned' 1, 'claim 12 · SGD · SGD rescaled / SGD tuned' 2, 'claim 13 · SGD · SGD rescaled, reuse mode / SGD tuned' 3, 'claim 14 · SGD · SGD rescaled, reuse mode / SGD tuned' 4) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
set logscale x
set xrange [0.885484:2.80667]
set format x "%.4g"
set xtics ("0.97" 0.97, "1.2" 1.2, "1.4" 1.4, "1.7" 1.7, "2.1" 2.1, "2.5" 2.5)
set arrow from first 1, graph 0 to first 1, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first 2.25, first 0.58 to first 2.25, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '2.338 [2.199, 2.485] INCONCLUSIVE · p 1' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 1.25, first 1.58 to first 1.25, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.266 FAILS · p 1' at graph 1.01, first 2 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 1.75, first 2.58 to first 1.75, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.792 [1.719, 1.869] INCONCLUSIVE · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 2.25, first 3.58 to first 2.25, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '2 HOLDS · exact' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# the rows without an interval
set tmargin at screen 0.154098
set bmargin at screen 0.0163934
set lmargin at screen 0.02
set rmargin at screen 0.98
unset title
unset border
unset tics
unset grid
unset arrow
set xrange [0:1]
set yrange [3.5:-0.5]
set label 'without an interval (spread: Brown–Forsythe; or nothing compared), listed with their verdict:' at graph 0, first 0 left font ',10' noenhanced
set label 'claim 4 · SGD · SGD rescaled vs SGD tuned: mean absolute deviation from the median 0.00925 vs 0.05048, Brown–Forsythe W 6.294, p 0.0219 (10 and 10 seeds) — HOLDS · p 0.0219' at graph 0.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label 'claim 5 · momentum · momentum rescaled vs momentum tuned: mean absolute deviation from the median 0.00606 vs 0.00867, Brown–Forsythe W 0.4742, p 0.5 (10 and 10 seeds) — INCONCLUSIVE · p 0.5' at graph 0.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set label 'claim 6 · Adam · Adam rescaled vs Adam tuned: mean absolute deviation from the median 0.00998 vs 0.00723, Brown–Forsythe W 0.1203, p 0.733 (10 and 10 seeds) — INCONCLUSIVE · p 1' at graph 0.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
plot NaN notitle
unset label
unset multiplot
set terminal svg size 1500,610 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'Curvature rescaling with exponential decay vs tuned optimisers (reconstruction, Fashion-MNIST MLP): each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.872131
set bmargin at screen 0.531148
set lmargin at screen 0.472667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [8.5:0.5]
set ytics ('claim 1 · SGD · SGD rescaled 0.7813 vs SGD tuned 0.7101' 1, 'claim 2 · momentum · momentum rescaled 0.8295 vs momentum tuned 0.8232' 2, 'claim 3 · Adam · Adam rescaled 0.8403 vs Adam tuned 0.8305' 3, 'claim 7 · SGD · SGD rescaled 0.7813 vs SGD decayed, tuned 0.7718' 4, 'claim 8 · momentum · momentum rescaled 0.8295 vs momentum decayed, tuned 0.8329' 5, 'claim 9 · Adam · Adam rescaled 0.8403 vs Adam decayed, tuned 0.8447' 6, 'claim 10 · SGD · SGD rescaled 0.7813 vs the best, SGD rescaled rho_decay=0.5 0.7843' 7, 'claim 10 · SGD · SGD rescaled rho_decay=0.9 0.7604 vs the best, SGD rescaled rho_decay=0.5 0.7843' 8) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0589784:0.134099]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first -0.01, first 0.58 to first -0.01, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.07125 [0.02172, 0.1208] HOLDS · Holm p 0.00968' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 1.58 to first -0.01, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.00627 [-0.004028, 0.01657] HOLDS · p 0.00599' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 2.58 to first -0.01, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.00975 [-0.01022, 0.02972] INCONCLUSIVE · p 0.052' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 3.58 to first -0.01, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.00953 [-0.01848, 0.03754] INCONCLUSIVE · p 0.149' at graph 1.01, first 4 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 4.58 to first -0.01, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.00346 [-0.01281, 0.005886] INCONCLUSIVE · p 0.148' at graph 1.01, first 5 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 5.58 to first -0.01, first 6.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.00438 [-0.02179, 0.01303] INCONCLUSIVE · p 0.484' at graph 1.01, first 6 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 6.58 to first -0.01, first 7.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.00298 [-0.009348, 0.003388] HOLDS · p 0.0342' at graph 1.01, first 7 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 7.58 to first -0.01, first 8.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.02398 [-0.04566, -0.002297] INCONCLUSIVE · p 1' at graph 1.01, first 8 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: ratio
set tmargin at screen 0.4
set bmargin at screen 0.229508
set lmargin at screen 0.472667
set rmargin at screen 0.7
set border 31
set xtics
set title 'ratio of costs (log axis; 95 % interval, a point when counted)' font ',10' noenhanced offset 0,-0.4
set yrange [4.5:0.5]
set ytics ('claim 11 · SGD · SGD rescaled / SGD tuned' 1, 'claim 12 · SGD · SGD rescaled / SGD tuned' 2, 'claim 13 · SGD · SGD rescaled, reuse mode / SGD tuned' 3, 'claim 14 · SGD · SGD rescaled, reuse mode / SGD tuned' 4) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
set logscale x
set xrange [0.885484:2.80667]
set format x "%.4g"
set xtics ("0.97" 0.97, "1.2" 1.2, "1.4" 1.4, "1.7" 1.7, "2.1" 2.1, "2.5" 2.5)
set arrow from first 1, graph 0 to first 1, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first 2.25, first 0.58 to first 2.25, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '2.338 [2.199, 2.485] INCONCLUSIVE · p 1' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 1.25, first 1.58 to first 1.25, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.266 FAILS · p 1' at graph 1.01, first 2 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 1.75, first 2.58 to first 1.75, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.792 [1.719, 1.869] INCONCLUSIVE · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 2.25, first 3.58 to first 2.25, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '2 HOLDS · exact' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# the rows without an interval
set tmargin at screen 0.154098
set bmargin at screen 0.0163934
set lmargin at screen 0.02
set rmargin at screen 0.98
unset title
unset border
unset tics
unset grid
unset arrow
set xrange [0:1]
set yrange [3.5:-0.5]
set label 'without an interval (spread: Brown–Forsythe; or nothing compared), listed with their verdict:' at graph 0, first 0 left font ',10' noenhanced
set label 'claim 4 · SGD · SGD rescaled vs SGD tuned: mean absolute deviation from the median 0.00925 vs 0.05048, Brown–Forsythe W 6.294, p 0.0219 (10 and 10 seeds) — HOLDS · p 0.0219' at graph 0.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label 'claim 5 · momentum · momentum rescaled vs momentum tuned: mean absolute deviation from the median 0.00606 vs 0.00867, Brown–Forsythe W 0.4742, p 0.5 (10 and 10 seeds) — INCONCLUSIVE · p 0.5' at graph 0.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set label 'claim 6 · Adam · Adam rescaled vs Adam tuned: mean absolute deviation from the median 0.00998 vs 0.00723, Brown–Forsythe W 0.1203, p 0.733 (10 and 10 seeds) — INCONCLUSIVE · p 1' at graph 0.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
plot NaN notitle
unset label
unset multiplot
unset output
