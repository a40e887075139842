# gnuplot script written by `reprise figures taso-cnn`; edit freely and run `gnuplot learning-rate.gp`
# in this folder. The data (learning-rate.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Learning rate per epoch (TASO’s sigmoid against the constant rate)' noenhanced
set xlabel 'epoch' noenhanced
set ylabel 'learning rate' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
set logscale y
set yrange [0.000112368:0.138325]
set format y "%.4g"
set terminal pngcairo size 960,560 font "sans,11"
set output "learning-rate.png"
plot \
  'learning-rate.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'learning-rate.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'TASO (mean ± std, n = 6)', \
  'learning-rate.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'learning-rate.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'SGD (mean ± std, n = 6)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "learning-rate.svg"
replot
unset output
