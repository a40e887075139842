# gnuplot script written by `reprise figures curvature-regimes`; edit freely and run `gnuplot train-loss-sgd.gp`
# in this folder. The data (train-loss-sgd.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Training loss per step, SGD direction, by rho (reconstruction)' noenhanced
set xlabel 'step' noenhanced
set ylabel 'training loss' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
set logscale y
set yrange [0.274978:5.10418]
set format y "%.4g"
set ytics ("0.35" 0.35, "0.57" 0.57, "0.93" 0.93, "1.5" 1.5, "2.5" 2.5, "4" 4)
set terminal pngcairo size 960,560 font "sans,11"
set output "train-loss-sgd.png"
plot \
  'train-loss-sgd.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'train-loss-sgd.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'SGD direction rho=0.25 (mean ± std, n = 10)', \
  'train-loss-sgd.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'train-loss-sgd.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'SGD direction rho=0.5 (mean ± std, n = 10)', \
  'train-loss-sgd.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'train-loss-sgd.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'SGD direction rho=1.0 (mean ± std, n = 10)', \
  'train-loss-sgd.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'train-loss-sgd.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'SGD direction rho=1.5 (mean ± std, n = 10)', \
  'train-loss-sgd.tsv' index 4 using 1:3:4 with filledcurves lc rgb '#9467bd' notitle, \
  'train-loss-sgd.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'SGD direction rho=2.0 (mean ± std, n = 10)', \
  'train-loss-sgd.tsv' index 5 using 1:3:4 with filledcurves lc rgb '#8c564b' notitle, \
  'train-loss-sgd.tsv' index 5 using 1:2 with lines lw 2 lc rgb '#8c564b' title 'SGD direction rho=3.0 (mean ± std, n = 10)', \
  'train-loss-sgd.tsv' index 6 using 1:3:4 with filledcurves lc rgb '#e377c2' notitle, \
  'train-loss-sgd.tsv' index 6 using 1:2 with lines lw 2 lc rgb '#e377c2' title 'SGD direction rho=4.0 (mean ± std, n = 10)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "train-loss-sgd.svg"
replot
unset output
