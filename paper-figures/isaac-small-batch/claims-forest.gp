# gnuplot script written by `reprise figures isaac-small-batch`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,524 font "sans,11"
set output "claims-forest.png"
set multiplot title 'ISAAC: zeta* vs SGD, Adam and K-FAC at batch sizes 8-100, 5-layer ReLU MLP of width 400, Fashion-MNIST: each claim’s test (beyond the paper)' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.851145
set bmargin at screen 0.10687
set lmargin at screen 0.239333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [15.5:0.5]
set ytics ('claim 1 · batch 8 · ζ* 0.8094 vs SGD 0.7683' 1, 'claim 1 · batch 16 · ζ* 0.8152 vs SGD 0.7739' 2, 'claim 1 · batch 32 · ζ* 0.8162 vs SGD 0.7564' 3, 'claim 1 · batch 60 · ζ* 0.8053 vs SGD 0.7179' 4, 'claim 1 · batch 100 · ζ* 0.8176 vs SGD 0.7185' 5, 'claim 2 · batch 8 · ζ* 0.8094 vs Adam 0.7598' 6, 'claim 2 · batch 16 · ζ* 0.8152 vs Adam 0.7387' 7, 'claim 2 · batch 32 · ζ* 0.8162 vs Adam 0.7678' 8, 'claim 2 · batch 60 · ζ* 0.8053 vs Adam 0.7722' 9, 'claim 2 · batch 100 · ζ* 0.8176 vs Adam 0.7941' 10, 'claim 3 · batch 8 · ζ* 0.8094 vs K-FAC 0.8011' 11, 'claim 3 · batch 16 · ζ* 0.8152 vs K-FAC 0.8128' 12, 'claim 3 · batch 32 · ζ* 0.8162 vs K-FAC 0.8192' 13, 'claim 3 · batch 60 · ζ* 0.8053 vs K-FAC 0.8207' 14, 'claim 3 · batch 100 · ζ* 0.8176 vs K-FAC 0.8276' 15) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0311667:0.136615]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first -0.01, first 0.58 to first -0.01, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0411 [0.02555, 0.05665] HOLDS · p 4.0e-05' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 1.58 to first -0.01, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.04135 [0.01324, 0.06946] HOLDS · p 0.00255' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 2.58 to first -0.01, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0598 [0.03757, 0.08203] HOLDS · p 5.7e-05' at graph 1.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 3.58 to first -0.01, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0873 [0.06852, 0.1061] HOLDS · p 9.4e-07' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 4.58 to first -0.01, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0991 [0.07316, 0.125] HOLDS · p 5.4e-06' at graph 1.01, first 5 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 5.58 to first -0.01, first 6.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0495 [0.03148, 0.06752] HOLDS · p 3.8e-05' at graph 1.01, first 6 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 6.58 to first -0.01, first 7.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0765 [0.06005, 0.09295] HOLDS · p 8.3e-07' at graph 1.01, first 7 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 7.58 to first -0.01, first 8.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.04835 [0.03023, 0.06647] HOLDS · p 4.6e-05' at graph 1.01, first 8 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 8.58 to first -0.01, first 9.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.033 [0.01927, 0.04673] HOLDS · p 5.8e-05' at graph 1.01, first 9 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 9.58 to first -0.01, first 10.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0235 [0.01168, 0.03532] HOLDS · p 0.000124' at graph 1.01, first 10 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 10.58 to first -0.01, first 11.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.00825 [0.004637, 0.01186] HOLDS · p 1.2e-06' at graph 1.01, first 11 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 11.58 to first -0.01, first 12.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0024 [-0.002615, 0.007415] HOLDS · p 0.000337' at graph 1.01, first 12 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 12.58 to first -0.01, first 13.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003 [-0.005507, -0.0004934] HOLDS · p 0.000138' at graph 1.01, first 13 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 13.58 to first -0.01, first 14.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0155 [-0.0196, -0.0114] FAILS · p 1' at graph 1.01, first 14 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.01, first 14.58 to first -0.01, first 15.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.01005 [-0.01478, -0.005325] INCONCLUSIVE · p 1' at graph 1.01, first 15 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
set terminal svg size 1500,524 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'ISAAC: zeta* vs SGD, Adam and K-FAC at batch sizes 8-100, 5-layer ReLU MLP of width 400, Fashion-MNIST: each claim’s test (beyond the paper)' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.851145
set bmargin at screen 0.10687
set lmargin at screen 0.239333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [15.5:0.5]
set ytics ('claim 1 · batch 8 · ζ* 0.8094 vs SGD 0.7683' 1, 'claim 1 · batch 16 · ζ* 0.8152 vs SGD 0.7739' 2, 'claim 1 · batch 32 · ζ* 0.8162 vs SGD 0.7564' 3, 'claim 1 · batch 60 · ζ* 0.8053 vs SGD 0.7179' 4, 'claim 1 · batch 100 · ζ* 0.8176 vs SGD 0.7185' 5, 'claim 2 · batch 8 · ζ* 0.8094 vs Adam 0.7598' 6, 'claim 2 · batch 16 · ζ* 0.8152 vs Adam 0.7387' 7, 'claim 2 · batch 32 · ζ* 0.8162 vs Adam 0.7678' 8, 'claim 2 · batch 60 · ζ* 0.8053 vs Adam 0.7722' 9, 'claim 2 · batch 100 · ζ* 0.8176 vs Adam 0.7941' 10, 'claim 3 · batch 8 · ζ* 0.8094 vs K-FAC 0.8011' 11, 'claim 3 · batch 16 · ζ* 0.8152 vs K-FAC 0.8128' 12, 'claim 3 · batch 32 · ζ* 0.8162 vs K-FAC 0.8192' 13, 'claim 3 · batch 60 · ζ* 0.8053 vs K-FAC 0.8207' 14, 'claim 3 · batch 100 · ζ* 0.8176 vs K-FAC 0.8276' 15) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0311667:0.136615]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first -0.01, first 0.58 to first -0.01, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0411 [0.02555, 0.05665] HOLDS · p 4.0e-05' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 1.58 to first -0.01, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.04135 [0.01324, 0.06946] HOLDS · p 0.00255' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 2.58 to first -0.01, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0598 [0.03757, 0.08203] HOLDS · p 5.7e-05' at graph 1.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 3.58 to first -0.01, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0873 [0.06852, 0.1061] HOLDS · p 9.4e-07' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 4.58 to first -0.01, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0991 [0.07316, 0.125] HOLDS · p 5.4e-06' at graph 1.01, first 5 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 5.58 to first -0.01, first 6.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0495 [0.03148, 0.06752] HOLDS · p 3.8e-05' at graph 1.01, first 6 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 6.58 to first -0.01, first 7.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0765 [0.06005, 0.09295] HOLDS · p 8.3e-07' at graph 1.01, first 7 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 7.58 to first -0.01, first 8.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.04835 [0.03023, 0.06647] HOLDS · p 4.6e-05' at graph 1.01, first 8 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 8.58 to first -0.01, first 9.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.033 [0.01927, 0.04673] HOLDS · p 5.8e-05' at graph 1.01, first 9 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 9.58 to first -0.01, first 10.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0235 [0.01168, 0.03532] HOLDS · p 0.000124' at graph 1.01, first 10 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 10.58 to first -0.01, first 11.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.00825 [0.004637, 0.01186] HOLDS · p 1.2e-06' at graph 1.01, first 11 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 11.58 to first -0.01, first 12.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0024 [-0.002615, 0.007415] HOLDS · p 0.000337' at graph 1.01, first 12 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 12.58 to first -0.01, first 13.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003 [-0.005507, -0.0004934] HOLDS · p 0.000138' at graph 1.01, first 13 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 13.58 to first -0.01, first 14.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0155 [-0.0196, -0.0114] FAILS · p 1' at graph 1.01, first 14 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.01, first 14.58 to first -0.01, first 15.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.01005 [-0.01478, -0.005325] INCONCLUSIVE · p 1' at graph 1.01, first 15 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
unset output
