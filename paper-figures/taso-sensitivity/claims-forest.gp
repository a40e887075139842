# gnuplot script written by `reprise figures taso-sensitivity`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,1772 font "sans,11"
set output "claims-forest.png"
set multiplot title 'TASO’s sensitivity to alpha and beta (Fashion-MNIST MLP, reduced budget): each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.955982
set bmargin at screen 0.0316027
set lmargin at screen 0.542667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [63.5:0.5]
set ytics ('claim 1 · – · taso taso_alpha=5.0, taso_beta=0.5 0.8560 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 1, 'claim 1 · – · taso taso_alpha=5.0, taso_beta=0.6 0.8542 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 2, 'claim 1 · – · taso taso_alpha=5.0, taso_beta=0.7 0.8557 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 3, 'claim 1 · – · taso taso_alpha=5.0, taso_beta=0.8 0.8531 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 4, 'claim 1 · – · taso taso_alpha=10.0, taso_beta=0.5 0.8531 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 5, 'claim 1 · – · taso taso_alpha=10.0, taso_beta=0.6 0.8549 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 6, 'claim 1 · – · taso taso_alpha=10.0, taso_beta=0.7 0.8539 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 7, 'claim 1 · – · taso taso_alpha=10.0, taso_beta=0.8 0.8524 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 8, 'claim 1 · – · taso taso_alpha=15.0, taso_beta=0.5 0.8538 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 9, 'claim 1 · – · taso taso_alpha=15.0, taso_beta=0.6 0.8543 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 10, 'claim 1 · – · taso taso_alpha=15.0, taso_beta=0.7 0.8538 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 11, 'claim 1 · – · taso taso_alpha=15.0, taso_beta=0.8 0.8532 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 12, 'claim 1 · – · taso taso_alpha=20.0, taso_beta=0.5 0.8528 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 13, 'claim 1 · – · taso taso_alpha=20.0, taso_beta=0.6 0.8533 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 14, 'claim 1 · – · taso taso_alpha=20.0, taso_beta=0.7 0.8547 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 15, 'claim 1 · – · taso taso_alpha=25.0, taso_beta=0.5 0.8529 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 16, 'claim 1 · – · taso taso_alpha=25.0, taso_beta=0.6 0.8529 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 17, 'claim 1 · – · taso taso_alpha=25.0, taso_beta=0.7 0.8533 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 18, 'claim 1 · – · taso taso_alpha=25.0, taso_beta=0.8 0.8529 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 19, 'claim 1 · – · taso taso_alpha=30.0, taso_beta=0.5 0.8538 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 20, 'claim 1 · – · taso taso_alpha=30.0, taso_beta=0.6 0.8521 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 21, 'claim 1 · – · taso taso_alpha=30.0, taso_beta=0.7 0.8525 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 22, 'claim 1 · – · taso taso_alpha=30.0, taso_beta=0.8 0.8540 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 23, 'claim 1 · – · taso taso_alpha=35.0, taso_beta=0.5 0.8519 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 24, 'claim 1 · – · taso taso_alpha=35.0, taso_beta=0.6 0.8512 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 25, 'claim 1 · – · taso taso_alpha=35.0, taso_beta=0.7 0.8518 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 26, 'claim 1 · – · taso taso_alpha=35.0, taso_beta=0.8 0.8514 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 27, 'claim 1 · – · taso taso_alpha=40.0, taso_beta=0.5 0.8498 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 28, 'claim 1 · – · taso taso_alpha=40.0, taso_beta=0.6 0.8512 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 29, 'claim 1 · – · taso taso_alpha=40.0, taso_beta=0.7 0.8525 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 30, 'claim 1 · – · taso taso_alpha=40.0, taso_beta=0.8 0.8524 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 31, 'claim 1 · – · taso taso_alpha=45.0, taso_beta=0.5 0.8504 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 32, 'claim 1 · – · taso taso_alpha=45.0, taso_beta=0.6 0.8512 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 33, 'claim 1 · – · taso taso_alpha=45.0, taso_beta=0.7 0.8523 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 34, 'claim 1 · – · taso taso_alpha=45.0, taso_beta=0.8 0.8509 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 35, 'claim 1 · – · taso taso_alpha=50.0, taso_beta=0.5 0.8502 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 36, 'claim 1 · – · taso taso_alpha=50.0, taso_beta=0.6 0.8517 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 37, 'claim 1 · – · taso taso_alpha=50.0, taso_beta=0.7 0.8528 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 38, 'claim 1 · – · taso taso_alpha=50.0, taso_beta=0.8 0.8529 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 39, 'claim 1 · – · taso taso_alpha=55.0, taso_beta=0.5 0.8487 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 40, 'claim 1 · – · taso taso_alpha=55.0, taso_beta=0.6 0.8512 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 41, 'claim 1 · – · taso taso_alpha=55.0, taso_beta=0.7 0.8510 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 42, 'claim 1 · – · taso taso_alpha=55.0, taso_beta=0.8 0.8540 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 43, 'claim 1 · – · taso taso_alpha=60.0, taso_beta=0.5 0.8505 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 44, 'claim 1 · – · taso taso_alpha=60.0, taso_beta=0.6 0.8509 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 45, 'claim 1 · – · taso taso_alpha=60.0, taso_beta=0.7 0.8513 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 46, 'claim 1 · – · taso taso_alpha=60.0, taso_beta=0.8 0.8519 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 47, 'claim 1 · – · taso taso_alpha=65.0, taso_beta=0.5 0.8484 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 48, 'claim 1 · – · taso taso_alpha=65.0, taso_beta=0.6 0.8518 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 49, 'claim 1 · – · taso taso_alpha=65.0, taso_beta=0.7 0.8518 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 50, 'claim 1 · – · taso taso_alpha=65.0, taso_beta=0.8 0.8536 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 51, 'claim 1 · – · taso taso_alpha=70.0, taso_beta=0.5 0.8484 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 52, 'claim 1 · – · taso taso_alpha=70.0, taso_beta=0.6 0.8499 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 53, 'claim 1 · – · taso taso_alpha=70.0, taso_beta=0.7 0.8508 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 54, 'claim 1 · – · taso taso_alpha=70.0, taso_beta=0.8 0.8515 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 55, 'claim 1 · – · taso taso_alpha=75.0, taso_beta=0.5 0.8470 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 56, 'claim 1 · – · taso taso_alpha=75.0, taso_beta=0.6 0.8504 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 57, 'claim 1 · – · taso taso_alpha=75.0, taso_beta=0.7 0.8521 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 58, 'claim 1 · – · taso taso_alpha=75.0, taso_beta=0.8 0.8524 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 59, 'claim 1 · – · taso taso_alpha=80.0, taso_beta=0.5 0.8490 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 60, 'claim 1 · – · taso taso_alpha=80.0, taso_beta=0.6 0.8507 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 61, 'claim 1 · – · taso taso_alpha=80.0, taso_beta=0.7 0.8488 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 62, 'claim 1 · – · taso taso_alpha=80.0, taso_beta=0.8 0.8503 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 63) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0235471:0.0133865]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first -0.021, first 0.58 to first -0.021, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0003333 [-0.004595, 0.003928] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 1.58 to first -0.021, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.002167 [-0.004031, -0.0003022] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 2.58 to first -0.021, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0006333 [-0.005141, 0.003875] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 3.58 to first -0.021, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003233 [-0.007553, 0.001086] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 4 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 4.58 to first -0.021, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003267 [-0.01339, 0.006862] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 5 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 5.58 to first -0.021, first 6.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.001467 [-0.008115, 0.005182] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 6 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 6.58 to first -0.021, first 7.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.002433 [-0.01101, 0.006144] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 7 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 7.58 to first -0.021, first 8.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003933 [-0.009989, 0.002123] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 8 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 8.58 to first -0.021, first 9.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0026 [-0.008193, 0.002993] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 9 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 9.58 to first -0.021, first 10.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0021 [-0.01167, 0.007466] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 10 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 10.58 to first -0.021, first 11.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.002533 [-0.007378, 0.002311] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 11 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 11.58 to first -0.021, first 12.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003133 [-0.006375, 0.0001088] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 12 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 12.58 to first -0.021, first 13.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003567 [-0.005183, -0.00195] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 13 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 13.58 to first -0.021, first 14.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003033 [-0.009038, 0.002972] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 14 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 14.58 to first -0.021, first 15.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0017 [-0.01424, 0.01084] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 15 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 15.58 to first -0.021, first 16.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003467 [-0.009357, 0.002424] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 16 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 16.58 to first -0.021, first 17.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003433 [-0.01319, 0.006323] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 17 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 17.58 to first -0.021, first 18.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003033 [-0.007541, 0.001475] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 18 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 18.58 to first -0.021, first 19.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0035 [-0.008291, 0.001291] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 19 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 19.58 to first -0.021, first 20.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.002533 [-0.004398, -0.0006689] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 20 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 20.58 to first -0.021, first 21.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.004233 [-0.006958, -0.001508] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 21 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 21.58 to first -0.021, first 22.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0039 [-0.01276, 0.004963] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 22 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 22.58 to first -0.021, first 23.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0024 [-0.009807, 0.005007] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 23 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 23.58 to first -0.021, first 24.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.004467 [-0.009877, 0.0009436] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 24 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 24.58 to first -0.021, first 25.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005167 [-0.01027, -6.158e-05] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 25 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 25.58 to first -0.021, first 26.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0046 [-0.008351, -0.000849] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 26 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 26.58 to first -0.021, first 27.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005 [-0.01232, 0.002319] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 27 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 27.58 to first -0.021, first 28.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0066 [-0.0101, -0.003096] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 28 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 28.58 to first -0.021, first 29.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0052 [-0.01668, 0.006284] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 29 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 29.58 to first -0.021, first 30.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003867 [-0.01345, 0.00572] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 30 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 30.58 to first -0.021, first 31.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003933 [-0.007079, -0.0007878] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 31 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 31.58 to first -0.021, first 32.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005933 [-0.01012, -0.001745] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 32 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 32.58 to first -0.021, first 33.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0052 [-0.01192, 0.001521] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 33 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 33.58 to first -0.021, first 34.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.004033 [-0.007227, -0.0008392] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 34 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 34.58 to first -0.021, first 35.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005433 [-0.006846, -0.004021] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 35 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 35.58 to first -0.021, first 36.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.006167 [-0.008308, -0.004025] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 36 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 36.58 to first -0.021, first 37.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0047 [-0.01202, 0.002619] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 37 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 37.58 to first -0.021, first 38.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003533 [-0.009286, 0.00222] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 38 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 38.58 to first -0.021, first 39.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0035 [-0.01076, 0.003755] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 39 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 39.58 to first -0.021, first 40.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0077 [-0.01146, -0.003941] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 40 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 40.58 to first -0.021, first 41.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005133 [-0.01246, 0.002195] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 41 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 41.58 to first -0.021, first 42.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005367 [-0.01506, 0.004323] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 42 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 42.58 to first -0.021, first 43.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.002367 [-0.007484, 0.00275] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 43 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 43.58 to first -0.021, first 44.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005833 [-0.01259, 0.0009258] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 44 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 44.58 to first -0.021, first 45.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005433 [-0.01575, 0.004882] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 45 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 45.58 to first -0.021, first 46.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005067 [-0.009443, -0.0006905] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 46 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 46.58 to first -0.021, first 47.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0045 [-0.008022, -0.0009781] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 47 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 47.58 to first -0.021, first 48.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.007933 [-0.009814, -0.006052] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 48 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 48.58 to first -0.021, first 49.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.004567 [-0.009122, -1.091e-05] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 49 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 49.58 to first -0.021, first 50.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.004533 [-0.01084, 0.001772] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 50 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 50.58 to first -0.021, first 51.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0028 [-0.007539, 0.001939] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 51 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 51.58 to first -0.021, first 52.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.007933 [-0.01153, -0.004339] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 52 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 52.58 to first -0.021, first 53.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.006433 [-0.01059, -0.002274] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 53 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 53.58 to first -0.021, first 54.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005533 [-0.01642, 0.005353] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 54 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 54.58 to first -0.021, first 55.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0049 [-0.01576, 0.005959] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 55 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 55.58 to first -0.021, first 56.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.009333 [-0.01653, -0.002132] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 56 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 56.58 to first -0.021, first 57.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005967 [-0.01094, -0.0009901] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 57 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 57.58 to first -0.021, first 58.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.004267 [-0.01263, 0.004092] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 58 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 58.58 to first -0.021, first 59.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003967 [-0.009852, 0.001919] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 59 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 59.58 to first -0.021, first 60.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.007333 [-0.01162, -0.00305] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 60 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 60.58 to first -0.021, first 61.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005633 [-0.01371, 0.002444] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 61 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 61.58 to first -0.021, first 62.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.007533 [-0.01723, 0.002159] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 62 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 62.58 to first -0.021, first 63.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.006067 [-0.01404, 0.001903] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 63 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
set terminal svg size 1500,1772 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'TASO’s sensitivity to alpha and beta (Fashion-MNIST MLP, reduced budget): each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.955982
set bmargin at screen 0.0316027
set lmargin at screen 0.542667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [63.5:0.5]
set ytics ('claim 1 · – · taso taso_alpha=5.0, taso_beta=0.5 0.8560 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 1, 'claim 1 · – · taso taso_alpha=5.0, taso_beta=0.6 0.8542 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 2, 'claim 1 · – · taso taso_alpha=5.0, taso_beta=0.7 0.8557 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 3, 'claim 1 · – · taso taso_alpha=5.0, taso_beta=0.8 0.8531 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 4, 'claim 1 · – · taso taso_alpha=10.0, taso_beta=0.5 0.8531 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 5, 'claim 1 · – · taso taso_alpha=10.0, taso_beta=0.6 0.8549 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 6, 'claim 1 · – · taso taso_alpha=10.0, taso_beta=0.7 0.8539 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 7, 'claim 1 · – · taso taso_alpha=10.0, taso_beta=0.8 0.8524 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 8, 'claim 1 · – · taso taso_alpha=15.0, taso_beta=0.5 0.8538 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 9, 'claim 1 · – · taso taso_alpha=15.0, taso_beta=0.6 0.8543 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 10, 'claim 1 · – · taso taso_alpha=15.0, taso_beta=0.7 0.8538 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 11, 'claim 1 · – · taso taso_alpha=15.0, taso_beta=0.8 0.8532 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 12, 'claim 1 · – · taso taso_alpha=20.0, taso_beta=0.5 0.8528 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 13, 'claim 1 · – · taso taso_alpha=20.0, taso_beta=0.6 0.8533 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 14, 'claim 1 · – · taso taso_alpha=20.0, taso_beta=0.7 0.8547 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 15, 'claim 1 · – · taso taso_alpha=25.0, taso_beta=0.5 0.8529 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 16, 'claim 1 · – · taso taso_alpha=25.0, taso_beta=0.6 0.8529 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 17, 'claim 1 · – · taso taso_alpha=25.0, taso_beta=0.7 0.8533 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 18, 'claim 1 · – · taso taso_alpha=25.0, taso_beta=0.8 0.8529 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 19, 'claim 1 · – · taso taso_alpha=30.0, taso_beta=0.5 0.8538 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 20, 'claim 1 · – · taso taso_alpha=30.0, taso_beta=0.6 0.8521 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 21, 'claim 1 · – · taso taso_alpha=30.0, taso_beta=0.7 0.8525 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 22, 'claim 1 · – · taso taso_alpha=30.0, taso_beta=0.8 0.8540 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 23, 'claim 1 · – · taso taso_alpha=35.0, taso_beta=0.5 0.8519 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 24, 'claim 1 · – · taso taso_alpha=35.0, taso_beta=0.6 0.8512 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 25, 'claim 1 · – · taso taso_alpha=35.0, taso_beta=0.7 0.8518 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 26, 'claim 1 · – · taso taso_alpha=35.0, taso_beta=0.8 0.8514 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 27, 'claim 1 · – · taso taso_alpha=40.0, taso_beta=0.5 0.8498 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 28, 'claim 1 · – · taso taso_alpha=40.0, taso_beta=0.6 0.8512 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 29, 'claim 1 · – · taso taso_alpha=40.0, taso_beta=0.7 0.8525 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 30, 'claim 1 · – · taso taso_alpha=40.0, taso_beta=0.8 0.8524 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 31, 'claim 1 · – · taso taso_alpha=45.0, taso_beta=0.5 0.8504 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 32, 'claim 1 · – · taso taso_alpha=45.0, taso_beta=0.6 0.8512 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 33, 'claim 1 · – · taso taso_alpha=45.0, taso_beta=0.7 0.8523 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 34, 'claim 1 · – · taso taso_alpha=45.0, taso_beta=0.8 0.8509 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 35, 'claim 1 · – · taso taso_alpha=50.0, taso_beta=0.5 0.8502 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 36, 'claim 1 · – · taso taso_alpha=50.0, taso_beta=0.6 0.8517 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 37, 'claim 1 · – · taso taso_alpha=50.0, taso_beta=0.7 0.8528 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 38, 'claim 1 · – · taso taso_alpha=50.0, taso_beta=0.8 0.8529 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 39, 'claim 1 · – · taso taso_alpha=55.0, taso_beta=0.5 0.8487 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 40, 'claim 1 · – · taso taso_alpha=55.0, taso_beta=0.6 0.8512 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 41, 'claim 1 · – · taso taso_alpha=55.0, taso_beta=0.7 0.8510 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 42, 'claim 1 · – · taso taso_alpha=55.0, taso_beta=0.8 0.8540 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 43, 'claim 1 · – · taso taso_alpha=60.0, taso_beta=0.5 0.8505 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 44, 'claim 1 · – · taso taso_alpha=60.0, taso_beta=0.6 0.8509 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 45, 'claim 1 · – · taso taso_alpha=60.0, taso_beta=0.7 0.8513 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 46, 'claim 1 · – · taso taso_alpha=60.0, taso_beta=0.8 0.8519 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 47, 'claim 1 · – · taso taso_alpha=65.0, taso_beta=0.5 0.8484 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 48, 'claim 1 · – · taso taso_alpha=65.0, taso_beta=0.6 0.8518 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 49, 'claim 1 · – · taso taso_alpha=65.0, taso_beta=0.7 0.8518 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 50, 'claim 1 · – · taso taso_alpha=65.0, taso_beta=0.8 0.8536 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 51, 'claim 1 · – · taso taso_alpha=70.0, taso_beta=0.5 0.8484 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 52, 'claim 1 · – · taso taso_alpha=70.0, taso_beta=0.6 0.8499 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 53, 'claim 1 · – · taso taso_alpha=70.0, taso_beta=0.7 0.8508 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 54, 'claim 1 · – · taso taso_alpha=70.0, taso_beta=0.8 0.8515 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 55, 'claim 1 · – · taso taso_alpha=75.0, taso_beta=0.5 0.8470 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 56, 'claim 1 · – · taso taso_alpha=75.0, taso_beta=0.6 0.8504 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 57, 'claim 1 · – · taso taso_alpha=75.0, taso_beta=0.7 0.8521 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 58, 'claim 1 · – · taso taso_alpha=75.0, taso_beta=0.8 0.8524 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 59, 'claim 1 · – · taso taso_alpha=80.0, taso_beta=0.5 0.8490 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 60, 'claim 1 · – · taso taso_alpha=80.0, taso_beta=0.6 0.8507 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 61, 'claim 1 · – · taso taso_alpha=80.0, taso_beta=0.7 0.8488 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 62, 'claim 1 · – · taso taso_alpha=80.0, taso_beta=0.8 0.8503 vs the best, taso taso_alpha=20.0, taso_beta=0.8 0.8564' 63) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0235471:0.0133865]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set arrow from first -0.021, first 0.58 to first -0.021, first 1.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0003333 [-0.004595, 0.003928] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 1.58 to first -0.021, first 2.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.002167 [-0.004031, -0.0003022] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 2.58 to first -0.021, first 3.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0006333 [-0.005141, 0.003875] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 3.58 to first -0.021, first 4.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003233 [-0.007553, 0.001086] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 4 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 4.58 to first -0.021, first 5.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003267 [-0.01339, 0.006862] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 5 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 5.58 to first -0.021, first 6.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.001467 [-0.008115, 0.005182] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 6 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 6.58 to first -0.021, first 7.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.002433 [-0.01101, 0.006144] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 7 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 7.58 to first -0.021, first 8.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003933 [-0.009989, 0.002123] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 8 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 8.58 to first -0.021, first 9.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0026 [-0.008193, 0.002993] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 9 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 9.58 to first -0.021, first 10.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0021 [-0.01167, 0.007466] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 10 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 10.58 to first -0.021, first 11.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.002533 [-0.007378, 0.002311] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 11 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 11.58 to first -0.021, first 12.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003133 [-0.006375, 0.0001088] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 12 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 12.58 to first -0.021, first 13.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003567 [-0.005183, -0.00195] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 13 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 13.58 to first -0.021, first 14.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003033 [-0.009038, 0.002972] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 14 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 14.58 to first -0.021, first 15.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0017 [-0.01424, 0.01084] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 15 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 15.58 to first -0.021, first 16.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003467 [-0.009357, 0.002424] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 16 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 16.58 to first -0.021, first 17.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003433 [-0.01319, 0.006323] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 17 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 17.58 to first -0.021, first 18.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003033 [-0.007541, 0.001475] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 18 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 18.58 to first -0.021, first 19.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0035 [-0.008291, 0.001291] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 19 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 19.58 to first -0.021, first 20.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.002533 [-0.004398, -0.0006689] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 20 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 20.58 to first -0.021, first 21.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.004233 [-0.006958, -0.001508] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 21 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 21.58 to first -0.021, first 22.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0039 [-0.01276, 0.004963] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 22 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 22.58 to first -0.021, first 23.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0024 [-0.009807, 0.005007] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 23 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 23.58 to first -0.021, first 24.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.004467 [-0.009877, 0.0009436] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 24 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 24.58 to first -0.021, first 25.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005167 [-0.01027, -6.158e-05] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 25 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 25.58 to first -0.021, first 26.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0046 [-0.008351, -0.000849] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 26 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 26.58 to first -0.021, first 27.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005 [-0.01232, 0.002319] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 27 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 27.58 to first -0.021, first 28.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0066 [-0.0101, -0.003096] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 28 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 28.58 to first -0.021, first 29.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0052 [-0.01668, 0.006284] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 29 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 29.58 to first -0.021, first 30.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003867 [-0.01345, 0.00572] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 30 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 30.58 to first -0.021, first 31.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003933 [-0.007079, -0.0007878] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 31 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 31.58 to first -0.021, first 32.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005933 [-0.01012, -0.001745] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 32 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 32.58 to first -0.021, first 33.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0052 [-0.01192, 0.001521] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 33 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 33.58 to first -0.021, first 34.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.004033 [-0.007227, -0.0008392] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 34 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 34.58 to first -0.021, first 35.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005433 [-0.006846, -0.004021] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 35 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 35.58 to first -0.021, first 36.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.006167 [-0.008308, -0.004025] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 36 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 36.58 to first -0.021, first 37.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0047 [-0.01202, 0.002619] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 37 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 37.58 to first -0.021, first 38.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003533 [-0.009286, 0.00222] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 38 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 38.58 to first -0.021, first 39.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0035 [-0.01076, 0.003755] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 39 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 39.58 to first -0.021, first 40.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0077 [-0.01146, -0.003941] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 40 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 40.58 to first -0.021, first 41.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005133 [-0.01246, 0.002195] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 41 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 41.58 to first -0.021, first 42.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005367 [-0.01506, 0.004323] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 42 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 42.58 to first -0.021, first 43.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.002367 [-0.007484, 0.00275] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 43 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 43.58 to first -0.021, first 44.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005833 [-0.01259, 0.0009258] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 44 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 44.58 to first -0.021, first 45.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005433 [-0.01575, 0.004882] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 45 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 45.58 to first -0.021, first 46.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005067 [-0.009443, -0.0006905] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 46 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 46.58 to first -0.021, first 47.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0045 [-0.008022, -0.0009781] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 47 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 47.58 to first -0.021, first 48.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.007933 [-0.009814, -0.006052] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 48 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 48.58 to first -0.021, first 49.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.004567 [-0.009122, -1.091e-05] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 49 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 49.58 to first -0.021, first 50.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.004533 [-0.01084, 0.001772] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 50 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 50.58 to first -0.021, first 51.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0028 [-0.007539, 0.001939] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 51 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 51.58 to first -0.021, first 52.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.007933 [-0.01153, -0.004339] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 52 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 52.58 to first -0.021, first 53.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.006433 [-0.01059, -0.002274] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 53 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 53.58 to first -0.021, first 54.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005533 [-0.01642, 0.005353] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 54 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 54.58 to first -0.021, first 55.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.0049 [-0.01576, 0.005959] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 55 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 55.58 to first -0.021, first 56.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.009333 [-0.01653, -0.002132] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 56 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 56.58 to first -0.021, first 57.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005967 [-0.01094, -0.0009901] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 57 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 57.58 to first -0.021, first 58.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.004267 [-0.01263, 0.004092] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 58 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 58.58 to first -0.021, first 59.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.003967 [-0.009852, 0.001919] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 59 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 59.58 to first -0.021, first 60.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.007333 [-0.01162, -0.00305] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 60 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 60.58 to first -0.021, first 61.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.005633 [-0.01371, 0.002444] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 61 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 61.58 to first -0.021, first 62.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.007533 [-0.01723, 0.002159] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 62 left font ',9' tc rgb '#b26b00' noenhanced
set arrow from first -0.021, first 62.58 to first -0.021, first 63.42 nohead dt 2 lw 2 lc rgb '#d95f02' front
set label '-0.006067 [-0.01404, 0.001903] INCONCLUSIVE after Holm · Holm p 0.0547' at graph 1.01, first 63 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
unset output
