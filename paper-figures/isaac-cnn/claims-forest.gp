# gnuplot script written by `reprise figures isaac-cnn`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,424 font "sans,11"
set output "claims-forest.png"
set multiplot title 'ISAAC: zeta* on the dense layers of a CNN (Fig. 6’s setting) vs SGD and Adam, Fashion-MNIST: each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.816038
set bmargin at screen 0.693396
set lmargin at screen 0.253333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final train_loss (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [2.5:0.5]
set ytics ('claim 1 · – · ζ* last layer 0.4051 vs SGD 0.4503' 1, 'claim 4 · – · ζ* dense layers 0.3558 vs SGD 0.4503' 2) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0115049:0.155317]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.04523 [0.01415, 0.07631] HOLDS · p 0.00934' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.09453 [0.04526, 0.1438] HOLDS · p 0.00188' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: difference
set tmargin at screen 0.504717
set bmargin at screen 0.382075
set lmargin at screen 0.253333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [2.5:0.5]
set ytics ('claim 2 · – · ζ* last layer 0.7321 vs SGD 0.7022' 1, 'claim 3 · – · ζ* last layer 0.7321 vs Adam 0.8179' 2) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.139701:0.0657004]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first -0.01, first 0.58 to first -0.01, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0299 [0.008265, 0.05153] HOLDS · p 0.0024' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 1.58 to first -0.01, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0858 [-0.1255, -0.04606] FAILS · p 1' at graph 1.01, first 2 left font ',9' tc rgb '#b00000' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 3: ratio
set tmargin at screen 0.193396
set bmargin at screen 0.132075
set lmargin at screen 0.253333
set rmargin at screen 0.7
set border 31
set xtics
set title 'ratio of costs (log axis; 95 % interval, a point when counted)' font ',10' noenhanced offset 0,-0.4
set yrange [1.5:0.5]
set ytics ('claim 5 · – · ζ* last layer / SGD' 1) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
set logscale x
set xrange [0.910494:1.17846]
set format x "%.4g"
set xtics ("0.93" 0.93, "0.97" 0.97, "1" 1, "1.1" 1.1, "1.2" 1.2)
set arrow from first 1, graph 0 to first 1, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first 1.11, first 0.58 to first 1.11, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.006 [0.9667, 1.047] HOLDS · p 0.000327' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 2 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
set terminal svg size 1500,424 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'ISAAC: zeta* on the dense layers of a CNN (Fig. 6’s setting) vs SGD and Adam, Fashion-MNIST: each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.816038
set bmargin at screen 0.693396
set lmargin at screen 0.253333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final train_loss (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [2.5:0.5]
set ytics ('claim 1 · – · ζ* last layer 0.4051 vs SGD 0.4503' 1, 'claim 4 · – · ζ* dense layers 0.3558 vs SGD 0.4503' 2) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0115049:0.155317]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.04523 [0.01415, 0.07631] HOLDS · p 0.00934' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.09453 [0.04526, 0.1438] HOLDS · p 0.00188' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: difference
set tmargin at screen 0.504717
set bmargin at screen 0.382075
set lmargin at screen 0.253333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [2.5:0.5]
set ytics ('claim 2 · – · ζ* last layer 0.7321 vs SGD 0.7022' 1, 'claim 3 · – · ζ* last layer 0.7321 vs Adam 0.8179' 2) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.139701:0.0657004]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first -0.01, first 0.58 to first -0.01, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0299 [0.008265, 0.05153] HOLDS · p 0.0024' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 1.58 to first -0.01, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0858 [-0.1255, -0.04606] FAILS · p 1' at graph 1.01, first 2 left font ',9' tc rgb '#b00000' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 3: ratio
set tmargin at screen 0.193396
set bmargin at screen 0.132075
set lmargin at screen 0.253333
set rmargin at screen 0.7
set border 31
set xtics
set title 'ratio of costs (log axis; 95 % interval, a point when counted)' font ',10' noenhanced offset 0,-0.4
set yrange [1.5:0.5]
set ytics ('claim 5 · – · ζ* last layer / SGD' 1) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
set logscale x
set xrange [0.910494:1.17846]
set format x "%.4g"
set xtics ("0.93" 0.93, "0.97" 0.97, "1" 1, "1.1" 1.1, "1.2" 1.2)
set arrow from first 1, graph 0 to first 1, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first 1.11, first 0.58 to first 1.11, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.006 [0.9667, 1.047] HOLDS · p 0.000327' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 2 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
unset output
