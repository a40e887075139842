# gnuplot script written by `reprise figures taso-vs-adaptive`; edit freely and run `gnuplot learning-rate.gp`
# in this folder. The data (learning-rate.tsv): one block per variant: x, mean, std, seeds.
set datafile separator "\t"
set datafile missing "nan"
set title 'Learning rate per epoch (the schedules), default hyperparameters' noenhanced
set xlabel "epoch"
set ylabel "learning rate"
set key outside right top noenhanced
set grid
set style fill transparent solid 0.18 noborder
set logscale y
set terminal pngcairo size 960,560 font "sans,11"
set output "learning-rate.png"
plot \
  'learning-rate.tsv' index 0 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#1f77b4' notitle, \
  'learning-rate.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'TASO', \
  'learning-rate.tsv' index 1 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#d62728' notitle, \
  'learning-rate.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'SGD', \
  'learning-rate.tsv' index 2 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#2ca02c' notitle, \
  'learning-rate.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'HTD', \
  'learning-rate.tsv' index 3 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#ff7f0e' notitle, \
  'learning-rate.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'cosine'
set terminal svg size 960,560 dynamic font "sans,11"
set output "learning-rate.svg"
replot
unset output
