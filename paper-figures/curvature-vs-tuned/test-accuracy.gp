# gnuplot script written by `reprise figures curvature-vs-tuned`; edit freely and run `gnuplot test-accuracy.gp`
# in this folder. The data (test-accuracy.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Test accuracy per epoch: rescaled (untuned) vs tuned (reconstruction)' noenhanced
set xlabel 'epoch' noenhanced
set ylabel 'test accuracy (fraction)' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
unset logscale y
set yrange [0.00996847:0.914342]
set format y "%.4g"
set terminal pngcairo size 960,560 font "sans,11"
set output "test-accuracy.png"
plot \
  'test-accuracy.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'test-accuracy.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'SGD rescaled (SGD) (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'test-accuracy.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'SGD tuned (SGD) (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'test-accuracy.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'momentum rescaled (momentum) (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'test-accuracy.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'momentum tuned (momentum) (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 4 using 1:3:4 with filledcurves lc rgb '#9467bd' notitle, \
  'test-accuracy.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'Adam rescaled (Adam) (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 5 using 1:3:4 with filledcurves lc rgb '#8c564b' notitle, \
  'test-accuracy.tsv' index 5 using 1:2 with lines lw 2 lc rgb '#8c564b' title 'Adam tuned (Adam) (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 6 using 1:3:4 with filledcurves lc rgb '#e377c2' notitle, \
  'test-accuracy.tsv' index 6 using 1:2 with lines lw 2 lc rgb '#e377c2' title 'SGD rescaled, reuse mode (SGD) (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 7 using 1:3:4 with filledcurves lc rgb '#7f7f7f' notitle, \
  'test-accuracy.tsv' index 7 using 1:2 with lines lw 2 lc rgb '#7f7f7f' title 'SGD rescaled rho_decay=0.5 (SGD) (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 8 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'test-accuracy.tsv' index 8 using 1:2 with lines lw 2 lc rgb '#1f77b4' dt 2 title 'SGD rescaled rho_decay=0.9 (SGD) (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 9 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'test-accuracy.tsv' index 9 using 1:2 with lines lw 2 lc rgb '#d62728' dt 2 title 'momentum rescaled rho_decay=0.5 (momentum) (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 10 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'test-accuracy.tsv' index 10 using 1:2 with lines lw 2 lc rgb '#2ca02c' dt 2 title 'momentum rescaled rho_decay=0.9 (momentum) (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 11 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'test-accuracy.tsv' index 11 using 1:2 with lines lw 2 lc rgb '#ff7f0e' dt 2 title 'Adam rescaled rho_decay=0.5 (Adam) (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 12 using 1:3:4 with filledcurves lc rgb '#9467bd' notitle, \
  'test-accuracy.tsv' index 12 using 1:2 with lines lw 2 lc rgb '#9467bd' dt 2 title 'Adam rescaled rho_decay=0.9 (Adam) (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 13 using 1:3:4 with filledcurves lc rgb '#8c564b' notitle, \
  'test-accuracy.tsv' index 13 using 1:2 with lines lw 2 lc rgb '#8c564b' dt 2 title 'SGD decayed, tuned (SGD) (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 14 using 1:3:4 with filledcurves lc rgb '#e377c2' notitle, \
  'test-accuracy.tsv' index 14 using 1:2 with lines lw 2 lc rgb '#e377c2' dt 2 title 'momentum decayed, tuned (momentum) (mean ± std, n = 10)', \
  'test-accuracy.tsv' index 15 using 1:3:4 with filledcurves lc rgb '#7f7f7f' notitle, \
  'test-accuracy.tsv' index 15 using 1:2 with lines lw 2 lc rgb '#7f7f7f' dt 2 title 'Adam decayed, tuned (Adam) (mean ± std, n = 10)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "test-accuracy.svg"
replot
unset output
