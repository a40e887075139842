# gnuplot script written by `reprise figures taso-vs-adaptive`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,474 font "sans,11"
set output "claims-forest.png"
set multiplot title 'TASO against adaptive methods, default and validated hyperparameters (Fashion-MNIST MLP): each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.835443
set bmargin at screen 0.451477
set lmargin at screen 0.332667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [7.5:0.5]
set ytics ('claim 1 · validated hyperparameters · TASO 0.8652 vs Adam 0.8492' 1, 'claim 1 · validated hyperparameters · TASO 0.8652 vs RMSProp 0.8399' 2, 'claim 1 · validated hyperparameters · TASO 0.8652 vs Adagrad 0.8576' 3, 'claim 3 · default hyperparameters · TASO 0.8542 vs HTD 0.8552' 4, 'claim 3 · default hyperparameters · TASO 0.8542 vs cosine 0.8564' 5, 'claim 3 · validated hyperparameters · TASO 0.8652 vs HTD 0.8659' 6, 'claim 3 · validated hyperparameters · TASO 0.8652 vs cosine 0.8647' 7) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0142458:0.0473184]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.01607 [0.008997, 0.02314] HOLDS · Holm p 0.0305' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.02536 [0.007647, 0.04307] HOLDS · Holm p 0.0305' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.00765 [0.004467, 0.01083] HOLDS · Holm p 0.0305' at graph 1.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 3.58 to first -0.01, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.00098 [-0.002932, 0.0009723] HOLDS · p 2.5e-06' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 4.58 to first -0.01, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.00214 [-0.004252, -2.752e-05] HOLDS · p 1.5e-05' at graph 1.01, first 5 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 5.58 to first -0.01, first 6.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.00062 [-0.001141, -9.888e-05] HOLDS · p 1.6e-11' at graph 1.01, first 6 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 6.58 to first -0.01, first 7.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.00053 [-0.0004421, 0.001502] HOLDS · p 1.5e-09' at graph 1.01, first 7 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: difference
set tmargin at screen 0.2827
set bmargin at screen 0.118143
set lmargin at screen 0.332667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: best test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [3.5:0.5]
set ytics ('claim 2 · validated hyperparameters · TASO 0.8658 vs Adam 0.8611' 1, 'claim 2 · validated hyperparameters · TASO 0.8658 vs RMSProp 0.8582' 2, 'claim 2 · validated hyperparameters · TASO 0.8658 vs Adagrad 0.8614' 3) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.000808903:0.0109202]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.00465 [0.001971, 0.007329] HOLDS · p 0.00348' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.00757 [0.005029, 0.01011] HOLDS · p 8.5e-05' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.00438 [0.002333, 0.006427] HOLDS · p 0.00092' at graph 1.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
set terminal svg size 1500,474 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'TASO against adaptive methods, default and validated hyperparameters (Fashion-MNIST MLP): each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.835443
set bmargin at screen 0.451477
set lmargin at screen 0.332667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [7.5:0.5]
set ytics ('claim 1 · validated hyperparameters · TASO 0.8652 vs Adam 0.8492' 1, 'claim 1 · validated hyperparameters · TASO 0.8652 vs RMSProp 0.8399' 2, 'claim 1 · validated hyperparameters · TASO 0.8652 vs Adagrad 0.8576' 3, 'claim 3 · default hyperparameters · TASO 0.8542 vs HTD 0.8552' 4, 'claim 3 · default hyperparameters · TASO 0.8542 vs cosine 0.8564' 5, 'claim 3 · validated hyperparameters · TASO 0.8652 vs HTD 0.8659' 6, 'claim 3 · validated hyperparameters · TASO 0.8652 vs cosine 0.8647' 7) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0142458:0.0473184]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.01607 [0.008997, 0.02314] HOLDS · Holm p 0.0305' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.02536 [0.007647, 0.04307] HOLDS · Holm p 0.0305' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.00765 [0.004467, 0.01083] HOLDS · Holm p 0.0305' at graph 1.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 3.58 to first -0.01, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.00098 [-0.002932, 0.0009723] HOLDS · p 2.5e-06' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 4.58 to first -0.01, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.00214 [-0.004252, -2.752e-05] HOLDS · p 1.5e-05' at graph 1.01, first 5 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 5.58 to first -0.01, first 6.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.00062 [-0.001141, -9.888e-05] HOLDS · p 1.6e-11' at graph 1.01, first 6 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 6.58 to first -0.01, first 7.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.00053 [-0.0004421, 0.001502] HOLDS · p 1.5e-09' at graph 1.01, first 7 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: difference
set tmargin at screen 0.2827
set bmargin at screen 0.118143
set lmargin at screen 0.332667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: best test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [3.5:0.5]
set ytics ('claim 2 · validated hyperparameters · TASO 0.8658 vs Adam 0.8611' 1, 'claim 2 · validated hyperparameters · TASO 0.8658 vs RMSProp 0.8582' 2, 'claim 2 · validated hyperparameters · TASO 0.8658 vs Adagrad 0.8614' 3) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.000808903:0.0109202]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.00465 [0.001971, 0.007329] HOLDS · p 0.00348' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.00757 [0.005029, 0.01011] HOLDS · p 8.5e-05' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.00438 [0.002333, 0.006427] HOLDS · p 0.00092' at graph 1.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
unset output
