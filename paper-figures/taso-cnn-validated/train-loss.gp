# gnuplot script written by `reprise figures taso-cnn-validated`; edit freely and run `gnuplot train-loss.gp`
# in this folder. The data (train-loss.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
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
set yrange [0.0712845:4.06592]
set format y "%.4g"
set ytics ("0.1" 0.1, "0.2" 0.2, "0.38" 0.38, "0.75" 0.75, "1.5" 1.5, "2.9" 2.9)
set terminal pngcairo size 960,560 font "sans,11"
set output "train-loss.png"
plot \
  'train-loss.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'train-loss.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'TASO (mean ± std, n = 6)', \
  'train-loss.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'train-loss.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'Adam (mean ± std, n = 6)', \
  'train-loss.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'train-loss.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'RMSProp (mean ± std, n = 6)', \
  'train-loss.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'train-loss.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'Adagrad (mean ± std, n = 6)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "train-loss.svg"
replot
unset output
