# gnuplot script written by `reprise figures curvature-regimes`; edit freely and run `gnuplot train-loss-momentum.gp`
# in this folder. The data (train-loss-momentum.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Training loss per step, momentum direction, by rho (reconstruction)' noenhanced
set xlabel 'step' noenhanced
set ylabel 'training loss' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
set logscale y
set yrange [0.0779228:43.538]
set format y "%.4g"
set ytics ("0.13" 0.13, "0.38" 0.38, "1.1" 1.1, "3.1" 3.1, "9" 9, "26" 26)
set tmargin 4
set label 'diverged, not drawn: momentum direction rho=2.0 ×3; momentum direction rho=3.0 ×10; momentum direction rho=4.0 ×10' at graph 0, graph 1 left offset 0,0.8 font ',9' tc rgb '#b00000' front noenhanced
set terminal pngcairo size 960,560 font "sans,11"
set output "train-loss-momentum.png"
plot \
  'train-loss-momentum.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'train-loss-momentum.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'momentum direction rho=0.25 (mean ± std, n = 10)', \
  'train-loss-momentum.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'train-loss-momentum.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'momentum direction rho=0.5 (mean ± std, n = 10)', \
  'train-loss-momentum.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'train-loss-momentum.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'momentum direction rho=1.0 (mean ± std, n = 10)', \
  'train-loss-momentum.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'train-loss-momentum.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'momentum direction rho=1.5 (mean ± std, n = 10)', \
  'train-loss-momentum.tsv' index 4 using 1:3:4 with filledcurves lc rgb '#9467bd' notitle, \
  'train-loss-momentum.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'momentum direction rho=2.0 (mean ± std, n = 7; diverged ×3)', \
  'train-loss-momentum.tsv' index 5 using 1:3:4 with filledcurves lc rgb '#8c564b' notitle, \
  'train-loss-momentum.tsv' index 5 using 1:2 with lines lw 2 lc rgb '#8c564b' title 'momentum direction rho=3.0 (mean ± std, n = 0; diverged ×10)', \
  'train-loss-momentum.tsv' index 6 using 1:3:4 with filledcurves lc rgb '#e377c2' notitle, \
  'train-loss-momentum.tsv' index 6 using 1:2 with lines lw 2 lc rgb '#e377c2' title 'momentum direction rho=4.0 (mean ± std, n = 0; diverged ×10)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "train-loss-momentum.svg"
replot
unset output
