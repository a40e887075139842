# gnuplot script written by `reprise figures baselines-fmnist`; edit freely and run `gnuplot test-accuracy.gp`
# in this folder. The data (test-accuracy.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Test accuracy (mean over the seeds)' noenhanced
set xlabel 'epoch' noenhanced
set ylabel 'test accuracy (fraction)' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
unset logscale y
set yrange [0.0327302:0.93362]
set format y "%.4g"
set terminal pngcairo size 960,560 font "sans,11"
set output "test-accuracy.png"
plot \
  'test-accuracy.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'test-accuracy.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'sgd (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'test-accuracy.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'momentum (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'test-accuracy.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'adam (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'test-accuracy.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'rmsprop (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 4 using 1:3:4 with filledcurves lc rgb '#9467bd' notitle, \
  'test-accuracy.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'adagrad (mean ± std, n = 10)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "test-accuracy.svg"
replot
unset output
