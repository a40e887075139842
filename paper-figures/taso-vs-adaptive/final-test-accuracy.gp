# gnuplot script written by `reprise figures taso-vs-adaptive`; edit freely and run `gnuplot final-test-accuracy.gp`
# in this folder. The data (final-test-accuracy.tsv): one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final test accuracy per optimiser and scenario (mean ± std over seeds)' noenhanced
set ylabel 'final test accuracy (fraction)' noenhanced
set key below noenhanced maxrows 4
set xtics ('TASO' 0, 'Adam' 1, 'RMSProp' 2, 'Adagrad' 3, 'SGD' 4, 'HTD' 5, 'cosine' 6) rotate by -30 left noenhanced font ',9'
set xrange [-0.6:6.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.36 absolute
set bars 0.5
unset logscale y
set yrange [0:1]
set format y "%.4g"
set label '0.8543' at first -0.112, first 0.85435 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8647' at first 0.288, first 0.86469 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8504' at first 0.888, first 0.85037 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8521' at first 1.288, first 0.85215 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8065' at first 1.888, first 0.80646 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8437' at first 2.288, first 0.8437 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8578' at first 2.888, first 0.85784 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8579' at first 3.288, first 0.8579 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8131' at first 3.888, first 0.81308 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8466' at first 4.288, first 0.84661 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.855' at first 4.888, first 0.855 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8651' at first 5.288, first 0.86509 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8578' at first 5.888, first 0.8578 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8646' at first 6.288, first 0.86463 left offset 0,0.4 rotate by 90 font ',8' front
set terminal pngcairo size 960,560 font "sans,11"
set output "final-test-accuracy.png"
plot 'final-test-accuracy.tsv' using (strcol(2) eq 'default hyperparameters' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title 'default hyperparameters (mean ± std over seeds)', \
  'final-test-accuracy.tsv' using (strcol(2) eq 'default hyperparameters' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-test-accuracy.tsv' using (strcol(2) eq 'validated hyperparameters' ? $3 : NaN):4 with boxes lc rgb '#d62728' title 'validated hyperparameters (mean ± std over seeds)', \
  'final-test-accuracy.tsv' using (strcol(2) eq 'validated hyperparameters' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-test-accuracy.svg"
replot
unset output
