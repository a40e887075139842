# gnuplot script written by `reprise figures baselines-fmnist`; edit freely and run `gnuplot train-loss.gp`
# in this folder. The data (train-loss.tsv): one block per variant: x, mean, std, seeds.
set datafile separator "\t"
set datafile missing "nan"
set title 'Training loss (minibatch mean per epoch)' noenhanced
set xlabel "epoch"
set ylabel "train loss"
set key outside right top noenhanced
set grid
set style fill transparent solid 0.18 noborder
set logscale y
set terminal pngcairo size 960,560 font "sans,11"
set output "train-loss.png"
plot \
  'train-loss.tsv' index 0 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#1f77b4' notitle, \
  'train-loss.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'sgd', \
  'train-loss.tsv' index 1 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#d62728' notitle, \
  'train-loss.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'momentum', \
  'train-loss.tsv' index 2 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#2ca02c' notitle, \
  'train-loss.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'adam', \
  'train-loss.tsv' index 3 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#ff7f0e' notitle, \
  'train-loss.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'rmsprop', \
  'train-loss.tsv' index 4 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#9467bd' notitle, \
  'train-loss.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'adagrad'
set terminal svg size 960,560 dynamic font "sans,11"
set output "train-loss.svg"
replot
unset output
