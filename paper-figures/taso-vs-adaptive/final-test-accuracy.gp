# gnuplot script written by `reprise figures taso-vs-adaptive`; edit freely and run `gnuplot final-test-accuracy.gp`
# in this folder. The data (final-test-accuracy.tsv): index 0: one row per arm: label, group, x, mean, low, high (mean ± std), seeds, diverged; then per group: seed, label, x, value (a seed's arms joined).
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
set yrange [0.620848:0.961843]
set format y "%.4g"
set label '0.8542' at first -0.112, first 0.8589 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8652' at first 0.288, first 0.8685 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8482' at first 0.888, first 0.8575 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8492' at first 1.288, first 0.8629 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7923' at first 1.888, first 0.8333 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8399' at first 2.288, first 0.8631 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8576' at first 2.888, first 0.8643 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8576' at first 3.288, first 0.8643 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8108' at first 3.888, first 0.8331 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8468' at first 4.288, first 0.8576 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8552' at first 4.888, first 0.8602 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8659' at first 5.288, first 0.8691 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8564' at first 5.888, first 0.8619 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8647' at first 6.288, first 0.8681 left offset 0,0.4 rotate by 90 font ',8' front
set tmargin 4
set label 'drawn as dots, not bars: the largest claimed difference (0.02536) is under a tenth of the axis (1)' at graph 0, graph 1 left offset 0,0.8 font ',9' tc rgb '#b00000' front noenhanced
set terminal pngcairo size 960,560 font "sans,11"
set output "final-test-accuracy.png"
plot 'final-test-accuracy.tsv' index 1 using 3:4 with lines lw 0.7 lc rgb '#1f77b4' dt 3 notitle, \
  'final-test-accuracy.tsv' index 1 using 3:4 with points pt 7 ps 0.7 lc rgb '#1f77b4' title 'default hyperparameters (every seed; tick: mean)', \
  'final-test-accuracy.tsv' index 0 using ((strcol(2) eq 'default hyperparameters' ? $3 : NaN) - 0.14):4:(2 * 0.14):(0) with vectors nohead lw 3 lc rgb 'black' notitle, \
  'final-test-accuracy.tsv' index 2 using 3:4 with lines lw 0.7 lc rgb '#d62728' dt 3 notitle, \
  'final-test-accuracy.tsv' index 2 using 3:4 with points pt 7 ps 0.7 lc rgb '#d62728' title 'validated hyperparameters (every seed; tick: mean)', \
  'final-test-accuracy.tsv' index 0 using ((strcol(2) eq 'validated hyperparameters' ? $3 : NaN) - 0.14):4:(2 * 0.14):(0) with vectors nohead lw 3 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-test-accuracy.svg"
replot
unset output
