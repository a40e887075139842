# gnuplot script written by `reprise figures curvature-cnn`; edit freely and run `gnuplot train-loss.gp`
# in this folder. The data (train-loss.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Training loss per step, by rho, and the cost arms (reconstruction)' noenhanced
set xlabel 'step' noenhanced
set ylabel 'training loss' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
set logscale y
set yrange [0.23425:122.193]
set format y "%.4g"
set ytics ("0.39" 0.39, "1.1" 1.1, "3.2" 3.2, "9" 9, "26" 26, "73" 73)
set tmargin 4
set label 'diverged, not drawn: SGD direction rho=4.0 ×3' at graph 0, graph 1 left offset 0,0.8 font ',9' tc rgb '#b00000' front noenhanced
set terminal pngcairo size 960,560 font "sans,11"
set output "train-loss.png"
plot \
  'train-loss.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'train-loss.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'SGD direction rho=0.5 (SGD direction) (mean ± std, n = 5)', \
  'train-loss.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'train-loss.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'SGD direction rho=1.0 (SGD direction) (mean ± std, n = 5)', \
  'train-loss.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'train-loss.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'SGD direction rho=2.0 (SGD direction) (mean ± std, n = 5)', \
  'train-loss.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'train-loss.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'SGD direction rho=4.0 (SGD direction) (mean ± std, n = 2; diverged ×3)', \
  'train-loss.tsv' index 4 using 1:3:4 with filledcurves lc rgb '#9467bd' notitle, \
  'train-loss.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'gradient step (cost) (mean ± std, n = 5)', \
  'train-loss.tsv' index 5 using 1:3:4 with filledcurves lc rgb '#8c564b' notitle, \
  'train-loss.tsv' index 5 using 1:2 with lines lw 2 lc rgb '#8c564b' title 'rescaled, Taylor mode (cost) (mean ± std, n = 5)', \
  'train-loss.tsv' index 6 using 1:3:4 with filledcurves lc rgb '#e377c2' notitle, \
  'train-loss.tsv' index 6 using 1:2 with lines lw 2 lc rgb '#e377c2' title 'rescaled, reuse mode (cost) (mean ± std, n = 5)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "train-loss.svg"
replot
unset output
