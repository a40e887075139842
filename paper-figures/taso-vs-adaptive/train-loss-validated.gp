# gnuplot script written by `reprise figures taso-vs-adaptive`; edit freely and run `gnuplot train-loss-validated.gp`
# in this folder. The data (train-loss-validated.tsv): one block per variant: x, mean, std, seeds.
set datafile separator "\t"
set datafile missing "nan"
set title 'Training loss, validated hyperparameters' noenhanced
set xlabel "epoch"
set ylabel "train loss"
set key outside right top noenhanced
set grid
set style fill transparent solid 0.18 noborder
set logscale y
set terminal pngcairo size 960,560 font "sans,11"
set output "train-loss-validated.png"
plot \
  'train-loss-validated.tsv' index 0 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#1f77b4' notitle, \
  'train-loss-validated.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'TASO', \
  'train-loss-validated.tsv' index 1 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#d62728' notitle, \
  'train-loss-validated.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'Adam', \
  'train-loss-validated.tsv' index 2 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#2ca02c' notitle, \
  'train-loss-validated.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'RMSProp', \
  'train-loss-validated.tsv' index 3 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#ff7f0e' notitle, \
  'train-loss-validated.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'Adagrad', \
  'train-loss-validated.tsv' index 4 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#9467bd' notitle, \
  'train-loss-validated.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'SGD', \
  'train-loss-validated.tsv' index 5 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#8c564b' notitle, \
  'train-loss-validated.tsv' index 5 using 1:2 with lines lw 2 lc rgb '#8c564b' title 'HTD', \
  'train-loss-validated.tsv' index 6 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#e377c2' notitle, \
  'train-loss-validated.tsv' index 6 using 1:2 with lines lw 2 lc rgb '#e377c2' title 'cosine'
set terminal svg size 960,560 dynamic font "sans,11"
set output "train-loss-validated.svg"
replot
unset output
