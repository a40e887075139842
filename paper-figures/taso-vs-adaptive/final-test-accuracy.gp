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
set label '0.8542' at first -0.112, first 0.85423 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8652' at first 0.288, first 0.86523 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8482' at first 0.888, first 0.84824 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8492' at first 1.288, first 0.84916 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7923' at first 1.888, first 0.79233 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8399' at first 2.288, first 0.83987 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8576' at first 2.888, first 0.85758 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8576' at first 3.288, first 0.85758 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8108' at first 3.888, first 0.81083 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8468' at first 4.288, first 0.84685 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8552' at first 4.888, first 0.85521 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8659' at first 5.288, first 0.86585 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8564' at first 5.888, first 0.85637 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8647' at first 6.288, first 0.8647 left offset 0,0.4 rotate by 90 font ',8' front
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
