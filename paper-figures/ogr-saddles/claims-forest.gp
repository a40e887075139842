# gnuplot script written by `reprise figures ogr-saddles`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,842 font "sans,11"
set output "claims-forest.png"
set multiplot title 'Do saddles repel the saddle-free step? OGR vs plain Newton, GD, momentum, Adam near three saddles: each claim’s test (beyond the paper)' font ',12' noenhanced
# panel 1: rate
set tmargin at screen 0.907363
set bmargin at screen 0.72209
set lmargin at screen 0.374667
set rmargin at screen 0.7
set border 31
set xtics
set title 'rate of the event (Wilson 95 % interval)' font ',10' noenhanced offset 0,-0.4
set yrange [6.5:0.5]
set ytics ('claim 1 · x² − y² + y⁴/4 · OGR saddle-free: escape_steps < 1e+12' 1, 'claim 1 · monkey saddle · OGR saddle-free: escape_steps < 1e+12' 2, 'claim 1 · 100-D saddle · OGR saddle-free: escape_steps < 1e+12' 3, 'claim 2 · x² − y² + y⁴/4 · OGR plain Newton: escape_steps < 1e+12' 4, 'claim 2 · monkey saddle · OGR plain Newton: escape_steps < 1e+12' 5, 'claim 2 · 100-D saddle · OGR plain Newton: escape_steps < 1e+12' 6) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [0:1]
set arrow from first 0.9, first 0.58 to first 0.9, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1 [0.6756, 1] INCONCLUSIVE · Holm p 1' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 0.9, first 1.58 to first 0.9, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.6375 [0.3155, 0.8703] FAILS · Holm p 1' at graph 1.01, first 2 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 0.9, first 2.58 to first 0.9, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1 [0.5655, 1] INCONCLUSIVE · Holm p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 0.1, first 3.58 to first 0.1, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0 [0, 0.3244] INCONCLUSIVE · p 0.346' at graph 1.01, first 4 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 0.1, first 4.58 to first 0.1, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0 [0, 0.3244] INCONCLUSIVE · p 0.346' at graph 1.01, first 5 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 0.1, first 5.58 to first 0.1, first 6.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0 [0, 0.4345] INCONCLUSIVE · p 0.456' at graph 1.01, first 6 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: difference
set tmargin at screen 0.627078
set bmargin at screen 0.534442
set lmargin at screen 0.374667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final escaped_fraction (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [3.5:0.5]
set ytics ('claim 3 · x² − y² + y⁴/4 · OGR saddle-free 1.0000 vs gradient descent 0.9750' 1, 'claim 3 · monkey saddle · OGR saddle-free 0.6375 vs gradient descent 0.0000' 2, 'claim 3 · 100-D saddle · OGR saddle-free 1.0000 vs gradient descent 1.0000' 3) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0687795:0.744336]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.025 [-0.0127, 0.0627] INCONCLUSIVE · p 0.168' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.6375 [0.5867, 0.6883] HOLDS · p 4.0e-10' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0 INCONCLUSIVE · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 3: difference
set tmargin at screen 0.43943
set bmargin at screen 0.346793
set lmargin at screen 0.374667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final mean_escape_step (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [3.5:0.5]
set ytics ('claim 4 · x² − y² + y⁴/4 · OGR saddle-free 23.0500 vs Adam 15.2500' 1, 'claim 4 · monkey saddle · OGR saddle-free 75.2133 vs Adam 16.1000' 2, 'claim 4 · 100-D saddle · OGR saddle-free 38.0200 vs Adam 13.3400' 3) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-65.705:4.86704]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '-7.8 [-8.469, -7.131] FAILS · p 1' at graph 1.01, first 1 left font ',9' tc rgb '#b00000' noenhanced
set label '-59.11 [-60.84, -57.39] FAILS · p 1' at graph 1.01, first 2 left font ',9' tc rgb '#b00000' noenhanced
set label '-24.68 [-25, -24.36] FAILS · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b00000' noenhanced
plot 'claims-forest.tsv' index 2 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 4: ratio
set tmargin at screen 0.251781
set bmargin at screen 0.0665083
set lmargin at screen 0.374667
set rmargin at screen 0.7
set border 31
set xtics
set title 'ratio of costs (log axis; 95 % interval, a point when counted)' font ',10' noenhanced offset 0,-0.4
set yrange [6.5:0.5]
set ytics ('claim 5 · x² − y² + y⁴/4 · OGR saddle-free / Adam' 1, 'claim 5 · x² − y² + y⁴/4 · OGR saddle-free / gradient descent' 2, 'claim 5 · monkey saddle · OGR saddle-free / Adam' 3, 'claim 5 · monkey saddle · OGR saddle-free / gradient descent' 4, 'claim 5 · 100-D saddle · OGR saddle-free / Adam' 5, 'claim 5 · 100-D saddle · OGR saddle-free / gradient descent' 6) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
set logscale x
set xrange [0.577346:903.13]
set format x "%.4g"
set arrow from first 1, graph 0 to first 1, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first 2, first 0.58 to first 2, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '8.345 [6.28, 11.09] FAILS · p 1' at graph 1.01, first 1 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 2, first 1.58 to first 2, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '14.08 [11.79, 16.81] FAILS · p 1' at graph 1.01, first 2 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 2, first 2.58 to first 2, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '5.245 [4.089, 6.728] FAILS · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 2, first 3.58 to first 2, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '8.516 [6.568, 11.04] FAILS · p 1' at graph 1.01, first 4 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 2, first 4.58 to first 2, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '437.4 [419.1, 456.4] FAILS · p 1' at graph 1.01, first 5 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 2, first 5.58 to first 2, first 6.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '497.5 [474.7, 521.4] FAILS · p 1' at graph 1.01, first 6 left font ',9' tc rgb '#b00000' noenhanced
plot 'claims-forest.tsv' index 3 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
set terminal svg size 1500,842 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'Do saddles repel the saddle-free step? OGR vs plain Newton, GD, momentum, Adam near three saddles: each claim’s test (beyond the paper)' font ',12' noenhanced
# panel 1: rate
set tmargin at screen 0.907363
set bmargin at screen 0.72209
set lmargin at screen 0.374667
set rmargin at screen 0.7
set border 31
set xtics
set title 'rate of the event (Wilson 95 % interval)' font ',10' noenhanced offset 0,-0.4
set yrange [6.5:0.5]
set ytics ('claim 1 · x² − y² + y⁴/4 · OGR saddle-free: escape_steps < 1e+12' 1, 'claim 1 · monkey saddle · OGR saddle-free: escape_steps < 1e+12' 2, 'claim 1 · 100-D saddle · OGR saddle-free: escape_steps < 1e+12' 3, 'claim 2 · x² − y² + y⁴/4 · OGR plain Newton: escape_steps < 1e+12' 4, 'claim 2 · monkey saddle · OGR plain Newton: escape_steps < 1e+12' 5, 'claim 2 · 100-D saddle · OGR plain Newton: escape_steps < 1e+12' 6) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [0:1]
set arrow from first 0.9, first 0.58 to first 0.9, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1 [0.6756, 1] INCONCLUSIVE · Holm p 1' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 0.9, first 1.58 to first 0.9, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.6375 [0.3155, 0.8703] FAILS · Holm p 1' at graph 1.01, first 2 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 0.9, first 2.58 to first 0.9, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1 [0.5655, 1] INCONCLUSIVE · Holm p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 0.1, first 3.58 to first 0.1, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0 [0, 0.3244] INCONCLUSIVE · p 0.346' at graph 1.01, first 4 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 0.1, first 4.58 to first 0.1, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0 [0, 0.3244] INCONCLUSIVE · p 0.346' at graph 1.01, first 5 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 0.1, first 5.58 to first 0.1, first 6.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0 [0, 0.4345] INCONCLUSIVE · p 0.456' at graph 1.01, first 6 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: difference
set tmargin at screen 0.627078
set bmargin at screen 0.534442
set lmargin at screen 0.374667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final escaped_fraction (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [3.5:0.5]
set ytics ('claim 3 · x² − y² + y⁴/4 · OGR saddle-free 1.0000 vs gradient descent 0.9750' 1, 'claim 3 · monkey saddle · OGR saddle-free 0.6375 vs gradient descent 0.0000' 2, 'claim 3 · 100-D saddle · OGR saddle-free 1.0000 vs gradient descent 1.0000' 3) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0687795:0.744336]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.025 [-0.0127, 0.0627] INCONCLUSIVE · p 0.168' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.6375 [0.5867, 0.6883] HOLDS · p 4.0e-10' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0 INCONCLUSIVE · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 3: difference
set tmargin at screen 0.43943
set bmargin at screen 0.346793
set lmargin at screen 0.374667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final mean_escape_step (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [3.5:0.5]
set ytics ('claim 4 · x² − y² + y⁴/4 · OGR saddle-free 23.0500 vs Adam 15.2500' 1, 'claim 4 · monkey saddle · OGR saddle-free 75.2133 vs Adam 16.1000' 2, 'claim 4 · 100-D saddle · OGR saddle-free 38.0200 vs Adam 13.3400' 3) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-65.705:4.86704]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '-7.8 [-8.469, -7.131] FAILS · p 1' at graph 1.01, first 1 left font ',9' tc rgb '#b00000' noenhanced
set label '-59.11 [-60.84, -57.39] FAILS · p 1' at graph 1.01, first 2 left font ',9' tc rgb '#b00000' noenhanced
set label '-24.68 [-25, -24.36] FAILS · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b00000' noenhanced
plot 'claims-forest.tsv' index 2 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 4: ratio
set tmargin at screen 0.251781
set bmargin at screen 0.0665083
set lmargin at screen 0.374667
set rmargin at screen 0.7
set border 31
set xtics
set title 'ratio of costs (log axis; 95 % interval, a point when counted)' font ',10' noenhanced offset 0,-0.4
set yrange [6.5:0.5]
set ytics ('claim 5 · x² − y² + y⁴/4 · OGR saddle-free / Adam' 1, 'claim 5 · x² − y² + y⁴/4 · OGR saddle-free / gradient descent' 2, 'claim 5 · monkey saddle · OGR saddle-free / Adam' 3, 'claim 5 · monkey saddle · OGR saddle-free / gradient descent' 4, 'claim 5 · 100-D saddle · OGR saddle-free / Adam' 5, 'claim 5 · 100-D saddle · OGR saddle-free / gradient descent' 6) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
set logscale x
set xrange [0.577346:903.13]
set format x "%.4g"
set arrow from first 1, graph 0 to first 1, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first 2, first 0.58 to first 2, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '8.345 [6.28, 11.09] FAILS · p 1' at graph 1.01, first 1 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 2, first 1.58 to first 2, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '14.08 [11.79, 16.81] FAILS · p 1' at graph 1.01, first 2 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 2, first 2.58 to first 2, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '5.245 [4.089, 6.728] FAILS · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 2, first 3.58 to first 2, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '8.516 [6.568, 11.04] FAILS · p 1' at graph 1.01, first 4 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 2, first 4.58 to first 2, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '437.4 [419.1, 456.4] FAILS · p 1' at graph 1.01, first 5 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 2, first 5.58 to first 2, first 6.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '497.5 [474.7, 521.4] FAILS · p 1' at graph 1.01, first 6 left font ',9' tc rgb '#b00000' noenhanced
plot 'claims-forest.tsv' index 3 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
unset output
