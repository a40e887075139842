# gnuplot script written by `reprise figures curvature-regimes`; edit freely and run `gnuplot train-loss-momentum.gp`
# in this folder. The data (train-loss-momentum.tsv): one block per variant: x, mean, std, seeds.
set datafile separator "\t"
set datafile missing "nan"
set title 'Training loss per step, momentum direction, by rho' noenhanced
set xlabel "step"
set ylabel "train loss"
set key outside right top noenhanced
set grid
set style fill transparent solid 0.18 noborder
set logscale y
set terminal pngcairo size 960,560 font "sans,11"
set output "train-loss-momentum.png"
plot \
  'train-loss-momentum.tsv' index 0 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#1f77b4' notitle, \
  'train-loss-momentum.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'momentum direction rho=0.25', \
  'train-loss-momentum.tsv' index 1 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#d62728' notitle, \
  'train-loss-momentum.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'momentum direction rho=0.5', \
  'train-loss-momentum.tsv' index 2 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#2ca02c' notitle, \
  'train-loss-momentum.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'momentum direction rho=1.0', \
  'train-loss-momentum.tsv' index 3 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#ff7f0e' notitle, \
  'train-loss-momentum.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'momentum direction rho=1.5', \
  'train-loss-momentum.tsv' index 4 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#9467bd' notitle, \
  'train-loss-momentum.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'momentum direction rho=2.0', \
  'train-loss-momentum.tsv' index 5 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#8c564b' notitle, \
  'train-loss-momentum.tsv' index 5 using 1:2 with lines lw 2 lc rgb '#8c564b' title 'momentum direction rho=3.0', \
  'train-loss-momentum.tsv' index 6 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#e377c2' notitle, \
  'train-loss-momentum.tsv' index 6 using 1:2 with lines lw 2 lc rgb '#e377c2' title 'momentum direction rho=4.0'
set terminal svg size 960,560 dynamic font "sans,11"
set output "train-loss-momentum.svg"
replot
unset output
