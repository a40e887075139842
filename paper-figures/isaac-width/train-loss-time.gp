# gnuplot script written by `reprise figures isaac-width`; edit freely and run `gnuplot train-loss-time.gp`
# in this folder. The data (train-loss-time.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Training loss against wall-clock time (this machine), by width: the gradient, zeta* and zeta' noenhanced
set xlabel 'seconds of training on this machine (wall-clock, not reproducible)' noenhanced
set ylabel 'training loss' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
set logscale y
set yrange [0.547661:3.22791]
set format y "%.4g"
set ytics ("0.63" 0.63, "0.85" 0.85, "1.1" 1.1, "1.5" 1.5, "2.1" 2.1, "2.8" 2.8)
set terminal pngcairo size 960,560 font "sans,11"
set output "train-loss-time.png"
plot \
  'train-loss-time.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'train-loss-time.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'gradient (width 100) (mean ± std, n = 5)', \
  'train-loss-time.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'train-loss-time.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'ζ* (width 100) (mean ± std, n = 5)', \
  'train-loss-time.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'train-loss-time.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'ζ (width 100) (mean ± std, n = 5)', \
  'train-loss-time.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'train-loss-time.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'gradient (width 400) (mean ± std, n = 5)', \
  'train-loss-time.tsv' index 4 using 1:3:4 with filledcurves lc rgb '#9467bd' notitle, \
  'train-loss-time.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'ζ* (width 400) (mean ± std, n = 5)', \
  'train-loss-time.tsv' index 5 using 1:3:4 with filledcurves lc rgb '#8c564b' notitle, \
  'train-loss-time.tsv' index 5 using 1:2 with lines lw 2 lc rgb '#8c564b' title 'ζ (width 400) (mean ± std, n = 5)', \
  'train-loss-time.tsv' index 6 using 1:3:4 with filledcurves lc rgb '#e377c2' notitle, \
  'train-loss-time.tsv' index 6 using 1:2 with lines lw 2 lc rgb '#e377c2' title 'gradient (width 1600) (mean ± std, n = 5)', \
  'train-loss-time.tsv' index 7 using 1:3:4 with filledcurves lc rgb '#7f7f7f' notitle, \
  'train-loss-time.tsv' index 7 using 1:2 with lines lw 2 lc rgb '#7f7f7f' title 'ζ* (width 1600) (mean ± std, n = 5)', \
  'train-loss-time.tsv' index 8 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'train-loss-time.tsv' index 8 using 1:2 with lines lw 2 lc rgb '#1f77b4' dt 2 title 'ζ (width 1600) (mean ± std, n = 5)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "train-loss-time.svg"
replot
unset output
