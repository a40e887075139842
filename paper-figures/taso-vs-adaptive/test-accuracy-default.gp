# gnuplot script written by `reprise figures taso-vs-adaptive`; edit freely and run `gnuplot test-accuracy-default.gp`
# in this folder. The data (test-accuracy-default.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Test accuracy, default hyperparameters' noenhanced
set xlabel 'epoch' noenhanced
set ylabel 'test accuracy (fraction)' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
unset logscale y
set yrange [0.0200598:0.911811]
set format y "%.4g"
set terminal pngcairo size 960,560 font "sans,11"
set output "test-accuracy-default.png"
plot \
  'test-accuracy-default.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'test-accuracy-default.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'TASO (mean ± std, n = 10)', \
  'test-accuracy-default.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'test-accuracy-default.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'Adam (mean ± std, n = 10)', \
  'test-accuracy-default.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'test-accuracy-default.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'RMSProp (mean ± std, n = 10)', \
  'test-accuracy-default.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'test-accuracy-default.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'Adagrad (mean ± std, n = 10)', \
  'test-accuracy-default.tsv' index 4 using 1:3:4 with filledcurves lc rgb '#9467bd' notitle, \
  'test-accuracy-default.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'SGD (mean ± std, n = 10)', \
  'test-accuracy-default.tsv' index 5 using 1:3:4 with filledcurves lc rgb '#8c564b' notitle, \
  'test-accuracy-default.tsv' index 5 using 1:2 with lines lw 2 lc rgb '#8c564b' title 'HTD (mean ± std, n = 10)', \
  'test-accuracy-default.tsv' index 6 using 1:3:4 with filledcurves lc rgb '#e377c2' notitle, \
  'test-accuracy-default.tsv' index 6 using 1:2 with lines lw 2 lc rgb '#e377c2' title 'cosine (mean ± std, n = 10)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "test-accuracy-default.svg"
replot
unset output
