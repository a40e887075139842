# gnuplot script written by `reprise figures curvature-vs-tuned`; edit freely and run `gnuplot final-test-accuracy.gp`
# in this folder. The data (final-test-accuracy.tsv): one row per variant label, mean and std per group.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final test accuracy, mean ± std over seeds' noenhanced
set ylabel "final test accuracy"
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.75 border -1
set key outside right top noenhanced
set xtics noenhanced rotate by -25
set grid ytics
set yrange [0.6906306499611364:0.860201132657499]
set terminal pngcairo size 960,560 font "sans,11"
set output "final-test-accuracy.png"
plot 'final-test-accuracy.tsv' using 2:3:xtic(1) title 'SGD' lc rgb '#1f77b4', \
  'final-test-accuracy.tsv' using 4:5 title 'momentum' lc rgb '#d62728', \
  'final-test-accuracy.tsv' using 6:7 title 'Adam' lc rgb '#2ca02c'
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-test-accuracy.svg"
replot
unset output
