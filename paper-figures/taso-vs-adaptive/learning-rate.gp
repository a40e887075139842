# gnuplot script written by `reprise figures taso-vs-adaptive`; edit freely and run `gnuplot learning-rate.gp`
# in this folder. The data (learning-rate.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Learning rate per epoch (the schedules), default hyperparameters' noenhanced
set xlabel 'epoch' noenhanced
set ylabel 'learning rate' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
set logscale y
set yrange [1.17025e-08:0.214061]
set format y "%.4g"
set terminal pngcairo size 960,560 font "sans,11"
set output "learning-rate.png"
plot \
  'learning-rate.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'learning-rate.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'TASO (mean ± std, n = 10)', \
  'learning-rate.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'learning-rate.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'SGD (mean ± std, n = 10)', \
  'learning-rate.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'learning-rate.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'HTD (mean ± std, n = 10)', \
  'learning-rate.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'learning-rate.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'cosine (mean ± std, n = 10)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "learning-rate.svg"
replot
unset output
