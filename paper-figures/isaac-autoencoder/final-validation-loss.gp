# gnuplot script written by `reprise figures isaac-autoencoder`; edit freely and run `gnuplot final-validation-loss.gp`
# in this folder. The data (final-validation-loss.tsv): one row per variant label, mean and std per group.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final validation loss (MSE)' noenhanced
set ylabel "final validation loss"
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.75 border -1
set key outside right top noenhanced
set xtics noenhanced rotate by -25
set grid ytics
set yrange [0.018706253925512503:0.15298992476787754]
set terminal pngcairo size 960,560 font "sans,11"
set output "final-validation-loss.png"
plot 'final-validation-loss.tsv' using 2:3:xtic(1) title 'validation_loss' lc rgb '#1f77b4'
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-validation-loss.svg"
replot
unset output
