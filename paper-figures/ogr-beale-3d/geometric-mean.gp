# gnuplot script written by `reprise figures ogr-beale-3d`; edit freely and run `gnuplot geometric-mean.gp`
# in this folder. The data (geometric-mean.tsv): one row per variant label, mean and std per group.
set datafile separator "\t"
set datafile missing "nan"
set title 'Geometric mean of the final values over the starts, mean ± std over 20 noise seeds' noenhanced
set ylabel "final geometric mean loss"
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.75 border -1
set key outside right top noenhanced
set xtics noenhanced rotate by -25
set grid ytics
set yrange [-4.663227659139981:20.53994006946595]
set terminal pngcairo size 960,560 font "sans,11"
set output "geometric-mean.png"
plot 'geometric-mean.tsv' using 2:3:xtic(1) title '125 starts' lc rgb '#1f77b4', \
  'geometric-mean.tsv' using 4:5 title '343 starts' lc rgb '#d62728'
set terminal svg size 960,560 dynamic font "sans,11"
set output "geometric-mean.svg"
replot
unset output
