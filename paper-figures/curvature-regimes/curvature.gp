# gnuplot script written by `reprise figures curvature-regimes`; edit freely and run `gnuplot curvature.gp`
# in this folder. The data (curvature.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Curvature kappa = dᵀHd along the step direction (rho = 1) (reconstruction)' noenhanced
set xlabel 'step' noenhanced
set ylabel 'curvature κ = dᵀHd' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
set logscale y
set yrange [3.17466:205525]
set format y "%.4g"
set terminal pngcairo size 960,560 font "sans,11"
set output "curvature.png"
plot \
  'curvature.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'curvature.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'SGD direction rho=1.0 (SGD direction) (mean ± std, n = 10)', \
  'curvature.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'curvature.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'momentum direction rho=1.0 (momentum direction) (mean ± std, n = 10)', \
  'curvature.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'curvature.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'Adam direction rho=1.0 (Adam direction) (mean ± std, n = 10)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "curvature.svg"
replot
unset output
