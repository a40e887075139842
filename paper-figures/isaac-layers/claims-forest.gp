# gnuplot script written by `reprise figures isaac-layers`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,316 font "sans,11"
set output "claims-forest.png"
set multiplot title 'ISAAC: zeta* on layer subsets vs the gradient (Fig. 5), 5-layer ReLU MLP of width 400, Fashion-MNIST, batch 60: each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.753165
set bmargin at screen 0.177215
set lmargin at screen 0.253333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final train_loss (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [7.5:0.5]
set ytics ('claim 1 · – · ζ* {1–5} 0.3031 vs gradient 0.5679' 1, 'claim 2 · – · ζ* {1} 0.4116 vs gradient 0.5679' 2, 'claim 3 · – · ζ* {5} 0.5721 vs gradient 0.5679' 3, 'claim 4 · – · ζ* {1,2,3} 0.3298 vs gradient 0.5679' 4, 'claim 5 · – · ζ* {1,3,5} 0.3347 vs gradient 0.5679' 5, 'claim 6 · – · ζ* {2,4} 0.5195 vs gradient 0.5679' 6, 'claim 7 · – · ζ* {3,4,5} 0.5866 vs gradient 0.5679' 7) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0755477:0.294893]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.2648 [0.2603, 0.2693] HOLDS · Holm p 1.3e-15' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.1563 [0.1531, 0.1596] HOLDS · p 2.2e-15' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '-0.004134 [-0.006003, -0.002265] FAILS · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b00000' noenhanced
set label '0.2381 [0.2337, 0.2425] HOLDS · p 8.9e-16' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.2332 [0.2273, 0.2391] HOLDS · p 1.4e-14' at graph 1.01, first 5 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.04848 [0.0437, 0.05326] HOLDS · p 2.7e-09' at graph 1.01, first 6 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.05, first 6.58 to first -0.05, first 7.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set arrow from first 0.05, first 6.58 to first 0.05, first 7.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.01868 [-0.02409, -0.01328] HOLDS · p 1.1e-06' at graph 1.01, first 7 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
set terminal svg size 1500,316 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'ISAAC: zeta* on layer subsets vs the gradient (Fig. 5), 5-layer ReLU MLP of width 400, Fashion-MNIST, batch 60: each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.753165
set bmargin at screen 0.177215
set lmargin at screen 0.253333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final train_loss (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [7.5:0.5]
set ytics ('claim 1 · – · ζ* {1–5} 0.3031 vs gradient 0.5679' 1, 'claim 2 · – · ζ* {1} 0.4116 vs gradient 0.5679' 2, 'claim 3 · – · ζ* {5} 0.5721 vs gradient 0.5679' 3, 'claim 4 · – · ζ* {1,2,3} 0.3298 vs gradient 0.5679' 4, 'claim 5 · – · ζ* {1,3,5} 0.3347 vs gradient 0.5679' 5, 'claim 6 · – · ζ* {2,4} 0.5195 vs gradient 0.5679' 6, 'claim 7 · – · ζ* {3,4,5} 0.5866 vs gradient 0.5679' 7) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0755477:0.294893]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.2648 [0.2603, 0.2693] HOLDS · Holm p 1.3e-15' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.1563 [0.1531, 0.1596] HOLDS · p 2.2e-15' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '-0.004134 [-0.006003, -0.002265] FAILS · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b00000' noenhanced
set label '0.2381 [0.2337, 0.2425] HOLDS · p 8.9e-16' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.2332 [0.2273, 0.2391] HOLDS · p 1.4e-14' at graph 1.01, first 5 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.04848 [0.0437, 0.05326] HOLDS · p 2.7e-09' at graph 1.01, first 6 left font ',9' tc rgb '#1a7f37' noenhanced
set arrow from first -0.05, first 6.58 to first -0.05, first 7.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set arrow from first 0.05, first 6.58 to first 0.05, first 7.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.01868 [-0.02409, -0.01328] HOLDS · p 1.1e-06' at graph 1.01, first 7 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
unset output
