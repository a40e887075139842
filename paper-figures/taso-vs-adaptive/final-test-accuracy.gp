# gnuplot script written by `reprise figures taso-vs-adaptive`; edit freely and run `gnuplot final-test-accuracy.gp`
# in this folder. The data (final-test-accuracy.tsv): one row per variant label, mean and std per group.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final test accuracy per optimiser and scenario (mean ± std over seeds)' noenhanced
set ylabel "final test accuracy"
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.75 border -1
set key outside right top noenhanced
set xtics noenhanced rotate by -25
set grid ytics
set yrange [0.7329733796159975:0.871568996718966]
set terminal pngcairo size 960,560 font "sans,11"
set output "final-test-accuracy.png"
plot 'final-test-accuracy.tsv' using 2:3:xtic(1) title 'default hyperparameters' lc rgb '#1f77b4', \
  'final-test-accuracy.tsv' using 4:5 title 'validated hyperparameters' lc rgb '#d62728'
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-test-accuracy.svg"
replot
unset output
