# gnuplot script written by `reprise figures ogr-beale-3d`; edit freely and run `gnuplot sorted-125.gp`
# in this folder. The data (sorted-125.tsv): one block per variant: fraction of starts, sorted value.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final values per start, sorted (125 starts × 20 noise seeds)' noenhanced
set xlabel "fraction of starts (all seeds)"
set ylabel 'final values' noenhanced
set key below noenhanced maxrows 4
set grid
set xrange [0:1]
set logscale y
set yrange [4.24049e-07:2.2193e+12]
set format y "%.4g"
set terminal pngcairo size 960,560 font "sans,11"
set output "sorted-125.png"
plot 'sorted-125.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'fOGR (2500 starts, 20 seeds)', \
  'sorted-125.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'sOGR d=1 (2500 starts, 20 seeds)', \
  'sorted-125.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'sOGR d=2 (2500 starts, 20 seeds)', \
  'sorted-125.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'Adam (2500 starts, 20 seeds)', \
  'sorted-125.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'momentum (2500 starts, 20 seeds)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "sorted-125.svg"
replot
unset output
