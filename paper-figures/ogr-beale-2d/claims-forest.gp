# gnuplot script written by `reprise figures ogr-beale-2d`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,186 font "sans,11"
set output "claims-forest.png"
set multiplot title 'OGR vs momentum and Adam on Beale, 15 starts, 30 noisy steps (Duda, Fig. 1): each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.580645
set bmargin at screen 0.301075
set lmargin at screen 0.220667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final loss (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [2.5:0.5]
set ytics ('claim 1 · – · OGR 0.0534 vs momentum 1.0986' 1, 'claim 1 · – · OGR 0.0534 vs Adam 0.3749' 2) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0921119:1.24351]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '1.045 [0.939, 1.151] HOLDS · Holm p 3.1e-13' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.3215 [0.3034, 0.3396] HOLDS · Holm p 3.1e-13' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
set terminal svg size 1500,186 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'OGR vs momentum and Adam on Beale, 15 starts, 30 noisy steps (Duda, Fig. 1): each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.580645
set bmargin at screen 0.301075
set lmargin at screen 0.220667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final loss (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [2.5:0.5]
set ytics ('claim 1 · – · OGR 0.0534 vs momentum 1.0986' 1, 'claim 1 · – · OGR 0.0534 vs Adam 0.3749' 2) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0921119:1.24351]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '1.045 [0.939, 1.151] HOLDS · Holm p 3.1e-13' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.3215 [0.3034, 0.3396] HOLDS · Holm p 3.1e-13' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
unset output
