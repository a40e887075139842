# gnuplot script written by `reprise figures curvature-vs-tuned`; edit freely and run `gnuplot final-test-accuracy.gp`
# in this folder. The data (final-test-accuracy.tsv): index 0: one row per arm: label, group, x, mean, low, high (mean ± std), seeds, diverged; then per group: seed, label, x, value (a seed's arms joined).
set datafile separator "\t"
set datafile missing "nan"
set title 'Final test accuracy, mean ± std over seeds (reconstruction)' noenhanced
set ylabel 'final test accuracy (fraction)' noenhanced
set key below noenhanced maxrows 4
set xtics ('SGD rescaled' 0, 'SGD tuned' 1, 'momentum rescaled' 2, 'momentum tuned' 3, 'Adam rescaled' 4, 'Adam tuned' 5, 'SGD rescaled, reuse mode' 6, 'SGD rescaled rho_decay=0.5' 7, 'SGD rescaled rho_decay=0.9' 8, 'momentum rescaled rho_decay=0.5' 9, 'momentum rescaled rho_decay=0.9' 10, 'Adam rescaled rho_decay=0.5' 11, 'Adam rescaled rho_decay=0.9' 12, 'SGD decayed, tuned' 13, 'momentum decayed, tuned' 14, 'Adam decayed, tuned' 15) rotate by -30 left noenhanced font ',9'
set xrange [-0.6:15.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.72 absolute
set bars 0.5
unset logscale y
set yrange [0.579778:0.956445]
set format y "%.4g"
set label '0.7813' at first 0.176, first 0.7941 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7101' at first 1.176, first 0.8015 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8295' at first 2.176, first 0.837 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8232' at first 3.176, first 0.8445 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8403' at first 4.176, first 0.854 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8305' at first 5.176, first 0.8459 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7813' at first 6.176, first 0.7941 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7843' at first 7.176, first 0.792 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7604' at first 8.176, first 0.7953 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8297' at first 9.176, first 0.8416 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8025' at first 10.176, first 0.8352 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8474' at first 11.176, first 0.8526 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8206' at first 12.176, first 0.8436 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7718' at first 13.176, first 0.8039 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8329' at first 14.176, first 0.8432 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8447' at first 15.176, first 0.849 left offset 0,0.4 rotate by 90 font ',8' front
set tmargin 4
set label 'drawn as dots, not bars: the largest claimed difference (0.07125) is under a tenth of the axis (1)' at graph 0, graph 1 left offset 0,0.8 font ',9' tc rgb '#b00000' front noenhanced
set terminal pngcairo size 960,560 font "sans,11"
set output "final-test-accuracy.png"
plot 'final-test-accuracy.tsv' index 1 using 3:4 with lines lw 0.7 lc rgb '#1f77b4' dt 3 notitle, \
  'final-test-accuracy.tsv' index 1 using 3:4 with points pt 7 ps 0.7 lc rgb '#1f77b4' title 'SGD (every seed; tick: mean)', \
  'final-test-accuracy.tsv' index 0 using ((strcol(2) eq 'SGD' ? $3 : NaN) - 0.28):4:(2 * 0.28):(0) with vectors nohead lw 3 lc rgb 'black' notitle, \
  'final-test-accuracy.tsv' index 2 using 3:4 with lines lw 0.7 lc rgb '#d62728' dt 3 notitle, \
  'final-test-accuracy.tsv' index 2 using 3:4 with points pt 7 ps 0.7 lc rgb '#d62728' title 'momentum (every seed; tick: mean)', \
  'final-test-accuracy.tsv' index 0 using ((strcol(2) eq 'momentum' ? $3 : NaN) - 0.28):4:(2 * 0.28):(0) with vectors nohead lw 3 lc rgb 'black' notitle, \
  'final-test-accuracy.tsv' index 3 using 3:4 with lines lw 0.7 lc rgb '#2ca02c' dt 3 notitle, \
  'final-test-accuracy.tsv' index 3 using 3:4 with points pt 7 ps 0.7 lc rgb '#2ca02c' title 'Adam (every seed; tick: mean)', \
  'final-test-accuracy.tsv' index 0 using ((strcol(2) eq 'Adam' ? $3 : NaN) - 0.28):4:(2 * 0.28):(0) with vectors nohead lw 3 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-test-accuracy.svg"
replot
unset output
