# gnuplot script written by `reprise figures taso-sensitivity`; edit freely and run `gnuplot multiplier.gp`
# in this folder. The data (multiplier.tsv): one block per variant: x, mean, std, seeds.
set datafile separator "\t"
set datafile missing "nan"
set title 'TASO learning rate lr_i·f(k) per epoch (lr_i = 0.1) for a few alpha and beta' noenhanced
set xlabel "epoch"
set ylabel "learning rate"
set key outside right top noenhanced
set grid
set style fill transparent solid 0.18 noborder
set logscale y
set terminal pngcairo size 960,560 font "sans,11"
set output "multiplier.png"
plot \
  'multiplier.tsv' index 0 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#1f77b4' notitle, \
  'multiplier.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'taso taso_alpha=5.0, taso_beta=0.7', \
  'multiplier.tsv' index 1 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#d62728' notitle, \
  'multiplier.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'taso taso_alpha=25.0, taso_beta=0.5', \
  'multiplier.tsv' index 2 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#2ca02c' notitle, \
  'multiplier.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'taso taso_alpha=25.0, taso_beta=0.7', \
  'multiplier.tsv' index 3 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#ff7f0e' notitle, \
  'multiplier.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'taso taso_alpha=25.0, taso_beta=0.8', \
  'multiplier.tsv' index 4 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#9467bd' notitle, \
  'multiplier.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'taso taso_alpha=80.0, taso_beta=0.7'
set terminal svg size 960,560 dynamic font "sans,11"
set output "multiplier.svg"
replot
unset output
