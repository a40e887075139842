# gnuplot script written by `reprise figures isaac-autoencoder`; edit freely and run `gnuplot final-validation-loss.gp`
# in this folder. The data (final-validation-loss.tsv): one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final validation loss (MSE)' noenhanced
set ylabel 'final validation reconstruction loss' noenhanced
set key below noenhanced maxrows 4
set xtics ('gradient' 0, 'ζ* λ_a 0.1' 1, 'ζ* λ_a 0.01' 2, 'K-FAC λ 0.1' 3, 'K-FAC λ 0.01' 4, 'ζ λ 0.1' 5, 'ζ λ 0.01' 6, 'gradient (sum)' 7, 'ζ* λ_a 0.1 (sum)' 8, 'ζ* λ_a 0.01 (sum)' 9, 'K-FAC λ 0.1 (sum)' 10, 'K-FAC λ 0.01 (sum)' 11, 'ζ λ 0.1 (sum)' 12, 'ζ λ 0.01 (sum)' 13) rotate by -30 left noenhanced font ',9'
set xrange [-0.6:13.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.72 absolute
set bars 0.5
set logscale y
set yrange [0.0295046:1336.07]
set format y "%.4g"
set label '0.08969 (1 diverged)' at first 0.176, first 0.0896923 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.06631' at first 1.176, first 0.0663062 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.08552' at first 2.176, first 0.085519 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.04432' at first 3.176, first 0.0443179 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.164' at first 4.176, first 0.163983 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.06847' at first 5.176, first 0.06847 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.07998' at first 6.176, first 0.0799761 left offset 0,0.4 rotate by 90 font ',8' front
set label '73.81 (1 diverged)' at first 7.176, first 73.8097 left offset 0,0.4 rotate by 90 font ',8' front
set label '57.06' at first 8.176, first 57.0647 left offset 0,0.4 rotate by 90 font ',8' front
set label '62.97' at first 9.176, first 62.9699 left offset 0,0.4 rotate by 90 font ',8' front
set label '20.05' at first 10.176, first 20.0475 left offset 0,0.4 rotate by 90 font ',8' front
set label '20.07' at first 11.176, first 20.066 left offset 0,0.4 rotate by 90 font ',8' front
set label '60.51' at first 12.176, first 60.5127 left offset 0,0.4 rotate by 90 font ',8' front
set label '64.44' at first 13.176, first 64.4433 left offset 0,0.4 rotate by 90 font ',8' front
set terminal pngcairo size 960,560 font "sans,11"
set output "final-validation-loss.png"
plot 'final-validation-loss.tsv' using (strcol(2) eq 'mean over pixels' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title 'mean over pixels (mean ± std over seeds)', \
  'final-validation-loss.tsv' using (strcol(2) eq 'mean over pixels' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-validation-loss.tsv' using (strcol(2) eq 'sum over pixels' ? $3 : NaN):4 with boxes lc rgb '#d62728' title 'sum over pixels (mean ± std over seeds)', \
  'final-validation-loss.tsv' using (strcol(2) eq 'sum over pixels' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-validation-loss.svg"
replot
unset output
