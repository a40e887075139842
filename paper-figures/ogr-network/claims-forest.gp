# gnuplot script written by `reprise figures ogr-network`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,160 font "sans,11"
set output "claims-forest.png"
set multiplot title 'OGR on a network (beyond the paper): dOGR and sOGR d=10 vs Adam and momentum, Fashion-MNIST MLP: each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.5125
set bmargin at screen 0.35
set lmargin at screen 0.22
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [1.5:0.5]
set ytics ('claim 1 · – · dOGR 0.8201 vs Adam 0.8220' 1) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.011072:0.0044722]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first -0.01, first 0.58 to first -0.01, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.00194 [-0.00728, 0.0034] HOLDS · p 0.0077' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
set terminal svg size 1500,160 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'OGR on a network (beyond the paper): dOGR and sOGR d=10 vs Adam and momentum, Fashion-MNIST MLP: each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.5125
set bmargin at screen 0.35
set lmargin at screen 0.22
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [1.5:0.5]
set ytics ('claim 1 · – · dOGR 0.8201 vs Adam 0.8220' 1) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.011072:0.0044722]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first -0.01, first 0.58 to first -0.01, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.00194 [-0.00728, 0.0034] HOLDS · p 0.0077' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
unset output
