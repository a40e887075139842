# gnuplot script written by `reprise figures curvature-regimes`; edit freely and run `gnuplot curvature.gp`
# in this folder. The data (curvature.tsv): one block per variant: x, mean, std, seeds.
set datafile separator "\t"
set datafile missing "nan"
set title 'Curvature kappa = dᵀHd along the step direction (rho = 1)' noenhanced
set xlabel "step"
set ylabel "curvature"
set key outside right top noenhanced
set grid
set style fill transparent solid 0.18 noborder
set logscale y
set terminal pngcairo size 960,560 font "sans,11"
set output "curvature.png"
plot \
  'curvature.tsv' index 0 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#1f77b4' notitle, \
  'curvature.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'SGD direction rho=1.0 (SGD direction)', \
  'curvature.tsv' index 1 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#d62728' notitle, \
  'curvature.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'momentum direction rho=1.0 (momentum direction)', \
  'curvature.tsv' index 2 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#2ca02c' notitle, \
  'curvature.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'Adam direction rho=1.0 (Adam direction)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "curvature.svg"
replot
unset output
