# gnuplot script written by `reprise figures ogr-beale-2d`; edit freely and run `gnuplot mean-final-value.gp`
# in this folder. The data (mean-final-value.tsv): one row per variant label, mean and std per group.
set datafile separator "\t"
set datafile missing "nan"
set title 'Mean final value over the 15 starts, mean ± std over 20 noise seeds' noenhanced
set ylabel "final loss"
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.75 border -1
set key outside right top noenhanced
set xtics noenhanced rotate by -25
set grid ytics
set yrange [-0.3013736407377415:1.398404289370679]
set terminal pngcairo size 960,560 font "sans,11"
set output "mean-final-value.png"
plot 'mean-final-value.tsv' using 2:3:xtic(1) title 'loss' lc rgb '#1f77b4'
set terminal svg size 960,560 dynamic font "sans,11"
set output "mean-final-value.svg"
replot
unset output
