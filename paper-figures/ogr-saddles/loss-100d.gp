# gnuplot script written by `reprise figures ogr-saddles`; edit freely and run `gnuplot loss-100d.gp`
# in this folder. The data (loss-100d.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title '100-D saddle: mean value over the starts per step (beyond the paper)' noenhanced
set xlabel 'step' noenhanced
set ylabel 'mean objective value over the starts' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
unset logscale y
set yrange [-0.79777:0.0982204]
set format y "%.4g"
set terminal pngcairo size 960,560 font "sans,11"
set output "loss-100d.png"
plot \
  'loss-100d.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'loss-100d.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'OGR saddle-free (mean ± std, n = 10)', \
  'loss-100d.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'loss-100d.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'OGR plain Newton (mean ± std, n = 10)', \
  'loss-100d.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'loss-100d.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'gradient descent (mean ± std, n = 10)', \
  'loss-100d.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'loss-100d.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'momentum (mean ± std, n = 10)', \
  'loss-100d.tsv' index 4 using 1:3:4 with filledcurves lc rgb '#9467bd' notitle, \
  'loss-100d.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'Adam (mean ± std, n = 10)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "loss-100d.svg"
replot
unset output
