# gnuplot script written by `reprise figures ogr-beale-3d`; edit freely and run `gnuplot sorted-343.gp`
# in this folder. The data (sorted-343.tsv): one block per variant: fraction of starts, sorted value.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final values per start, sorted (343 starts × 20 noise seeds)' noenhanced
set xlabel "fraction of starts (all seeds)"
set ylabel 'final values' noenhanced
set key below noenhanced maxrows 4
set grid
set xrange [0:1]
set logscale y
set yrange [1.58234e-07:2.98806e+14]
set format y "%.4g"
set tmargin 4
set label 'failed starts, not drawn: sOGR d=2 ×29; sOGR d=1 ×3' at graph 0, graph 1 left offset 0,0.8 font ',9' tc rgb '#b00000' front noenhanced
set terminal pngcairo size 960,560 font "sans,11"
set output "sorted-343.png"
plot 'sorted-343.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'momentum (6860 starts, 20 seeds)', \
  'sorted-343.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'Adam (6860 starts, 20 seeds)', \
  'sorted-343.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'sOGR d=2 (6860 starts, 20 seeds; failed ×29)', \
  'sorted-343.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'sOGR d=1 (6860 starts, 20 seeds; failed ×3)', \
  'sorted-343.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'fOGR (6860 starts, 20 seeds)', \
  'sorted-343.tsv' index 5 using 1:2 with lines lw 2 lc rgb '#8c564b' title 'dOGR (6860 starts, 20 seeds)', \
  'sorted-343.tsv' index 6 using 1:2 with lines lw 2 lc rgb '#e377c2' title 'dsOGR d=2 (6860 starts, 20 seeds)', \
  'sorted-343.tsv' index 7 using 1:2 with lines lw 2 lc rgb '#7f7f7f' title 'dsOGR d=1 (6860 starts, 20 seeds)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "sorted-343.svg"
replot
unset output
