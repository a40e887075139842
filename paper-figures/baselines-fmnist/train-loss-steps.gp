# gnuplot script written by `reprise figures baselines-fmnist`; edit freely and run `gnuplot train-loss-steps.gp`
# in this folder. The data (train-loss-steps.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Training loss (minibatch mean per 50 steps)' noenhanced
set xlabel 'step' noenhanced
set ylabel 'training loss' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
set logscale y
set yrange [0.165984:37.1892]
set format y "%.4g"
set ytics ("0.26" 0.26, "0.64" 0.64, "1.6" 1.6, "3.9" 3.9, "9.6" 9.6, "24" 24)
set terminal pngcairo size 960,560 font "sans,11"
set output "train-loss-steps.png"
plot \
  'train-loss-steps.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'train-loss-steps.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'sgd (mean ± std, n = 10)', \
  'train-loss-steps.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'train-loss-steps.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'momentum (mean ± std, n = 10)', \
  'train-loss-steps.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'train-loss-steps.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'adam (mean ± std, n = 10)', \
  'train-loss-steps.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'train-loss-steps.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'rmsprop (mean ± std, n = 10)', \
  'train-loss-steps.tsv' index 4 using 1:3:4 with filledcurves lc rgb '#9467bd' notitle, \
  'train-loss-steps.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'adagrad (mean ± std, n = 10)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "train-loss-steps.svg"
replot
unset output
