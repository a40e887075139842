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
set yrange [0.0295134:1305.54]
set format y "%.4g"
set label '0.08969 n=2 (1 diverged)' at first 0.176, first 0.0896919 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.06631' at first 1.176, first 0.0663095 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.08552' at first 2.176, first 0.0855186 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.04428' at first 3.176, first 0.0442799 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.164' at first 4.176, first 0.163976 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.06848' at first 5.176, first 0.0684796 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.08606' at first 6.176, first 0.0860577 left offset 0,0.4 rotate by 90 font ',8' front
set label '73.64' at first 7.176, first 73.6445 left offset 0,0.4 rotate by 90 font ',8' front
set label '61.63' at first 8.176, first 61.6253 left offset 0,0.4 rotate by 90 font ',8' front
set label '62.78' at first 9.176, first 62.7833 left offset 0,0.4 rotate by 90 font ',8' front
set label '20.16' at first 10.176, first 20.157 left offset 0,0.4 rotate by 90 font ',8' front
set label '20.01' at first 11.176, first 20.0056 left offset 0,0.4 rotate by 90 font ',8' front
set label '60.52' at first 12.176, first 60.5165 left offset 0,0.4 rotate by 90 font ',8' front
set label '64.46' at first 13.176, first 64.4637 left offset 0,0.4 rotate by 90 font ',8' front
set terminal pngcairo size 960,560 font "sans,11"
set output "final-validation-loss.png"
plot 'final-validation-loss.tsv' index 0 using (strcol(2) eq 'mean over pixels' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title 'mean over pixels (mean ± std over seeds)', \
  'final-validation-loss.tsv' index 0 using (strcol(2) eq 'mean over pixels' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-validation-loss.tsv' index 0 using (strcol(2) eq 'sum over pixels' ? $3 : NaN):4 with boxes lc rgb '#d62728' title 'sum over pixels (mean ± std over seeds)', \
  'final-validation-loss.tsv' index 0 using (strcol(2) eq 'sum over pixels' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-validation-loss.svg"
replot
unset output
