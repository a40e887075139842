# gnuplot script written by `reprise figures isaac-small-batch`; edit freely and run `gnuplot final-test-accuracy.gp`
# in this folder. The data (final-test-accuracy.tsv): one row per variant label, mean and std per group.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final test accuracy by method and batch size, mean ± std over seeds' noenhanced
set ylabel "final test accuracy"
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.75 border -1
set key outside right top noenhanced
set xtics noenhanced rotate by -25
set grid ytics
set yrange [0.6931375155000875:0.8520638215918925]
set terminal pngcairo size 960,560 font "sans,11"
set output "final-test-accuracy.png"
plot 'final-test-accuracy.tsv' using 2:3:xtic(1) title 'batch 8' lc rgb '#1f77b4', \
  'final-test-accuracy.tsv' using 4:5 title 'batch 16' lc rgb '#d62728', \
  'final-test-accuracy.tsv' using 6:7 title 'batch 32' lc rgb '#2ca02c', \
  'final-test-accuracy.tsv' using 8:9 title 'batch 60' lc rgb '#ff7f0e', \
  'final-test-accuracy.tsv' using 10:11 title 'batch 100' lc rgb '#9467bd'
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-test-accuracy.svg"
replot
unset output
