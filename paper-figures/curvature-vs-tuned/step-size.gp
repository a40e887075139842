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
set yrange [0.000158716:0.151887]
set format y "%.4g"
set ytics ("0.00028" 0.00028, "0.00088" 0.00088, "0.0028" 0.0028, "0.0087" 0.0087, "0.027" 0.027, "0.086" 0.086)
set terminal pngcairo size 960,560 font "sans,11"
set output "step-size.png"
plot \
  'step-size.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'step-size.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'SGD rescaled (SGD) (mean ± std, n = 10)', \
  'step-size.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'step-size.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'momentum rescaled (momentum) (mean ± std, n = 10)', \
  'step-size.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'step-size.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'Adam rescaled (Adam) (mean ± std, n = 10)', \
  'step-size.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'step-size.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'SGD rescaled, reuse mode (SGD) (mean ± std, n = 10)', \
  'step-size.tsv' index 4 using 1:3:4 with filledcurves lc rgb '#9467bd' notitle, \
  'step-size.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'SGD rescaled rho_decay=0.5 (SGD) (mean ± std, n = 10)', \
  'step-size.tsv' index 5 using 1:3:4 with filledcurves lc rgb '#8c564b' notitle, \
  'step-size.tsv' index 5 using 1:2 with lines lw 2 lc rgb '#8c564b' title 'SGD rescaled rho_decay=0.9 (SGD) (mean ± std, n = 10)', \
  'step-size.tsv' index 6 using 1:3:4 with filledcurves lc rgb '#e377c2' notitle, \
  'step-size.tsv' index 6 using 1:2 with lines lw 2 lc rgb '#e377c2' title 'momentum rescaled rho_decay=0.5 (momentum) (mean ± std, n = 10)', \
  'step-size.tsv' index 7 using 1:3:4 with filledcurves lc rgb '#7f7f7f' notitle, \
  'step-size.tsv' index 7 using 1:2 with lines lw 2 lc rgb '#7f7f7f' title 'momentum rescaled rho_decay=0.9 (momentum) (mean ± std, n = 10)', \
  'step-size.tsv' index 8 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'step-size.tsv' index 8 using 1:2 with lines lw 2 lc rgb '#1f77b4' dt 2 title 'Adam rescaled rho_decay=0.5 (Adam) (mean ± std, n = 10)', \
  'step-size.tsv' index 9 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'step-size.tsv' index 9 using 1:2 with lines lw 2 lc rgb '#d62728' dt 2 title 'Adam rescaled rho_decay=0.9 (Adam) (mean ± std, n = 10)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "step-size.svg"
replot
unset output
