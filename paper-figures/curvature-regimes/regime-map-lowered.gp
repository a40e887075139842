# gnuplot script written by `reprise figures curvature-regimes`; edit freely and run `gnuplot regime-map-lowered.gp`
# in this folder. The data (regime-map-lowered.tsv): one row per variant label, mean and std per group.
set datafile separator "\t"
set datafile missing "nan"
set title 'Fraction of last-epoch steps that lowered their own minibatch’s loss' noenhanced
set ylabel "final same batch lowered"
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.75 border -1
set key outside right top noenhanced
set xtics noenhanced rotate by -25
set grid ytics
set yrange [0.4145569620253164:1.0468354430379747]
set terminal pngcairo size 960,560 font "sans,11"
set output "regime-map-lowered.png"
plot 'regime-map-lowered.tsv' using 2:3:xtic(1) title 'SGD direction' lc rgb '#1f77b4', \
  'regime-map-lowered.tsv' using 4:5 title 'momentum direction' lc rgb '#d62728', \
  'regime-map-lowered.tsv' using 6:7 title 'Adam direction' lc rgb '#2ca02c'
set terminal svg size 960,560 dynamic font "sans,11"
set output "regime-map-lowered.svg"
replot
unset output
