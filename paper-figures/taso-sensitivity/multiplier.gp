# gnuplot script written by `reprise figures taso-sensitivity`; edit freely and run `gnuplot multiplier.gp`
# in this folder. The data (multiplier.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'TASO learning rate lr_i·f(k) per epoch (lr_i = 0.1) for a few alpha and beta' noenhanced
set xlabel 'epoch' noenhanced
set ylabel 'learning rate' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
set logscale y
set yrange [7.0791e-05:0.141402]
set format y "%.4g"
set terminal pngcairo size 960,560 font "sans,11"
set output "multiplier.png"
plot \
  'multiplier.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'multiplier.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'taso taso_alpha=5.0, taso_beta=0.7 (mean ± std, n = 3)', \
  'multiplier.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'multiplier.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'taso taso_alpha=25.0, taso_beta=0.5 (mean ± std, n = 3)', \
  'multiplier.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'multiplier.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'taso taso_alpha=25.0, taso_beta=0.7 (mean ± std, n = 3)', \
  'multiplier.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'multiplier.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'taso taso_alpha=25.0, taso_beta=0.8 (mean ± std, n = 3)', \
  'multiplier.tsv' index 4 using 1:3:4 with filledcurves lc rgb '#9467bd' notitle, \
  'multiplier.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'taso taso_alpha=80.0, taso_beta=0.7 (mean ± std, n = 3)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "multiplier.svg"
replot
unset output
