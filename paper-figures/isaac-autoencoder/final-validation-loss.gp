# gnuplot script written by `reprise figures isaac-autoencoder`; edit freely and run `gnuplot final-validation-loss.gp`
# in this folder. The data (final-validation-loss.tsv): one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final validation loss (MSE)' noenhanced
set ylabel 'final validation reconstruction loss' noenhanced
set key below noenhanced maxrows 4
set xtics ('gradient' 0, 'ζ* λ_a 0.1' 1, 'ζ* λ_a 0.01' 2, 'K-FAC λ 0.1' 3, 'K-FAC λ 0.01' 4, 'ζ λ 0.1' 5, 'ζ λ 0.01' 6) rotate by -30 left noenhanced font ',9'
set xrange [-0.6:6.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.72 absolute
set bars 0.5
unset logscale y
set yrange [0:0.151626]
set format y "%.4g"
set label '0.08927' at first 0.176, first 0.0892721 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.06372' at first 1.176, first 0.0637193 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.08564' at first 2.176, first 0.0856368 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.04357' at first 3.176, first 0.0435736 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.143' at first 4.176, first 0.143043 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.07575' at first 5.176, first 0.0757498 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.08565' at first 6.176, first 0.0856535 left offset 0,0.4 rotate by 90 font ',8' front
set terminal pngcairo size 960,560 font "sans,11"
set output "final-validation-loss.png"
plot 'final-validation-loss.tsv' using (strcol(2) eq '' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title 'validation reconstruction loss (mean ± std over seeds)', \
  'final-validation-loss.tsv' using (strcol(2) eq '' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-validation-loss.svg"
replot
unset output
