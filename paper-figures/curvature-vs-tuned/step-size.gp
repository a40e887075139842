# gnuplot script written by `reprise figures curvature-vs-tuned`; edit freely and run `gnuplot step-size.gp`
# in this folder. The data (step-size.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Step size rho·t* of the rescaled variants (reconstruction)' noenhanced
set xlabel 'step' noenhanced
set ylabel 'step size ρ·t*' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
set logscale y
set yrange [0.000509752:0.157639]
set format y "%.4g"
set ytics ("0.00082" 0.00082, "0.0021" 0.0021, "0.0056" 0.0056, "0.014" 0.014, "0.038" 0.038, "0.098" 0.098)
set terminal pngcairo size 960,560 font "sans,11"
set output "step-size.png"
plot \
  'step-size.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'step-size.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'SGD rescaled (SGD) (mean ± std, n = 3)', \
  'step-size.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'step-size.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'momentum rescaled (momentum) (mean ± std, n = 3)', \
  'step-size.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'step-size.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'Adam rescaled (Adam) (mean ± std, n = 3)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "step-size.svg"
replot
unset output
