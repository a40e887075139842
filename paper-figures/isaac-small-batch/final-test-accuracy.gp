# gnuplot script written by `reprise figures isaac-small-batch`; edit freely and run `gnuplot final-test-accuracy.gp`
# in this folder. The data (final-test-accuracy.tsv): one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final test accuracy by method and batch size, mean ± std over seeds (beyond the paper)' noenhanced
set ylabel 'final test accuracy (fraction)' noenhanced
set key below noenhanced maxrows 4
set xtics ('ζ*' 0, 'SGD' 1, 'Adam' 2)  noenhanced font ',9'
set xrange [-0.6:2.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.144 absolute
set bars 0.5
unset logscale y
set yrange [0:1]
set format y "%.4g"
set label '0.8094' at first -0.2848, first 0.80935 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8152' at first -0.1248, first 0.8152 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8162' at first 0.0352, first 0.8162 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8053' at first 0.1952, first 0.80525 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8176' at first 0.3552, first 0.81755 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7683' at first 0.7152, first 0.76825 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7739' at first 0.8752, first 0.77385 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7564' at first 1.0352, first 0.7564 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7179' at first 1.1952, first 0.71795 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7185' at first 1.3552, first 0.71845 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7598' at first 1.7152, first 0.75985 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7387' at first 1.8752, first 0.7387 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7678' at first 2.0352, first 0.76785 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7722' at first 2.1952, first 0.77225 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7941' at first 2.3552, first 0.79405 left offset 0,0.4 rotate by 90 font ',8' front
set terminal pngcairo size 960,560 font "sans,11"
set output "final-test-accuracy.png"
plot 'final-test-accuracy.tsv' using (strcol(2) eq 'batch 8' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title 'batch 8 (mean ± std over seeds)', \
  'final-test-accuracy.tsv' using (strcol(2) eq 'batch 8' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-test-accuracy.tsv' using (strcol(2) eq 'batch 16' ? $3 : NaN):4 with boxes lc rgb '#d62728' title 'batch 16 (mean ± std over seeds)', \
  'final-test-accuracy.tsv' using (strcol(2) eq 'batch 16' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-test-accuracy.tsv' using (strcol(2) eq 'batch 32' ? $3 : NaN):4 with boxes lc rgb '#2ca02c' title 'batch 32 (mean ± std over seeds)', \
  'final-test-accuracy.tsv' using (strcol(2) eq 'batch 32' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-test-accuracy.tsv' using (strcol(2) eq 'batch 60' ? $3 : NaN):4 with boxes lc rgb '#ff7f0e' title 'batch 60 (mean ± std over seeds)', \
  'final-test-accuracy.tsv' using (strcol(2) eq 'batch 60' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-test-accuracy.tsv' using (strcol(2) eq 'batch 100' ? $3 : NaN):4 with boxes lc rgb '#9467bd' title 'batch 100 (mean ± std over seeds)', \
  'final-test-accuracy.tsv' using (strcol(2) eq 'batch 100' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-test-accuracy.svg"
replot
unset output
