# gnuplot script written by `reprise figures ogr-saddles`; edit freely and run `gnuplot final-value.gp`
# in this folder. The data (final-value.tsv): one row per variant label, mean and std per group.
set datafile separator "\t"
set datafile missing "nan"
set title 'Mean final value over the starts (saddle value 0; minima −1, −0.75; the monkey saddle is unbounded)' noenhanced
set ylabel "final loss"
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.75 border -1
set key outside right top noenhanced
set xtics noenhanced rotate by -25
set grid ytics
set yrange [-173787944065.193:30078872608.472992]
set terminal pngcairo size 960,560 font "sans,11"
set output "final-value.png"
plot 'final-value.tsv' using 2:3:xtic(1) title 'x² − y² + y⁴/4' lc rgb '#1f77b4', \
  'final-value.tsv' using 4:5 title 'monkey saddle' lc rgb '#d62728', \
  'final-value.tsv' using 6:7 title '100-D saddle' lc rgb '#2ca02c'
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-value.svg"
replot
unset output
