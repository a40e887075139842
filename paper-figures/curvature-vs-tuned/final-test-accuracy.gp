# gnuplot script written by `reprise figures curvature-vs-tuned`; edit freely and run `gnuplot final-test-accuracy.gp`
# in this folder. The data (final-test-accuracy.tsv): one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged.
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
set yrange [0:1]
set format y "%.4g"
set label '0.7813' at first 0.176, first 0.78135 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7101' at first 1.176, first 0.7101 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8295' at first 2.176, first 0.82946 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8232' at first 3.176, first 0.82319 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8403' at first 4.176, first 0.8403 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8305' at first 5.176, first 0.83055 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7813' at first 6.176, first 0.78135 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7843' at first 7.176, first 0.78433 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7604' at first 8.176, first 0.76035 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8297' at first 9.176, first 0.82973 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8025' at first 10.176, first 0.8025 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8474' at first 11.176, first 0.84743 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8206' at first 12.176, first 0.82061 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7718' at first 13.176, first 0.77182 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8329' at first 14.176, first 0.83292 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8447' at first 15.176, first 0.84468 left offset 0,0.4 rotate by 90 font ',8' front
set terminal pngcairo size 960,560 font "sans,11"
set output "final-test-accuracy.png"
plot 'final-test-accuracy.tsv' using (strcol(2) eq 'SGD' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title 'SGD (mean ± std over seeds)', \
  'final-test-accuracy.tsv' using (strcol(2) eq 'SGD' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-test-accuracy.tsv' using (strcol(2) eq 'momentum' ? $3 : NaN):4 with boxes lc rgb '#d62728' title 'momentum (mean ± std over seeds)', \
  'final-test-accuracy.tsv' using (strcol(2) eq 'momentum' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-test-accuracy.tsv' using (strcol(2) eq 'Adam' ? $3 : NaN):4 with boxes lc rgb '#2ca02c' title 'Adam (mean ± std over seeds)', \
  'final-test-accuracy.tsv' using (strcol(2) eq 'Adam' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-test-accuracy.svg"
replot
unset output
