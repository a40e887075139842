# gnuplot script written by `reprise figures curvature-regimes`; edit freely and run `gnuplot regime-map-loss.gp`
# in this folder. The data (regime-map-loss.tsv): one row per variant label, mean and std per group.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final training loss by rho and base direction (lower: convergence)' noenhanced
set ylabel "final train loss"
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.75 border -1
set key outside right top noenhanced
set xtics noenhanced rotate by -25
set grid ytics
set yrange [-34.206749272759666:88.10054571863284]
set terminal pngcairo size 960,560 font "sans,11"
set output "regime-map-loss.png"
plot 'regime-map-loss.tsv' using 2:3:xtic(1) title 'SGD direction' lc rgb '#1f77b4', \
  'regime-map-loss.tsv' using 4:5 title 'momentum direction' lc rgb '#d62728', \
  'regime-map-loss.tsv' using 6:7 title 'Adam direction' lc rgb '#2ca02c'
set terminal svg size 960,560 dynamic font "sans,11"
set output "regime-map-loss.svg"
replot
unset output
