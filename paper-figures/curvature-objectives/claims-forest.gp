# gnuplot script written by `reprise figures curvature-objectives`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,532 font "sans,11"
set output "claims-forest.png"
set multiplot title 'Curvature rescaling on Rosenbrock and Beale, with and without gradient noise (reconstruction): each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.853383
set bmargin at screen 0.609023
set lmargin at screen 0.449333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final loss, Rosenbrock (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [5.5:0.5]
set ytics ('claim 1 · Rosenbrock · SGD rescaled noise=0.0 1.6425 vs SGD noise=0.0 3.1006' 1, 'claim 2 · Rosenbrock · SGD rescaled noise=0.1 0.0022 vs SGD noise=0.1 3.0991' 2, 'claim 3 · Rosenbrock · momentum rescaled noise=0.0 0.0000 vs momentum noise=0.0 0.0119' 3, 'claim 4 · Rosenbrock · SGD rescaled noise=0.1 0.0022 vs SGD tuned noise=0.1 1.4247' 4, 'claim 5 · Rosenbrock · momentum rescaled noise=0.1 0.4171 vs momentum tuned noise=0.1 0.0121' 5) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-1.58433:3.44807]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '1.458 [1.458, 1.458] HOLDS · exact' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '3.097 [3.093, 3.101] HOLDS · exact' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.01191 [0.01191, 0.01191] HOLDS · exact' at graph 1.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 3.58 to first -0.01, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.422 [1.416, 1.429] HOLDS · exact' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 4.58 to first -0.01, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.405 [-1.237, 0.4273] INCONCLUSIVE · p 1' at graph 1.01, first 5 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: difference
set tmargin at screen 0.458647
set bmargin at screen 0.263158
set lmargin at screen 0.449333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final loss, Beale (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [4.5:0.5]
set ytics ('claim 1 · Beale · SGD rescaled noise=0.0 0.0000 vs SGD noise=0.0 0.0075' 1, 'claim 2 · Beale · SGD rescaled noise=0.1 0.0174 vs SGD noise=0.1 0.0076' 2, 'claim 4 · Beale · SGD rescaled noise=0.1 0.0174 vs SGD tuned noise=0.1 0.0003' 3, 'claim 5 · Beale · momentum rescaled noise=0.1 0.1471 vs momentum tuned noise=0.1 0.0001' 4) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.41625:0.12229]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.007469 [0.007469, 0.007469] HOLDS · exact' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '-0.009776 [-0.03664, 0.01709] INCONCLUSIVE · p 1' at graph 1.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 2.58 to first -0.01, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.01705 [-0.04398, 0.00988] INCONCLUSIVE · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 3.58 to first -0.01, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.147 [-0.3791, 0.08515] INCONCLUSIVE · p 1' at graph 1.01, first 4 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# the rows without an interval
set tmargin at screen 0.176692
set bmargin at screen 0.018797
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
set label 'claim 3 · Beale · –: not checked (every run of momentum noise=0.0 diverged (10 of 10): no value to compare) — NOT TESTED' at graph 0.01, first 1 left font ',9' tc rgb '#555555' noenhanced
set label 'claim 6 · Rosenbrock · SGD rescaled noise=0.1 vs SGD tuned noise=0.1: mean absolute deviation from the median 0.001804 vs 0.005253, Brown–Forsythe W 3.394, p 0.082 (10 and 10 seeds) — INCONCLUSIVE · p 0.082' at graph 0.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set label 'claim 6 · Beale · SGD rescaled noise=0.1 vs SGD tuned noise=0.1: mean absolute deviation from the median 0.01692 vs 0.0001563, Brown–Forsythe W 2.013, p 0.173 (10 and 10 seeds) — INCONCLUSIVE · p 1' at graph 0.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
plot NaN notitle
unset label
unset multiplot
set terminal svg size 1500,532 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'Curvature rescaling on Rosenbrock and Beale, with and without gradient noise (reconstruction): each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.853383
set bmargin at screen 0.609023
set lmargin at screen 0.449333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final loss, Rosenbrock (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [5.5:0.5]
set ytics ('claim 1 · Rosenbrock · SGD rescaled noise=0.0 1.6425 vs SGD noise=0.0 3.1006' 1, 'claim 2 · Rosenbrock · SGD rescaled noise=0.1 0.0022 vs SGD noise=0.1 3.0991' 2, 'claim 3 · Rosenbrock · momentum rescaled noise=0.0 0.0000 vs momentum noise=0.0 0.0119' 3, 'claim 4 · Rosenbrock · SGD rescaled noise=0.1 0.0022 vs SGD tuned noise=0.1 1.4247' 4, 'claim 5 · Rosenbrock · momentum rescaled noise=0.1 0.4171 vs momentum tuned noise=0.1 0.0121' 5) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-1.58433:3.44807]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '1.458 [1.458, 1.458] HOLDS · exact' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '3.097 [3.093, 3.101] HOLDS · exact' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.01191 [0.01191, 0.01191] HOLDS · exact' at graph 1.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 3.58 to first -0.01, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.422 [1.416, 1.429] HOLDS · exact' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 4.58 to first -0.01, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.405 [-1.237, 0.4273] INCONCLUSIVE · p 1' at graph 1.01, first 5 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: difference
set tmargin at screen 0.458647
set bmargin at screen 0.263158
set lmargin at screen 0.449333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final loss, Beale (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [4.5:0.5]
set ytics ('claim 1 · Beale · SGD rescaled noise=0.0 0.0000 vs SGD noise=0.0 0.0075' 1, 'claim 2 · Beale · SGD rescaled noise=0.1 0.0174 vs SGD noise=0.1 0.0076' 2, 'claim 4 · Beale · SGD rescaled noise=0.1 0.0174 vs SGD tuned noise=0.1 0.0003' 3, 'claim 5 · Beale · momentum rescaled noise=0.1 0.1471 vs momentum tuned noise=0.1 0.0001' 4) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.41625:0.12229]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.007469 [0.007469, 0.007469] HOLDS · exact' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '-0.009776 [-0.03664, 0.01709] INCONCLUSIVE · p 1' at graph 1.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 2.58 to first -0.01, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.01705 [-0.04398, 0.00988] INCONCLUSIVE · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 3.58 to first -0.01, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.147 [-0.3791, 0.08515] INCONCLUSIVE · p 1' at graph 1.01, first 4 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# the rows without an interval
set tmargin at screen 0.176692
set bmargin at screen 0.018797
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
set label 'claim 3 · Beale · –: not checked (every run of momentum noise=0.0 diverged (10 of 10): no value to compare) — NOT TESTED' at graph 0.01, first 1 left font ',9' tc rgb '#555555' noenhanced
set label 'claim 6 · Rosenbrock · SGD rescaled noise=0.1 vs SGD tuned noise=0.1: mean absolute deviation from the median 0.001804 vs 0.005253, Brown–Forsythe W 3.394, p 0.082 (10 and 10 seeds) — INCONCLUSIVE · p 0.082' at graph 0.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set label 'claim 6 · Beale · SGD rescaled noise=0.1 vs SGD tuned noise=0.1: mean absolute deviation from the median 0.01692 vs 0.0001563, Brown–Forsythe W 2.013, p 0.173 (10 and 10 seeds) — INCONCLUSIVE · p 1' at graph 0.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
plot NaN notitle
unset label
unset multiplot
unset output
