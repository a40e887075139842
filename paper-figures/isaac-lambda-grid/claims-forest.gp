# gnuplot script written by `reprise figures isaac-lambda-grid`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,1174 font "sans,11"
set output "claims-forest.png"
set multiplot title 'ISAAC: the lambda_g x lambda_a grid (Fig. 1), 5-layer ReLU MLP of width 100, Fashion-MNIST, batch 60: each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.93356
set bmargin at screen 0.0477002
set lmargin at screen 0.514667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [40.5:0.5]
set ytics ('claim 1 · – · ζ* (λ_g = ∞) lambda_a=1.0 0.8288 vs ζ lambda_a=1.0, lambda_g=0.0001 0.7916' 1, 'claim 1 · – · ζ* (λ_g = ∞) lambda_a=1.0 0.8288 vs ζ lambda_a=1.0, lambda_g=0.01 0.7609' 2, 'claim 1 · – · ζ* (λ_g = ∞) lambda_a=1.0 0.8288 vs ζ lambda_a=1.0, lambda_g=1.0 0.8296' 3, 'claim 1 · – · ζ* (λ_g = ∞) lambda_a=1.0 0.8288 vs ζ lambda_a=1.0, lambda_g=100.0 0.8289' 4, 'claim 1 · – · ζ* (λ_g = ∞) lambda_a=1.0 0.8288 vs ζ lambda_a=1.0, lambda_g=10000.0 0.8232' 5, 'claim 2 · – · ζ* (λ_g = ∞) lambda_a=0.01 0.7999 vs ζ lambda_a=0.01, lambda_g=0.0001 0.5699' 6, 'claim 2 · – · ζ* (λ_g = ∞) lambda_a=0.01 0.7999 vs ζ lambda_a=0.01, lambda_g=0.01 0.7114' 7, 'claim 2 · – · ζ* (λ_g = ∞) lambda_a=0.01 0.7999 vs ζ lambda_a=0.01, lambda_g=1.0 0.7849' 8, 'claim 2 · – · ζ* (λ_g = ∞) lambda_a=0.01 0.7999 vs ζ lambda_a=0.01, lambda_g=100.0 0.7972' 9, 'claim 2 · – · ζ* (λ_g = ∞) lambda_a=0.01 0.7999 vs ζ lambda_a=0.01, lambda_g=10000.0 0.8009' 10, 'claim 3 · – · ζ* (λ_g = ∞) lambda_a=1.0 0.8288 vs gradient 0.7957' 11, 'claim 4 · – · ζ* (λ_g = ∞) lambda_a=0.0001 0.5723 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 12, 'claim 4 · – · ζ lambda_a=0.0001, lambda_g=0.0001 0.5469 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 13, 'claim 4 · – · ζ lambda_a=0.0001, lambda_g=0.01 0.5501 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 14, 'claim 4 · – · ζ lambda_a=0.0001, lambda_g=1.0 0.5652 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 15, 'claim 4 · – · ζ lambda_a=0.0001, lambda_g=100.0 0.5699 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 16, 'claim 4 · – · ζ lambda_a=0.0001, lambda_g=10000.0 0.5710 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 17, 'claim 4 · – · ζ* (λ_g = ∞) lambda_a=0.01 0.7999 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 18, 'claim 4 · – · ζ lambda_a=0.01, lambda_g=0.0001 0.5699 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 19, 'claim 4 · – · ζ lambda_a=0.01, lambda_g=0.01 0.7114 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 20, 'claim 4 · – · ζ lambda_a=0.01, lambda_g=1.0 0.7849 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 21, 'claim 4 · – · ζ lambda_a=0.01, lambda_g=100.0 0.7972 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 22, 'claim 4 · – · ζ lambda_a=0.01, lambda_g=10000.0 0.8009 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 23, 'claim 4 · – · ζ* (λ_g = ∞) lambda_a=1.0 0.8288 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 24, 'claim 4 · – · ζ lambda_a=1.0, lambda_g=0.0001 0.7916 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 25, 'claim 4 · – · ζ lambda_a=1.0, lambda_g=0.01 0.7609 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 26, 'claim 4 · – · ζ lambda_a=1.0, lambda_g=100.0 0.8289 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 27, 'claim 4 · – · ζ lambda_a=1.0, lambda_g=10000.0 0.8232 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 28, 'claim 4 · – · ζ* (λ_g = ∞) lambda_a=100.0 0.8148 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 29, 'claim 4 · – · ζ lambda_a=100.0, lambda_g=0.0001 0.7387 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 30, 'claim 4 · – · ζ lambda_a=100.0, lambda_g=0.01 0.7592 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 31, 'claim 4 · – · ζ lambda_a=100.0, lambda_g=1.0 0.8055 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 32, 'claim 4 · – · ζ lambda_a=100.0, lambda_g=100.0 0.8140 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 33, 'claim 4 · – · ζ lambda_a=100.0, lambda_g=10000.0 0.8038 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 34, 'claim 4 · – · ζ* (λ_g = ∞) lambda_a=10000.0 0.8025 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 35, 'claim 4 · – · ζ lambda_a=10000.0, lambda_g=0.0001 0.6905 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 36, 'claim 4 · – · ζ lambda_a=10000.0, lambda_g=0.01 0.7523 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 37, 'claim 4 · – · ζ lambda_a=10000.0, lambda_g=1.0 0.8034 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 38, 'claim 4 · – · ζ lambda_a=10000.0, lambda_g=100.0 0.8016 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 39, 'claim 4 · – · ζ lambda_a=10000.0, lambda_g=10000.0 0.7992 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 40) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.426306:0.317114]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first -0.01, first 0.58 to first -0.01, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0372 [0.002394, 0.07201] INCONCLUSIVE after Holm · Holm p 0.316' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 1.58 to first -0.01, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.06793 [-0.08401, 0.2199] INCONCLUSIVE · Holm p 0.316' at graph 1.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 2.58 to first -0.01, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0008 [-0.007844, 0.006244] INCONCLUSIVE after Holm · Holm p 0.316' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 3.58 to first -0.01, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0001333 [-0.005892, 0.005625] INCONCLUSIVE after Holm · Holm p 0.316' at graph 1.01, first 4 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 4.58 to first -0.01, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0056 [0.000226, 0.01097] INCONCLUSIVE after Holm · Holm p 0.316' at graph 1.01, first 5 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 5.58 to first -0.01, first 6.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.2299 [0.194, 0.2658] HOLDS · p 0.00121' at graph 1.01, first 6 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 6.58 to first -0.01, first 7.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.08847 [0.06735, 0.1096] HOLDS · p 0.00247' at graph 1.01, first 7 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 7.58 to first -0.01, first 8.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.01493 [-0.01569, 0.04556] INCONCLUSIVE · p 0.0727' at graph 1.01, first 8 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 8.58 to first -0.01, first 9.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.002667 [-0.01226, 0.01759] INCONCLUSIVE · p 0.0675' at graph 1.01, first 9 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 9.58 to first -0.01, first 10.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.001 [-0.01004, 0.008039] INCONCLUSIVE · p 0.0504' at graph 1.01, first 10 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.03307 [-0.0133, 0.07944] INCONCLUSIVE · p 0.0918' at graph 1.01, first 11 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 11.58 to first -0.016, first 12.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.2573 [-0.3411, -0.1736] FAILS · p 1' at graph 1.01, first 12 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 12.58 to first -0.016, first 13.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.2827 [-0.375, -0.1903] FAILS · p 1' at graph 1.01, first 13 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 13.58 to first -0.016, first 14.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.2795 [-0.3673, -0.1916] FAILS · p 1' at graph 1.01, first 14 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 14.58 to first -0.016, first 15.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.2644 [-0.3463, -0.1825] FAILS · p 1' at graph 1.01, first 15 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 15.58 to first -0.016, first 16.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.2597 [-0.3396, -0.1798] FAILS · p 1' at graph 1.01, first 16 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 16.58 to first -0.016, first 17.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.2586 [-0.3452, -0.172] FAILS · p 1' at graph 1.01, first 17 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 17.58 to first -0.016, first 18.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.02973 [-0.07236, 0.0129] INCONCLUSIVE · p 1' at graph 1.01, first 18 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 18.58 to first -0.016, first 19.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.2597 [-0.3382, -0.1812] FAILS · p 1' at graph 1.01, first 19 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 19.58 to first -0.016, first 20.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.1182 [-0.1471, -0.08933] FAILS · p 1' at graph 1.01, first 20 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 20.58 to first -0.016, first 21.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.04467 [-0.1179, 0.02858] INCONCLUSIVE · p 1' at graph 1.01, first 21 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 21.58 to first -0.016, first 22.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0324 [-0.08982, 0.02502] INCONCLUSIVE · p 1' at graph 1.01, first 22 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 22.58 to first -0.016, first 23.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.02873 [-0.08032, 0.02285] INCONCLUSIVE · p 1' at graph 1.01, first 23 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 23.58 to first -0.016, first 24.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0008 [-0.007844, 0.006244] HOLDS · p 0.0114' at graph 1.01, first 24 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.016, first 24.58 to first -0.016, first 25.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.038 [-0.06584, -0.01016] INCONCLUSIVE · p 1' at graph 1.01, first 25 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 25.58 to first -0.016, first 26.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.06873 [-0.2141, 0.07659] INCONCLUSIVE · p 1' at graph 1.01, first 26 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 26.58 to first -0.016, first 27.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0006667 [-0.006139, 0.004806] HOLDS · p 0.00681' at graph 1.01, first 27 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.016, first 27.58 to first -0.016, first 28.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0064 [-0.01242, -0.0003763] HOLDS · p 0.0206' at graph 1.01, first 28 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.016, first 28.58 to first -0.016, first 29.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0148 [-0.0302, 0.0006017] INCONCLUSIVE · p 0.769' at graph 1.01, first 29 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 29.58 to first -0.016, first 30.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.09087 [-0.1152, -0.06655] FAILS · p 1' at graph 1.01, first 30 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 30.58 to first -0.016, first 31.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0704 [-0.09847, -0.04233] FAILS · p 1' at graph 1.01, first 31 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 31.58 to first -0.016, first 32.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.02407 [-0.06814, 0.02001] INCONCLUSIVE · p 1' at graph 1.01, first 32 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 32.58 to first -0.016, first 33.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0156 [-0.02932, -0.001876] INCONCLUSIVE · p 0.912' at graph 1.01, first 33 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 33.58 to first -0.016, first 34.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0258 [-0.08456, 0.03296] INCONCLUSIVE · p 1' at graph 1.01, first 34 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 34.58 to first -0.016, first 35.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.02707 [-0.04147, -0.01266] INCONCLUSIVE · p 1' at graph 1.01, first 35 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 35.58 to first -0.016, first 36.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.1391 [-0.17, -0.1083] FAILS · p 1' at graph 1.01, first 36 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 36.58 to first -0.016, first 37.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.07733 [-0.1576, 0.002908] INCONCLUSIVE · p 1' at graph 1.01, first 37 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 37.58 to first -0.016, first 38.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0262 [-0.04318, -0.00922] INCONCLUSIVE · p 1' at graph 1.01, first 38 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 38.58 to first -0.016, first 39.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.028 [-0.04442, -0.01158] INCONCLUSIVE · p 1' at graph 1.01, first 39 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 39.58 to first -0.016, first 40.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0304 [-0.06784, 0.00704] INCONCLUSIVE · p 1' at graph 1.01, first 40 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
set terminal svg size 1500,1174 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'ISAAC: the lambda_g x lambda_a grid (Fig. 1), 5-layer ReLU MLP of width 100, Fashion-MNIST, batch 60: each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.93356
set bmargin at screen 0.0477002
set lmargin at screen 0.514667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [40.5:0.5]
set ytics ('claim 1 · – · ζ* (λ_g = ∞) lambda_a=1.0 0.8288 vs ζ lambda_a=1.0, lambda_g=0.0001 0.7916' 1, 'claim 1 · – · ζ* (λ_g = ∞) lambda_a=1.0 0.8288 vs ζ lambda_a=1.0, lambda_g=0.01 0.7609' 2, 'claim 1 · – · ζ* (λ_g = ∞) lambda_a=1.0 0.8288 vs ζ lambda_a=1.0, lambda_g=1.0 0.8296' 3, 'claim 1 · – · ζ* (λ_g = ∞) lambda_a=1.0 0.8288 vs ζ lambda_a=1.0, lambda_g=100.0 0.8289' 4, 'claim 1 · – · ζ* (λ_g = ∞) lambda_a=1.0 0.8288 vs ζ lambda_a=1.0, lambda_g=10000.0 0.8232' 5, 'claim 2 · – · ζ* (λ_g = ∞) lambda_a=0.01 0.7999 vs ζ lambda_a=0.01, lambda_g=0.0001 0.5699' 6, 'claim 2 · – · ζ* (λ_g = ∞) lambda_a=0.01 0.7999 vs ζ lambda_a=0.01, lambda_g=0.01 0.7114' 7, 'claim 2 · – · ζ* (λ_g = ∞) lambda_a=0.01 0.7999 vs ζ lambda_a=0.01, lambda_g=1.0 0.7849' 8, 'claim 2 · – · ζ* (λ_g = ∞) lambda_a=0.01 0.7999 vs ζ lambda_a=0.01, lambda_g=100.0 0.7972' 9, 'claim 2 · – · ζ* (λ_g = ∞) lambda_a=0.01 0.7999 vs ζ lambda_a=0.01, lambda_g=10000.0 0.8009' 10, 'claim 3 · – · ζ* (λ_g = ∞) lambda_a=1.0 0.8288 vs gradient 0.7957' 11, 'claim 4 · – · ζ* (λ_g = ∞) lambda_a=0.0001 0.5723 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 12, 'claim 4 · – · ζ lambda_a=0.0001, lambda_g=0.0001 0.5469 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 13, 'claim 4 · – · ζ lambda_a=0.0001, lambda_g=0.01 0.5501 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 14, 'claim 4 · – · ζ lambda_a=0.0001, lambda_g=1.0 0.5652 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 15, 'claim 4 · – · ζ lambda_a=0.0001, lambda_g=100.0 0.5699 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 16, 'claim 4 · – · ζ lambda_a=0.0001, lambda_g=10000.0 0.5710 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 17, 'claim 4 · – · ζ* (λ_g = ∞) lambda_a=0.01 0.7999 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 18, 'claim 4 · – · ζ lambda_a=0.01, lambda_g=0.0001 0.5699 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 19, 'claim 4 · – · ζ lambda_a=0.01, lambda_g=0.01 0.7114 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 20, 'claim 4 · – · ζ lambda_a=0.01, lambda_g=1.0 0.7849 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 21, 'claim 4 · – · ζ lambda_a=0.01, lambda_g=100.0 0.7972 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 22, 'claim 4 · – · ζ lambda_a=0.01, lambda_g=10000.0 0.8009 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 23, 'claim 4 · – · ζ* (λ_g = ∞) lambda_a=1.0 0.8288 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 24, 'claim 4 · – · ζ lambda_a=1.0, lambda_g=0.0001 0.7916 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 25, 'claim 4 · – · ζ lambda_a=1.0, lambda_g=0.01 0.7609 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 26, 'claim 4 · – · ζ lambda_a=1.0, lambda_g=100.0 0.8289 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 27, 'claim 4 · – · ζ lambda_a=1.0, lambda_g=10000.0 0.8232 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 28, 'claim 4 · – · ζ* (λ_g = ∞) lambda_a=100.0 0.8148 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 29, 'claim 4 · – · ζ lambda_a=100.0, lambda_g=0.0001 0.7387 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 30, 'claim 4 · – · ζ lambda_a=100.0, lambda_g=0.01 0.7592 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 31, 'claim 4 · – · ζ lambda_a=100.0, lambda_g=1.0 0.8055 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 32, 'claim 4 · – · ζ lambda_a=100.0, lambda_g=100.0 0.8140 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 33, 'claim 4 · – · ζ lambda_a=100.0, lambda_g=10000.0 0.8038 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 34, 'claim 4 · – · ζ* (λ_g = ∞) lambda_a=10000.0 0.8025 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 35, 'claim 4 · – · ζ lambda_a=10000.0, lambda_g=0.0001 0.6905 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 36, 'claim 4 · – · ζ lambda_a=10000.0, lambda_g=0.01 0.7523 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 37, 'claim 4 · – · ζ lambda_a=10000.0, lambda_g=1.0 0.8034 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 38, 'claim 4 · – · ζ lambda_a=10000.0, lambda_g=100.0 0.8016 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 39, 'claim 4 · – · ζ lambda_a=10000.0, lambda_g=10000.0 0.7992 vs the best, ζ lambda_a=1.0, lambda_g=1.0 0.8296' 40) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.426306:0.317114]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first -0.01, first 0.58 to first -0.01, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0372 [0.002394, 0.07201] INCONCLUSIVE after Holm · Holm p 0.316' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 1.58 to first -0.01, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.06793 [-0.08401, 0.2199] INCONCLUSIVE · Holm p 0.316' at graph 1.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 2.58 to first -0.01, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0008 [-0.007844, 0.006244] INCONCLUSIVE after Holm · Holm p 0.316' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 3.58 to first -0.01, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0001333 [-0.005892, 0.005625] INCONCLUSIVE after Holm · Holm p 0.316' at graph 1.01, first 4 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 4.58 to first -0.01, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.0056 [0.000226, 0.01097] INCONCLUSIVE after Holm · Holm p 0.316' at graph 1.01, first 5 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 5.58 to first -0.01, first 6.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.2299 [0.194, 0.2658] HOLDS · p 0.00121' at graph 1.01, first 6 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 6.58 to first -0.01, first 7.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.08847 [0.06735, 0.1096] HOLDS · p 0.00247' at graph 1.01, first 7 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.01, first 7.58 to first -0.01, first 8.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.01493 [-0.01569, 0.04556] INCONCLUSIVE · p 0.0727' at graph 1.01, first 8 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 8.58 to first -0.01, first 9.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '0.002667 [-0.01226, 0.01759] INCONCLUSIVE · p 0.0675' at graph 1.01, first 9 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.01, first 9.58 to first -0.01, first 10.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.001 [-0.01004, 0.008039] INCONCLUSIVE · p 0.0504' at graph 1.01, first 10 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.03307 [-0.0133, 0.07944] INCONCLUSIVE · p 0.0918' at graph 1.01, first 11 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 11.58 to first -0.016, first 12.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.2573 [-0.3411, -0.1736] FAILS · p 1' at graph 1.01, first 12 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 12.58 to first -0.016, first 13.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.2827 [-0.375, -0.1903] FAILS · p 1' at graph 1.01, first 13 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 13.58 to first -0.016, first 14.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.2795 [-0.3673, -0.1916] FAILS · p 1' at graph 1.01, first 14 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 14.58 to first -0.016, first 15.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.2644 [-0.3463, -0.1825] FAILS · p 1' at graph 1.01, first 15 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 15.58 to first -0.016, first 16.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.2597 [-0.3396, -0.1798] FAILS · p 1' at graph 1.01, first 16 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 16.58 to first -0.016, first 17.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.2586 [-0.3452, -0.172] FAILS · p 1' at graph 1.01, first 17 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 17.58 to first -0.016, first 18.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.02973 [-0.07236, 0.0129] INCONCLUSIVE · p 1' at graph 1.01, first 18 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 18.58 to first -0.016, first 19.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.2597 [-0.3382, -0.1812] FAILS · p 1' at graph 1.01, first 19 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 19.58 to first -0.016, first 20.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.1182 [-0.1471, -0.08933] FAILS · p 1' at graph 1.01, first 20 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 20.58 to first -0.016, first 21.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.04467 [-0.1179, 0.02858] INCONCLUSIVE · p 1' at graph 1.01, first 21 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 21.58 to first -0.016, first 22.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0324 [-0.08982, 0.02502] INCONCLUSIVE · p 1' at graph 1.01, first 22 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 22.58 to first -0.016, first 23.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.02873 [-0.08032, 0.02285] INCONCLUSIVE · p 1' at graph 1.01, first 23 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 23.58 to first -0.016, first 24.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0008 [-0.007844, 0.006244] HOLDS · p 0.0114' at graph 1.01, first 24 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.016, first 24.58 to first -0.016, first 25.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.038 [-0.06584, -0.01016] INCONCLUSIVE · p 1' at graph 1.01, first 25 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 25.58 to first -0.016, first 26.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.06873 [-0.2141, 0.07659] INCONCLUSIVE · p 1' at graph 1.01, first 26 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 26.58 to first -0.016, first 27.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0006667 [-0.006139, 0.004806] HOLDS · p 0.00681' at graph 1.01, first 27 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.016, first 27.58 to first -0.016, first 28.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0064 [-0.01242, -0.0003763] HOLDS · p 0.0206' at graph 1.01, first 28 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.016, first 28.58 to first -0.016, first 29.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0148 [-0.0302, 0.0006017] INCONCLUSIVE · p 0.769' at graph 1.01, first 29 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 29.58 to first -0.016, first 30.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.09087 [-0.1152, -0.06655] FAILS · p 1' at graph 1.01, first 30 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 30.58 to first -0.016, first 31.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0704 [-0.09847, -0.04233] FAILS · p 1' at graph 1.01, first 31 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 31.58 to first -0.016, first 32.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.02407 [-0.06814, 0.02001] INCONCLUSIVE · p 1' at graph 1.01, first 32 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 32.58 to first -0.016, first 33.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0156 [-0.02932, -0.001876] INCONCLUSIVE · p 0.912' at graph 1.01, first 33 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 33.58 to first -0.016, first 34.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0258 [-0.08456, 0.03296] INCONCLUSIVE · p 1' at graph 1.01, first 34 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 34.58 to first -0.016, first 35.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.02707 [-0.04147, -0.01266] INCONCLUSIVE · p 1' at graph 1.01, first 35 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 35.58 to first -0.016, first 36.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.1391 [-0.17, -0.1083] FAILS · p 1' at graph 1.01, first 36 left font ',9' tc rgb '#b00000' noenhanced
set arrow from first -0.016, first 36.58 to first -0.016, first 37.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.07733 [-0.1576, 0.002908] INCONCLUSIVE · p 1' at graph 1.01, first 37 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 37.58 to first -0.016, first 38.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0262 [-0.04318, -0.00922] INCONCLUSIVE · p 1' at graph 1.01, first 38 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 38.58 to first -0.016, first 39.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.028 [-0.04442, -0.01158] INCONCLUSIVE · p 1' at graph 1.01, first 39 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.016, first 39.58 to first -0.016, first 40.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0304 [-0.06784, 0.00704] INCONCLUSIVE · p 1' at graph 1.01, first 40 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
unset output
