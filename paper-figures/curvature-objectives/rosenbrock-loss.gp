# gnuplot script written by `reprise figures curvature-objectives`; edit freely and run `gnuplot rosenbrock-loss.gp`
# in this folder. The data (rosenbrock-loss.tsv): one block per variant: x, mean, std, seeds.
set datafile separator "\t"
set datafile missing "nan"
set title 'Rosenbrock: loss per step' noenhanced
set xlabel "epoch"
set ylabel "loss"
set key outside right top noenhanced
set grid
set style fill transparent solid 0.18 noborder
set logscale y
set terminal pngcairo size 960,560 font "sans,11"
set output "rosenbrock-loss.png"
plot \
  'rosenbrock-loss.tsv' index 0 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#1f77b4' notitle, \
  'rosenbrock-loss.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'SGD noise=0.0', \
  'rosenbrock-loss.tsv' index 1 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#d62728' notitle, \
  'rosenbrock-loss.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'SGD noise=0.1', \
  'rosenbrock-loss.tsv' index 2 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#2ca02c' notitle, \
  'rosenbrock-loss.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'SGD rescaled noise=0.0', \
  'rosenbrock-loss.tsv' index 3 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#ff7f0e' notitle, \
  'rosenbrock-loss.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'SGD rescaled noise=0.1', \
  'rosenbrock-loss.tsv' index 4 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#9467bd' notitle, \
  'rosenbrock-loss.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'momentum noise=0.0', \
  'rosenbrock-loss.tsv' index 5 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#8c564b' notitle, \
  'rosenbrock-loss.tsv' index 5 using 1:2 with lines lw 2 lc rgb '#8c564b' title 'momentum noise=0.1', \
  'rosenbrock-loss.tsv' index 6 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#e377c2' notitle, \
  'rosenbrock-loss.tsv' index 6 using 1:2 with lines lw 2 lc rgb '#e377c2' title 'momentum rescaled noise=0.0', \
  'rosenbrock-loss.tsv' index 7 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#7f7f7f' notitle, \
  'rosenbrock-loss.tsv' index 7 using 1:2 with lines lw 2 lc rgb '#7f7f7f' title 'momentum rescaled noise=0.1'
set terminal svg size 960,560 dynamic font "sans,11"
set output "rosenbrock-loss.svg"
replot
unset output
