# gnuplot script written by `reprise figures ogr-beale-2d`; edit freely and run `gnuplot sorted-final-values.gp`
# in this folder. The data (sorted-final-values.tsv): one block per variant: fraction of starts, sorted value.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final values per start, sorted (15 starts × 20 noise seeds)' noenhanced
set xlabel "fraction of starts (all seeds)"
set ylabel 'final values'
set key outside right top noenhanced
set grid
set logscale y
set terminal pngcairo size 960,560 font "sans,11"
set output "sorted-final-values.png"
plot 'sorted-final-values.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'OGR', \
  'sorted-final-values.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'momentum', \
  'sorted-final-values.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'Adam'
set terminal svg size 960,560 dynamic font "sans,11"
set output "sorted-final-values.svg"
replot
unset output
