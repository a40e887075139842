# gnuplot script written by `reprise figures curvature-regimes`; edit freely and run `gnuplot step-size.gp`
# in this folder. The data (step-size.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Step size rho·t* along d (rho = 1) (reconstruction)' noenhanced
set xlabel 'step' noenhanced
set ylabel 'step size ρ·t*' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
set logscale y
set yrange [0.00172465:0.17382]
set format y "%.4g"
set ytics ("0.0025" 0.0025, "0.0055" 0.0055, "0.012" 0.012, "0.025" 0.025, "0.055" 0.055, "0.12" 0.12)
set terminal pngcairo size 960,560 font "sans,11"
set output "step-size.png"
plot \
  'step-size.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'step-size.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'SGD direction rho=1.0 (SGD direction) (mean ± std, n = 10)', \
  'step-size.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'step-size.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'momentum direction rho=1.0 (momentum direction) (mean ± std, n = 10)', \
  'step-size.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'step-size.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'Adam direction rho=1.0 (Adam direction) (mean ± std, n = 10)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "step-size.svg"
replot
unset output
