# gnuplot script written by `reprise figures taso-cnn-validated`; edit freely and run `gnuplot final-test-accuracy.gp`
# in this folder. The data (final-test-accuracy.tsv): index 0: one row per arm: label, group, x, mean, low, high (mean ± std), seeds, diverged; then per group: seed, label, x, value (a seed's arms joined).
set datafile separator "\t"
set datafile missing "nan"
set title 'Final test accuracy per optimiser, validated hyperparameters (mean ± std over seeds)' noenhanced
set ylabel 'final test accuracy (fraction)' noenhanced
set key below noenhanced maxrows 4
set xtics ('TASO' 0, 'Adam' 1, 'RMSProp' 2, 'Adagrad' 3)  noenhanced font ',9'
set xrange [-0.6:3.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.72 absolute
set bars 0.5
unset logscale y
set yrange [0.67646:0.907964]
set format y "%.4g"
set label '0.8266' at first 0.176, first 0.845 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8257' at first 1.176, first 0.84 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7783' at first 2.176, first 0.822 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7911' at first 3.176, first 0.8395 left offset 0,0.4 rotate by 90 font ',8' front
set tmargin 4
set label 'drawn as dots, not bars: the largest claimed difference (0.04825) is under a tenth of the axis (1)' at graph 0, graph 1 left offset 0,0.8 font ',9' tc rgb '#b00000' front noenhanced
set terminal pngcairo size 960,560 font "sans,11"
set output "final-test-accuracy.png"
plot 'final-test-accuracy.tsv' index 1 using 3:4 with lines lw 0.7 lc rgb '#1f77b4' dt 3 notitle, \
  'final-test-accuracy.tsv' index 1 using 3:4 with points pt 7 ps 0.7 lc rgb '#1f77b4' title 'test accuracy (fraction) (every seed; tick: mean)', \
  'final-test-accuracy.tsv' index 0 using ((strcol(2) eq '' ? $3 : NaN) - 0.28):4:(2 * 0.28):(0) with vectors nohead lw 3 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-test-accuracy.svg"
replot
unset output
