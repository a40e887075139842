# gnuplot script written by `reprise figures isaac-cnn`; edit freely and run `gnuplot train-loss-steps.gp`
# in this folder. The data (train-loss-steps.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Training loss per step (window means), each variant at its selected rate' noenhanced
set xlabel 'step' noenhanced
set ylabel 'training loss' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
set logscale y
set yrange [0.120236:3.60855]
set format y "%.4g"
set ytics ("0.16" 0.16, "0.28" 0.28, "0.5" 0.5, "0.87" 0.87, "1.5" 1.5, "2.7" 2.7)
set terminal pngcairo size 960,560 font "sans,11"
set output "train-loss-steps.png"
plot \
  'train-loss-steps.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'train-loss-steps.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'SGD (mean ± std, n = 10)', \
  'train-loss-steps.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'train-loss-steps.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'ζ* last layer (mean ± std, n = 10)', \
  'train-loss-steps.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'train-loss-steps.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'ζ* dense layers (mean ± std, n = 10)', \
  'train-loss-steps.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'train-loss-steps.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'Adam (mean ± std, n = 10)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "train-loss-steps.svg"
replot
unset output
