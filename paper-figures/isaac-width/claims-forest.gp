# gnuplot script written by `reprise figures isaac-width`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,292 font "sans,11"
set output "claims-forest.png"
set multiplot title 'ISAAC: zeta* and zeta vs the gradient, seconds per step at widths 100, 400 and 1600 (Table 2), 5-layer ReLU MLP, Fashion-MNIST, batch 60: each claim’s test' font ',12' noenhanced
# panel 1: ratio
set tmargin at screen 0.732877
set bmargin at screen 0.554795
set lmargin at screen 0.37
set rmargin at screen 0.7
set border 31
set xtics
set title 'ratio of costs (log axis; 95 % interval, a point when counted)' font ',10' noenhanced offset 0,-0.4
set yrange [2.5:0.5]
set ytics ('claim 1 · width 1600 · ζ* / gradient' 1, 'claim 2 · width 100 · ζ* / gradient' 2) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
set logscale x
set xrange [0.848934:1.79915]
set format x "%.4g"
set xtics ("0.9" 0.9, "1" 1, "1.2" 1.2, "1.3" 1.3, "1.5" 1.5, "1.7" 1.7)
set arrow from first 1, graph 0 to first 1, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first 1.25, first 0.58 to first 1.25, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.016 [0.9325, 1.107] HOLDS · p 0.00256' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first 1.25, first 1.58 to first 1.25, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.462 [1.305, 1.638] HOLDS · p 0.0188' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: trend
set tmargin at screen 0.280822
set bmargin at screen 0.191781
set lmargin at screen 0.37
set rmargin at screen 0.7
set border 31
set xtics
set title 'trend: Page’s z (± 1.96)' font ',10' noenhanced offset 0,-0.4
set yrange [1.5:0.5]
set ytics ('claim 3 · across width 100 → width 400 → width 1600 · ζ* / gradient falling' 1) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.409782:5.53206]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '3.162 [1.202, 5.122] HOLDS · p 0.00157' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
set terminal svg size 1500,292 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'ISAAC: zeta* and zeta vs the gradient, seconds per step at widths 100, 400 and 1600 (Table 2), 5-layer ReLU MLP, Fashion-MNIST, batch 60: each claim’s test' font ',12' noenhanced
# panel 1: ratio
set tmargin at screen 0.732877
set bmargin at screen 0.554795
set lmargin at screen 0.37
set rmargin at screen 0.7
set border 31
set xtics
set title 'ratio of costs (log axis; 95 % interval, a point when counted)' font ',10' noenhanced offset 0,-0.4
set yrange [2.5:0.5]
set ytics ('claim 1 · width 1600 · ζ* / gradient' 1, 'claim 2 · width 100 · ζ* / gradient' 2) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
set logscale x
set xrange [0.848934:1.79915]
set format x "%.4g"
set xtics ("0.9" 0.9, "1" 1, "1.2" 1.2, "1.3" 1.3, "1.5" 1.5, "1.7" 1.7)
set arrow from first 1, graph 0 to first 1, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first 1.25, first 0.58 to first 1.25, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.016 [0.9325, 1.107] HOLDS · p 0.00256' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first 1.25, first 1.58 to first 1.25, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.462 [1.305, 1.638] HOLDS · p 0.0188' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: trend
set tmargin at screen 0.280822
set bmargin at screen 0.191781
set lmargin at screen 0.37
set rmargin at screen 0.7
set border 31
set xtics
set title 'trend: Page’s z (± 1.96)' font ',10' noenhanced offset 0,-0.4
set yrange [1.5:0.5]
set ytics ('claim 3 · across width 100 → width 400 → width 1600 · ζ* / gradient falling' 1) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.409782:5.53206]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '3.162 [1.202, 5.122] HOLDS · p 0.00157' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
unset output
