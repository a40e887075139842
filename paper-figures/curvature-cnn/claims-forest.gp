# gnuplot script written by `reprise figures curvature-cnn`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,396 font "sans,11"
set output "claims-forest.png"
set multiplot title 'Curvature rescaling on a CNN: the regimes of rho and the cost of dᵀHd through convolutions (reconstruction, Fashion-MNIST): each claim’s test' font ',12' noenhanced
# panel 1: trend
set tmargin at screen 0.80303
set bmargin at screen 0.606061
set lmargin at screen 0.323333
set rmargin at screen 0.7
set border 31
set xtics
set title 'trend: Page’s z (± 1.96)' font ',10' noenhanced offset 0,-0.4
set yrange [3.5:0.5]
set ytics ('claim 1 · SGD direction · train_loss increasing along rho' 1, 'claim 2 · SGD direction · distance_from_init increasing along rho' 2, 'claim 3 · SGD direction · same_batch_lowered decreasing along rho' 3) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-1.14683:4.82107]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '1.225 [-0.7353, 3.185] INCONCLUSIVE · Holm p 0.221' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set label '2.449 [0.4895, 4.409] HOLDS · p 0.0143' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '2.205 [0.2445, 4.165] HOLDS · p 0.0275' at graph 1.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: ratio
set tmargin at screen 0.40404
set bmargin at screen 0.141414
set lmargin at screen 0.323333
set rmargin at screen 0.7
set border 31
set xtics
set title 'ratio of costs (log axis; 95 % interval, a point when counted)' font ',10' noenhanced offset 0,-0.4
set yrange [4.5:0.5]
set ytics ('claim 4 · cost · rescaled, Taylor mode / gradient step' 1, 'claim 5 · cost · rescaled, Taylor mode / gradient step' 2, 'claim 6 · cost · rescaled, reuse mode / gradient step' 3, 'claim 7 · cost · rescaled, reuse mode / gradient step' 4) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
set logscale x
set xrange [0.886752:2.75297]
set format x "%.4g"
set xtics ("0.97" 0.97, "1.2" 1.2, "1.4" 1.4, "1.7" 1.7, "2.1" 2.1, "2.5" 2.5)
set arrow from first 1, graph 0 to first 1, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first 2.25, first 0.58 to first 2.25, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '2.303 [2.174, 2.441] INCONCLUSIVE · p 1' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 1.25, first 1.58 to first 1.25, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.005 HOLDS · exact' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first 1.75, first 2.58 to first 1.75, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '2.058 [1.992, 2.126] FAILS · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 2.25, first 3.58 to first 2.25, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '2 HOLDS · exact' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
set terminal svg size 1500,396 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'Curvature rescaling on a CNN: the regimes of rho and the cost of dᵀHd through convolutions (reconstruction, Fashion-MNIST): each claim’s test' font ',12' noenhanced
# panel 1: trend
set tmargin at screen 0.80303
set bmargin at screen 0.606061
set lmargin at screen 0.323333
set rmargin at screen 0.7
set border 31
set xtics
set title 'trend: Page’s z (± 1.96)' font ',10' noenhanced offset 0,-0.4
set yrange [3.5:0.5]
set ytics ('claim 1 · SGD direction · train_loss increasing along rho' 1, 'claim 2 · SGD direction · distance_from_init increasing along rho' 2, 'claim 3 · SGD direction · same_batch_lowered decreasing along rho' 3) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-1.14683:4.82107]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '1.225 [-0.7353, 3.185] INCONCLUSIVE · Holm p 0.221' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set label '2.449 [0.4895, 4.409] HOLDS · p 0.0143' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '2.205 [0.2445, 4.165] HOLDS · p 0.0275' at graph 1.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: ratio
set tmargin at screen 0.40404
set bmargin at screen 0.141414
set lmargin at screen 0.323333
set rmargin at screen 0.7
set border 31
set xtics
set title 'ratio of costs (log axis; 95 % interval, a point when counted)' font ',10' noenhanced offset 0,-0.4
set yrange [4.5:0.5]
set ytics ('claim 4 · cost · rescaled, Taylor mode / gradient step' 1, 'claim 5 · cost · rescaled, Taylor mode / gradient step' 2, 'claim 6 · cost · rescaled, reuse mode / gradient step' 3, 'claim 7 · cost · rescaled, reuse mode / gradient step' 4) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
set logscale x
set xrange [0.886752:2.75297]
set format x "%.4g"
set xtics ("0.97" 0.97, "1.2" 1.2, "1.4" 1.4, "1.7" 1.7, "2.1" 2.1, "2.5" 2.5)
set arrow from first 1, graph 0 to first 1, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first 2.25, first 0.58 to first 2.25, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '2.303 [2.174, 2.441] INCONCLUSIVE · p 1' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 1.25, first 1.58 to first 1.25, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.005 HOLDS · exact' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first 1.75, first 2.58 to first 1.75, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '2.058 [1.992, 2.126] FAILS · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 2.25, first 3.58 to first 2.25, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '2 HOLDS · exact' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
unset output
