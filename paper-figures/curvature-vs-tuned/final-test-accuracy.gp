# gnuplot script written by `reprise figures curvature-vs-tuned`; edit freely and run `gnuplot final-test-accuracy.gp`
# in this folder. The data (final-test-accuracy.tsv): one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final test accuracy, mean ± std over seeds (reconstruction)' noenhanced
set ylabel 'final test accuracy (fraction)' noenhanced
set key below noenhanced maxrows 4
set xtics ('SGD rescaled' 0, 'SGD tuned' 1, 'momentum rescaled' 2, 'momentum tuned' 3, 'Adam rescaled' 4, 'Adam tuned' 5) rotate by -30 left noenhanced font ',9'
set xrange [-0.6:5.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.72 absolute
set bars 0.5
unset logscale y
set yrange [0:1]
set format y "%.4g"
set label '0.7818' at first 0.176, first 0.781767 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7662' at first 1.176, first 0.7662 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8344' at first 2.176, first 0.834367 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8143' at first 3.176, first 0.814267 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8468' at first 4.176, first 0.846767 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8374' at first 5.176, first 0.8374 left offset 0,0.4 rotate by 90 font ',8' front
set terminal pngcairo size 960,560 font "sans,11"
set output "final-test-accuracy.png"
plot 'final-test-accuracy.tsv' using (strcol(2) eq 'SGD' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title 'SGD (mean ± std over seeds)', \
  'final-test-accuracy.tsv' using (strcol(2) eq 'SGD' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-test-accuracy.tsv' using (strcol(2) eq 'momentum' ? $3 : NaN):4 with boxes lc rgb '#d62728' title 'momentum (mean ± std over seeds)', \
  'final-test-accuracy.tsv' using (strcol(2) eq 'momentum' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-test-accuracy.tsv' using (strcol(2) eq 'Adam' ? $3 : NaN):4 with boxes lc rgb '#2ca02c' title 'Adam (mean ± std over seeds)', \
  'final-test-accuracy.tsv' using (strcol(2) eq 'Adam' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-test-accuracy.svg"
replot
unset output
