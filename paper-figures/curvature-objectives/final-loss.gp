# gnuplot script written by `reprise figures curvature-objectives`; edit freely and run `gnuplot final-loss.gp`
# in this folder. The data (final-loss.tsv): one row per variant label, mean and std per group.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final loss, mean ± std over noise seeds' noenhanced
set ylabel "final loss"
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.75 border -1
set key outside right top noenhanced
set xtics noenhanced rotate by -25
set grid ytics
set yrange [-3.7928464373132995e+22:7.306366014362584e+22]
set terminal pngcairo size 960,560 font "sans,11"
set output "final-loss.png"
plot 'final-loss.tsv' using 2:3:xtic(1) title 'Rosenbrock' lc rgb '#1f77b4', \
  'final-loss.tsv' using 4:5 title 'Beale' lc rgb '#d62728'
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-loss.svg"
replot
unset output
