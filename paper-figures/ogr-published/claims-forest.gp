# gnuplot script written by `reprise figures ogr-published`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,286 font "sans,11"
set output "claims-forest.png"
set multiplot title 'Duda’s single-draw numbers placed in 200 noise draws: Beale 2-D (15 starts) and 3-D (125, 343 starts): each claim’s test' font ',12' noenhanced
# panel 1: percentile
set tmargin at screen 0.727273
set bmargin at screen 0.363636
set lmargin at screen 0.276667
set rmargin at screen 0.7
set border 31
set xtics
set title 'the paper’s number: percentile in Reprise’s distribution (bootstrap 95 %)' font ',10' noenhanced offset 0,-0.4
set yrange [4.5:0.5]
set ytics ('claim 1 · 2-D, 15 starts · the paper’s 0.0179 in OGR' 1, 'claim 3 · 2-D, 15 starts · the paper’s 0.473 in Adam' 2, 'claim 4 · 3-D, 125 starts · the paper’s 0.00384 in fOGR' 3, 'claim 5 · 3-D, 343 starts · the paper’s 0.142 in Adam' 4) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [0:100]
set arrow from first 2.5, first 0.58 to first 2.5, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set arrow from first 97.5, first 0.58 to first 97.5, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '16 [11, 21] HOLDS' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first 2.5, first 1.58 to first 2.5, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set arrow from first 97.5, first 1.58 to first 97.5, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '93.5 [90, 96.5] HOLDS' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first 2.5, first 2.58 to first 2.5, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set arrow from first 97.5, first 2.58 to first 97.5, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.5 [0, 3.5] INCONCLUSIVE' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 2.5, first 3.58 to first 2.5, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set arrow from first 97.5, first 3.58 to first 97.5, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '29 [23, 35.5] HOLDS' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# the rows without an interval
set tmargin at screen 0.202797
set bmargin at screen 0.034965
set lmargin at screen 0.02
set rmargin at screen 0.98
unset title
unset border
unset tics
unset grid
unset arrow
set xrange [0:1]
set yrange [1.5:-0.5]
set label 'without an interval (spread: Brown–Forsythe; or nothing compared), listed with their verdict:' at graph 0, first 0 left font ',10' noenhanced
set label 'claim 2 · 2-D, 15 starts · –: NOT TESTED (178 seeds; placing the paper’s 1.049 (Fig. 3) within the central 95 % of Reprise’s distribution needs at least 200) — NOT TESTED' at graph 0.01, first 1 left font ',9' tc rgb '#555555' noenhanced
plot NaN notitle
unset label
unset multiplot
set terminal svg size 1500,286 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'Duda’s single-draw numbers placed in 200 noise draws: Beale 2-D (15 starts) and 3-D (125, 343 starts): each claim’s test' font ',12' noenhanced
# panel 1: percentile
set tmargin at screen 0.727273
set bmargin at screen 0.363636
set lmargin at screen 0.276667
set rmargin at screen 0.7
set border 31
set xtics
set title 'the paper’s number: percentile in Reprise’s distribution (bootstrap 95 %)' font ',10' noenhanced offset 0,-0.4
set yrange [4.5:0.5]
set ytics ('claim 1 · 2-D, 15 starts · the paper’s 0.0179 in OGR' 1, 'claim 3 · 2-D, 15 starts · the paper’s 0.473 in Adam' 2, 'claim 4 · 3-D, 125 starts · the paper’s 0.00384 in fOGR' 3, 'claim 5 · 3-D, 343 starts · the paper’s 0.142 in Adam' 4) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [0:100]
set arrow from first 2.5, first 0.58 to first 2.5, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set arrow from first 97.5, first 0.58 to first 97.5, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '16 [11, 21] HOLDS' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first 2.5, first 1.58 to first 2.5, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set arrow from first 97.5, first 1.58 to first 97.5, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '93.5 [90, 96.5] HOLDS' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first 2.5, first 2.58 to first 2.5, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set arrow from first 97.5, first 2.58 to first 97.5, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.5 [0, 3.5] INCONCLUSIVE' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 2.5, first 3.58 to first 2.5, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set arrow from first 97.5, first 3.58 to first 97.5, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '29 [23, 35.5] HOLDS' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# the rows without an interval
set tmargin at screen 0.202797
set bmargin at screen 0.034965
set lmargin at screen 0.02
set rmargin at screen 0.98
unset title
unset border
unset tics
unset grid
unset arrow
set xrange [0:1]
set yrange [1.5:-0.5]
set label 'without an interval (spread: Brown–Forsythe; or nothing compared), listed with their verdict:' at graph 0, first 0 left font ',10' noenhanced
set label 'claim 2 · 2-D, 15 starts · –: NOT TESTED (178 seeds; placing the paper’s 1.049 (Fig. 3) within the central 95 % of Reprise’s distribution needs at least 200) — NOT TESTED' at graph 0.01, first 1 left font ',9' tc rgb '#555555' noenhanced
plot NaN notitle
unset label
unset multiplot
unset output
