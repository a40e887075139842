# gnuplot script written by `reprise figures taso-cnn-validated`; edit freely and run `gnuplot final-test-accuracy.gp`
# in this folder. The data (final-test-accuracy.tsv): one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged.
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
set yrange [0:1]
set format y "%.4g"
set label '0.8266' at first 0.176, first 0.826583 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8257' at first 1.176, first 0.825667 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7783' at first 2.176, first 0.778333 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7911' at first 3.176, first 0.791083 left offset 0,0.4 rotate by 90 font ',8' front
set terminal pngcairo size 960,560 font "sans,11"
set output "final-test-accuracy.png"
plot 'final-test-accuracy.tsv' using (strcol(2) eq '' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title 'test accuracy (fraction) (mean ± std over seeds)', \
  'final-test-accuracy.tsv' using (strcol(2) eq '' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-test-accuracy.svg"
replot
unset output
