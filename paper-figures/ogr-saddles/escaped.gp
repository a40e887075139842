# gnuplot script written by `reprise figures ogr-saddles`; edit freely and run `gnuplot escaped.gp`
# in this folder. The data (escaped.tsv): one row per variant label, mean and std per group.
set datafile separator "\t"
set datafile missing "nan"
set title 'Fraction of starts that escaped the saddle (f < −0.5) within 100 steps' noenhanced
set ylabel "final escaped fraction"
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.75 border -1
set key outside right top noenhanced
set xtics noenhanced rotate by -25
set grid ytics
set yrange [-0.25692615691736825:1.1304750904364202]
set terminal pngcairo size 960,560 font "sans,11"
set output "escaped.png"
plot 'escaped.tsv' using 2:3:xtic(1) title 'x² − y² + y⁴/4' lc rgb '#1f77b4', \
  'escaped.tsv' using 4:5 title 'monkey saddle' lc rgb '#d62728', \
  'escaped.tsv' using 6:7 title '100-D saddle' lc rgb '#2ca02c'
set terminal svg size 960,560 dynamic font "sans,11"
set output "escaped.svg"
replot
unset output
