# gnuplot script written by `reprise figures curvature-vs-tuned`; edit freely and run `gnuplot step-size.gp`
# in this folder. The data (step-size.tsv): one block per variant: x, mean, std, seeds.
set datafile separator "\t"
set datafile missing "nan"
set title 'Step size rho·t* of the rescaled variants' noenhanced
set xlabel "step"
set ylabel "step size"
set key outside right top noenhanced
set grid
set style fill transparent solid 0.18 noborder
set logscale y
set terminal pngcairo size 960,560 font "sans,11"
set output "step-size.png"
plot \
  'step-size.tsv' index 0 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#1f77b4' notitle, \
  'step-size.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'SGD rescaled (SGD)', \
  'step-size.tsv' index 1 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#d62728' notitle, \
  'step-size.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'momentum rescaled (momentum)', \
  'step-size.tsv' index 2 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#2ca02c' notitle, \
  'step-size.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'Adam rescaled (Adam)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "step-size.svg"
replot
unset output
