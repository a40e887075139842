# gnuplot script written by `reprise figures ogr-beale-2d`; edit freely and run `gnuplot sorted-final-values.gp`
# in this folder. The data (sorted-final-values.tsv): one block per variant: fraction of starts, sorted value.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final values per start, sorted (15 starts × 20 noise seeds)' noenhanced
set xlabel "fraction of starts (all seeds)"
set ylabel 'final values' noenhanced
set key below noenhanced maxrows 4
set grid
set xrange [0:1]
set logscale y
set yrange [7.12865e-07:19.9343]
set format y "%.4g"
set tmargin 4
set label 'failed starts, not drawn: momentum ×3' at graph 0, graph 1 left offset 0,0.8 font ',9' tc rgb '#b00000' front noenhanced
set terminal pngcairo size 960,560 font "sans,11"
set output "sorted-final-values.png"
plot 'sorted-final-values.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'OGR (300 starts, 20 seeds)', \
  'sorted-final-values.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'momentum (300 starts, 20 seeds; failed ×3)', \
  'sorted-final-values.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'Adam (300 starts, 20 seeds)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "sorted-final-values.svg"
replot
unset output
