# gnuplot script written by `reprise figures isaac-small-batch`; edit freely and run `gnuplot final-test-accuracy.gp`
# in this folder. The data (final-test-accuracy.tsv): index 0: one row per arm: label, group, x, mean, low, high (mean ± std), seeds, diverged; then per group: seed, label, x, value (a seed's arms joined).
set datafile separator "\t"
set datafile missing "nan"
set title 'Final test accuracy by method and batch size, mean ± std over seeds (beyond the paper)' noenhanced
set ylabel 'final test accuracy (fraction)' noenhanced
set key below noenhanced maxrows 4
set xtics ('ζ*' 0, 'SGD' 1, 'Adam' 2, 'K-FAC' 3)  noenhanced font ',9'
set xrange [-0.6:3.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.144 absolute
set bars 0.5
unset logscale y
set yrange [0.65261:0.916874]
set format y "%.4g"
set label '0.8094' at first -0.2848, first 0.8315 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8152' at first -0.1248, first 0.8375 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8162' at first 0.0352, first 0.833 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8053' at first 0.1952, first 0.827 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8176' at first 0.3552, first 0.8405 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7683' at first 0.7152, first 0.79 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7739' at first 0.8752, first 0.8155 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7564' at first 1.0352, first 0.7905 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7179' at first 1.1952, first 0.759 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7185' at first 1.3552, first 0.762 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7598' at first 1.7152, first 0.7875 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7387' at first 1.8752, first 0.779 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7678' at first 2.0352, first 0.798 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7722' at first 2.1952, first 0.8125 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7941' at first 2.3552, first 0.8175 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8011' at first 2.7152, first 0.823 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8128' at first 2.8752, first 0.831 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8192' at first 3.0352, first 0.8355 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8207' at first 3.1952, first 0.8375 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8276' at first 3.3552, first 0.845 left offset 0,0.4 rotate by 90 font ',8' front
set tmargin 4
set label 'drawn as dots, not bars: the largest claimed difference (0.0991) is under a tenth of the axis (1)' at graph 0, graph 1 left offset 0,0.8 font ',9' tc rgb '#b00000' front noenhanced
set terminal pngcairo size 960,560 font "sans,11"
set output "final-test-accuracy.png"
plot 'final-test-accuracy.tsv' index 1 using 3:4 with lines lw 0.7 lc rgb '#1f77b4' dt 3 notitle, \
  'final-test-accuracy.tsv' index 1 using 3:4 with points pt 7 ps 0.7 lc rgb '#1f77b4' title 'batch 8 (every seed; tick: mean)', \
  'final-test-accuracy.tsv' index 0 using ((strcol(2) eq 'batch 8' ? $3 : NaN) - 0.056):4:(2 * 0.056):(0) with vectors nohead lw 3 lc rgb 'black' notitle, \
  'final-test-accuracy.tsv' index 2 using 3:4 with lines lw 0.7 lc rgb '#d62728' dt 3 notitle, \
  'final-test-accuracy.tsv' index 2 using 3:4 with points pt 7 ps 0.7 lc rgb '#d62728' title 'batch 16 (every seed; tick: mean)', \
  'final-test-accuracy.tsv' index 0 using ((strcol(2) eq 'batch 16' ? $3 : NaN) - 0.056):4:(2 * 0.056):(0) with vectors nohead lw 3 lc rgb 'black' notitle, \
  'final-test-accuracy.tsv' index 3 using 3:4 with lines lw 0.7 lc rgb '#2ca02c' dt 3 notitle, \
  'final-test-accuracy.tsv' index 3 using 3:4 with points pt 7 ps 0.7 lc rgb '#2ca02c' title 'batch 32 (every seed; tick: mean)', \
  'final-test-accuracy.tsv' index 0 using ((strcol(2) eq 'batch 32' ? $3 : NaN) - 0.056):4:(2 * 0.056):(0) with vectors nohead lw 3 lc rgb 'black' notitle, \
  'final-test-accuracy.tsv' index 4 using 3:4 with lines lw 0.7 lc rgb '#ff7f0e' dt 3 notitle, \
  'final-test-accuracy.tsv' index 4 using 3:4 with points pt 7 ps 0.7 lc rgb '#ff7f0e' title 'batch 60 (every seed; tick: mean)', \
  'final-test-accuracy.tsv' index 0 using ((strcol(2) eq 'batch 60' ? $3 : NaN) - 0.056):4:(2 * 0.056):(0) with vectors nohead lw 3 lc rgb 'black' notitle, \
  'final-test-accuracy.tsv' index 5 using 3:4 with lines lw 0.7 lc rgb '#9467bd' dt 3 notitle, \
  'final-test-accuracy.tsv' index 5 using 3:4 with points pt 7 ps 0.7 lc rgb '#9467bd' title 'batch 100 (every seed; tick: mean)', \
  'final-test-accuracy.tsv' index 0 using ((strcol(2) eq 'batch 100' ? $3 : NaN) - 0.056):4:(2 * 0.056):(0) with vectors nohead lw 3 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-test-accuracy.svg"
replot
unset output
