# gnuplot script written by `reprise figures isaac-layers`; edit freely and run `gnuplot final-train-loss.gp`
# in this folder. The data (final-train-loss.tsv): one row per variant label, mean and std per group.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final training loss, mean ± std over seeds' noenhanced
set ylabel "final train loss"
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.75 border -1
set key outside right top noenhanced
set xtics noenhanced rotate by -25
set grid ytics
set yrange [0.18261319928569966:0.827657213078231]
set terminal pngcairo size 960,560 font "sans,11"
set output "final-train-loss.png"
plot 'final-train-loss.tsv' using 2:3:xtic(1) title 'train_loss' lc rgb '#1f77b4'
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-train-loss.svg"
replot
unset output
