# gnuplot script written by `reprise figures isaac-autoencoder`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,580 font "sans,11"
set output "claims-forest.png"
set multiplot title 'ISAAC: the 784-1000-500-30-500-1000-784 auto-encoder (Figs. 2-3), Fashion-MNIST, MSE, batch 60: each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.865517
set bmargin at screen 0.731034
set lmargin at screen 0.398
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final train_loss, mean over pixels (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [3.5:0.5]
set ytics ('claim 1 · mean over pixels · ζ* λ_a 0.1 0.0717 vs K-FAC λ 0.1 0.0526' 1, 'claim 1 · mean over pixels · ζ* λ_a 0.1 0.0717 vs ζ λ 0.1 0.0730' 2, 'claim 2 · mean over pixels · ζ* λ_a 0.1 0.0717 vs gradient 0.0970' 3) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0327954:0.051821]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first -0.005, first 0.58 to first -0.005, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.01908 [-0.02696, -0.0112] FAILS · Holm p 1' at graph 1.01, first 1 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.005, first 1.58 to first -0.005, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.001317 [-0.0008152, 0.003449] INCONCLUSIVE after Holm · Holm p 1' at graph 1.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.02531 [0.004636, 0.04599] HOLDS · p 0.036' at graph 1.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: ratio
set tmargin at screen 0.593103
set bmargin at screen 0.324138
set lmargin at screen 0.398
set rmargin at screen 0.7
set border 31
set xtics
set title 'ratio of costs (log axis; 95 % interval, a point when counted)' font ',10' noenhanced offset 0,-0.4
set yrange [6.5:0.5]
set ytics ('claim 3 · mean over pixels · ζ* λ_a 0.1 / gradient' 1, 'claim 5 · mean over pixels · ζ* λ_a 0.1 / gradient' 2, 'claim 6 · mean over pixels · ζ λ 0.1 / gradient' 3, 'claim 7 · mean over pixels · K-FAC λ 0.1 / gradient' 4, 'claim 8 · mean over pixels · ζ λ 0.1 / gradient' 5, 'claim 9 · mean over pixels · K-FAC λ 0.1 / gradient' 6) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
set logscale x
set xrange [0.716168:20.3437]
set format x "%.4g"
set xtics ("0.95" 0.95, "1.7" 1.7, "2.9" 2.9, "5" 5, "8.8" 8.8, "15" 15)
set arrow from first 1, graph 0 to first 1, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first 1.5, first 0.58 to first 1.5, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.063 [0.9408, 1.2] HOLDS · p 0.00667' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first 1.1, first 1.58 to first 1.1, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.008 HOLDS · exact' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first 2, first 2.58 to first 2, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.088 FAILS · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 4, first 3.58 to first 4, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '2.102 FAILS · p 1' at graph 1.01, first 4 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 2, first 4.58 to first 2, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '2.214 [1.764, 2.778] INCONCLUSIVE · p 0.195' at graph 1.01, first 5 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 10, first 5.58 to first 10, first 6.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '13.62 [11.98, 15.49] HOLDS · p 0.0092' at graph 1.01, first 6 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 3: difference
set tmargin at screen 0.186207
set bmargin at screen 0.0965517
set lmargin at screen 0.398
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final train_loss, sum over pixels (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [2.5:0.5]
set ytics ('claim 4 · sum over pixels · ζ* λ_a 0.1 (sum) 58.6143 vs K-FAC λ 0.1 (sum) 19.7909' 1, 'claim 4 · sum over pixels · ζ* λ_a 0.1 (sum) 58.6143 vs ζ λ 0.1 (sum) 63.8229' 2) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-62.842:29.7104]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first -3.9, first 0.58 to first -3.9, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-38.82 [-56.46, -21.19] FAILS · p 1' at graph 1.01, first 1 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -3.9, first 1.58 to first -3.9, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '5.209 [-12.91, 23.33] INCONCLUSIVE · p 0.163' at graph 1.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 2 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
set terminal svg size 1500,580 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'ISAAC: the 784-1000-500-30-500-1000-784 auto-encoder (Figs. 2-3), Fashion-MNIST, MSE, batch 60: each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.865517
set bmargin at screen 0.731034
set lmargin at screen 0.398
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final train_loss, mean over pixels (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [3.5:0.5]
set ytics ('claim 1 · mean over pixels · ζ* λ_a 0.1 0.0717 vs K-FAC λ 0.1 0.0526' 1, 'claim 1 · mean over pixels · ζ* λ_a 0.1 0.0717 vs ζ λ 0.1 0.0730' 2, 'claim 2 · mean over pixels · ζ* λ_a 0.1 0.0717 vs gradient 0.0970' 3) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0327954:0.051821]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first -0.005, first 0.58 to first -0.005, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.01908 [-0.02696, -0.0112] FAILS · Holm p 1' at graph 1.01, first 1 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.005, first 1.58 to first -0.005, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.001317 [-0.0008152, 0.003449] INCONCLUSIVE after Holm · Holm p 1' at graph 1.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.02531 [0.004636, 0.04599] HOLDS · p 0.036' at graph 1.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: ratio
set tmargin at screen 0.593103
set bmargin at screen 0.324138
set lmargin at screen 0.398
set rmargin at screen 0.7
set border 31
set xtics
set title 'ratio of costs (log axis; 95 % interval, a point when counted)' font ',10' noenhanced offset 0,-0.4
set yrange [6.5:0.5]
set ytics ('claim 3 · mean over pixels · ζ* λ_a 0.1 / gradient' 1, 'claim 5 · mean over pixels · ζ* λ_a 0.1 / gradient' 2, 'claim 6 · mean over pixels · ζ λ 0.1 / gradient' 3, 'claim 7 · mean over pixels · K-FAC λ 0.1 / gradient' 4, 'claim 8 · mean over pixels · ζ λ 0.1 / gradient' 5, 'claim 9 · mean over pixels · K-FAC λ 0.1 / gradient' 6) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
set logscale x
set xrange [0.716168:20.3437]
set format x "%.4g"
set xtics ("0.95" 0.95, "1.7" 1.7, "2.9" 2.9, "5" 5, "8.8" 8.8, "15" 15)
set arrow from first 1, graph 0 to first 1, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first 1.5, first 0.58 to first 1.5, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.063 [0.9408, 1.2] HOLDS · p 0.00667' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first 1.1, first 1.58 to first 1.1, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.008 HOLDS · exact' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first 2, first 2.58 to first 2, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '1.088 FAILS · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 4, first 3.58 to first 4, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '2.102 FAILS · p 1' at graph 1.01, first 4 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first 2, first 4.58 to first 2, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '2.214 [1.764, 2.778] INCONCLUSIVE · p 0.195' at graph 1.01, first 5 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first 10, first 5.58 to first 10, first 6.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '13.62 [11.98, 15.49] HOLDS · p 0.0092' at graph 1.01, first 6 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 3: difference
set tmargin at screen 0.186207
set bmargin at screen 0.0965517
set lmargin at screen 0.398
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final train_loss, sum over pixels (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [2.5:0.5]
set ytics ('claim 4 · sum over pixels · ζ* λ_a 0.1 (sum) 58.6143 vs K-FAC λ 0.1 (sum) 19.7909' 1, 'claim 4 · sum over pixels · ζ* λ_a 0.1 (sum) 58.6143 vs ζ λ 0.1 (sum) 63.8229' 2) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-62.842:29.7104]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first -3.9, first 0.58 to first -3.9, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-38.82 [-56.46, -21.19] FAILS · p 1' at graph 1.01, first 1 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -3.9, first 1.58 to first -3.9, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '5.209 [-12.91, 23.33] INCONCLUSIVE · p 0.163' at graph 1.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 2 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
unset output
