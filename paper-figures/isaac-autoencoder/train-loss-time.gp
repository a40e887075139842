# gnuplot script written by `reprise figures isaac-autoencoder`; edit freely and run `gnuplot train-loss-time.gp`
# in this folder. The data (train-loss-time.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Auto-encoder training loss against wall-clock time (this machine)' noenhanced
set xlabel 'seconds of training on this machine (wall-clock, not reproducible)' noenhanced
set ylabel 'training loss' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
set logscale y
set yrange [0.0226584:13160.9]
set format y "%.4g"
set tmargin 4
set label 'diverged, not drawn: gradient ×1' at graph 0, graph 1 left offset 0,0.8 font ',9' tc rgb '#b00000' front noenhanced
set terminal pngcairo size 960,560 font "sans,11"
set output "train-loss-time.png"
plot \
  'train-loss-time.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'train-loss-time.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'gradient (mean over pixels) (mean ± std, n = 2; diverged ×1)', \
  'train-loss-time.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'train-loss-time.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'ζ* λ_a 0.1 (mean over pixels) (mean ± std, n = 3)', \
  'train-loss-time.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'train-loss-time.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'ζ* λ_a 0.01 (mean over pixels) (mean ± std, n = 3)', \
  'train-loss-time.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'train-loss-time.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'K-FAC λ 0.1 (mean over pixels) (mean ± std, n = 3)', \
  'train-loss-time.tsv' index 4 using 1:3:4 with filledcurves lc rgb '#9467bd' notitle, \
  'train-loss-time.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'K-FAC λ 0.01 (mean over pixels) (mean ± std, n = 3)', \
  'train-loss-time.tsv' index 5 using 1:3:4 with filledcurves lc rgb '#8c564b' notitle, \
  'train-loss-time.tsv' index 5 using 1:2 with lines lw 2 lc rgb '#8c564b' title 'ζ λ 0.1 (mean over pixels) (mean ± std, n = 3)', \
  'train-loss-time.tsv' index 6 using 1:3:4 with filledcurves lc rgb '#e377c2' notitle, \
  'train-loss-time.tsv' index 6 using 1:2 with lines lw 2 lc rgb '#e377c2' title 'ζ λ 0.01 (mean over pixels) (mean ± std, n = 3)', \
  'train-loss-time.tsv' index 7 using 1:3:4 with filledcurves lc rgb '#7f7f7f' notitle, \
  'train-loss-time.tsv' index 7 using 1:2 with lines lw 2 lc rgb '#7f7f7f' title 'gradient (sum) (sum over pixels) (mean ± std, n = 3)', \
  'train-loss-time.tsv' index 8 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'train-loss-time.tsv' index 8 using 1:2 with lines lw 2 lc rgb '#1f77b4' dt 2 title 'ζ* λ_a 0.1 (sum) (sum over pixels) (mean ± std, n = 3)', \
  'train-loss-time.tsv' index 9 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'train-loss-time.tsv' index 9 using 1:2 with lines lw 2 lc rgb '#d62728' dt 2 title 'ζ* λ_a 0.01 (sum) (sum over pixels) (mean ± std, n = 3)', \
  'train-loss-time.tsv' index 10 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'train-loss-time.tsv' index 10 using 1:2 with lines lw 2 lc rgb '#2ca02c' dt 2 title 'K-FAC λ 0.1 (sum) (sum over pixels) (mean ± std, n = 3)', \
  'train-loss-time.tsv' index 11 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'train-loss-time.tsv' index 11 using 1:2 with lines lw 2 lc rgb '#ff7f0e' dt 2 title 'K-FAC λ 0.01 (sum) (sum over pixels) (mean ± std, n = 3)', \
  'train-loss-time.tsv' index 12 using 1:3:4 with filledcurves lc rgb '#9467bd' notitle, \
  'train-loss-time.tsv' index 12 using 1:2 with lines lw 2 lc rgb '#9467bd' dt 2 title 'ζ λ 0.1 (sum) (sum over pixels) (mean ± std, n = 3)', \
  'train-loss-time.tsv' index 13 using 1:3:4 with filledcurves lc rgb '#8c564b' notitle, \
  'train-loss-time.tsv' index 13 using 1:2 with lines lw 2 lc rgb '#8c564b' dt 2 title 'ζ λ 0.01 (sum) (sum over pixels) (mean ± std, n = 3)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "train-loss-time.svg"
replot
unset output
