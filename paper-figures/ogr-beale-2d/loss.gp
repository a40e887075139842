# gnuplot script written by `reprise figures ogr-beale-2d`; edit freely and run `gnuplot loss.gp`
# in this folder. The data (loss.tsv): one block per variant: x, mean, std, seeds.
set datafile separator "\t"
set datafile missing "nan"
set title 'Mean value over the starts per step' noenhanced
set xlabel "epoch"
set ylabel "loss"
set key outside right top noenhanced
set grid
set style fill transparent solid 0.18 noborder
set logscale y
set terminal pngcairo size 960,560 font "sans,11"
set output "loss.png"
plot \
  'loss.tsv' index 0 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#1f77b4' notitle, \
  'loss.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'OGR', \
  'loss.tsv' index 1 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#d62728' notitle, \
  'loss.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'momentum', \
  'loss.tsv' index 2 using 1:($2-$3 > 0 ? $2-$3 : $2/10):($2+$3) with filledcurves lc rgb '#2ca02c' notitle, \
  'loss.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'Adam'
set terminal svg size 960,560 dynamic font "sans,11"
set output "loss.svg"
replot
unset output
