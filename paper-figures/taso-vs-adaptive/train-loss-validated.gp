# gnuplot script written by `reprise figures taso-vs-adaptive`; edit freely and run `gnuplot train-loss-validated.gp`
# in this folder. The data (train-loss-validated.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Training loss, validated hyperparameters' noenhanced
set xlabel 'epoch' noenhanced
set ylabel 'training loss' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
set logscale y
set yrange [0.117565:1.09181]
set format y "%.4g"
set ytics ("0.14" 0.14, "0.21" 0.21, "0.3" 0.3, "0.43" 0.43, "0.63" 0.63, "0.91" 0.91)
set terminal pngcairo size 960,560 font "sans,11"
set output "train-loss-validated.png"
plot \
  'train-loss-validated.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'train-loss-validated.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'TASO (mean ± std, n = 10)', \
  'train-loss-validated.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'train-loss-validated.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'Adam (mean ± std, n = 10)', \
  'train-loss-validated.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'train-loss-validated.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'RMSProp (mean ± std, n = 10)', \
  'train-loss-validated.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'train-loss-validated.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'Adagrad (mean ± std, n = 10)', \
  'train-loss-validated.tsv' index 4 using 1:3:4 with filledcurves lc rgb '#9467bd' notitle, \
  'train-loss-validated.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'SGD (mean ± std, n = 10)', \
  'train-loss-validated.tsv' index 5 using 1:3:4 with filledcurves lc rgb '#8c564b' notitle, \
  'train-loss-validated.tsv' index 5 using 1:2 with lines lw 2 lc rgb '#8c564b' title 'HTD (mean ± std, n = 10)', \
  'train-loss-validated.tsv' index 6 using 1:3:4 with filledcurves lc rgb '#e377c2' notitle, \
  'train-loss-validated.tsv' index 6 using 1:2 with lines lw 2 lc rgb '#e377c2' title 'cosine (mean ± std, n = 10)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "train-loss-validated.svg"
replot
unset output
