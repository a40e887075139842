# gnuplot script written by `reprise figures isaac-layers`; edit freely and run `gnuplot train-loss-steps.gp`
# in this folder. The data (train-loss-steps.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Training loss against steps: zeta* on layer subsets vs the gradient' noenhanced
set xlabel 'step' noenhanced
set ylabel 'training loss' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
set logscale y
set yrange [0.196757:5.66953]
set format y "%.4g"
set ytics ("0.26" 0.26, "0.46" 0.46, "0.8" 0.8, "1.4" 1.4, "2.4" 2.4, "4.3" 4.3)
set terminal pngcairo size 960,560 font "sans,11"
set output "train-loss-steps.png"
plot \
  'train-loss-steps.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'train-loss-steps.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'gradient (mean ± std, n = 10)', \
  'train-loss-steps.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'train-loss-steps.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'ζ* {1–5} (mean ± std, n = 10)', \
  'train-loss-steps.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'train-loss-steps.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'ζ* {1} (mean ± std, n = 10)', \
  'train-loss-steps.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'train-loss-steps.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'ζ* {5} (mean ± std, n = 10)', \
  'train-loss-steps.tsv' index 4 using 1:3:4 with filledcurves lc rgb '#9467bd' notitle, \
  'train-loss-steps.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'ζ* {1,2,3} (mean ± std, n = 10)', \
  'train-loss-steps.tsv' index 5 using 1:3:4 with filledcurves lc rgb '#8c564b' notitle, \
  'train-loss-steps.tsv' index 5 using 1:2 with lines lw 2 lc rgb '#8c564b' title 'ζ* {3,4,5} (mean ± std, n = 10)', \
  'train-loss-steps.tsv' index 6 using 1:3:4 with filledcurves lc rgb '#e377c2' notitle, \
  'train-loss-steps.tsv' index 6 using 1:2 with lines lw 2 lc rgb '#e377c2' title 'ζ* {1,3,5} (mean ± std, n = 10)', \
  'train-loss-steps.tsv' index 7 using 1:3:4 with filledcurves lc rgb '#7f7f7f' notitle, \
  'train-loss-steps.tsv' index 7 using 1:2 with lines lw 2 lc rgb '#7f7f7f' title 'ζ* {2,4} (mean ± std, n = 10)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "train-loss-steps.svg"
replot
unset output
