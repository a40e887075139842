# gnuplot script written by `reprise figures isaac-layers`; edit freely and run `gnuplot final-test-accuracy.gp`
# in this folder. The data (final-test-accuracy.tsv): one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final test accuracy, mean ± std over seeds' noenhanced
set ylabel 'final test accuracy (fraction)' noenhanced
set key below noenhanced maxrows 4
set xtics ('gradient' 0, 'ζ* {1–5}' 1, 'ζ* {1}' 2, 'ζ* {5}' 3, 'ζ* {1,2,3}' 4, 'ζ* {3,4,5}' 5, 'ζ* {1,3,5}' 6, 'ζ* {2,4}' 7) rotate by -30 left noenhanced font ',9'
set xrange [-0.6:7.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.72 absolute
set bars 0.5
unset logscale y
set yrange [0:1]
set format y "%.4g"
set label '0.7879' at first 0.176, first 0.7879 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8336' at first 1.176, first 0.8336 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8195' at first 2.176, first 0.81945 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7938' at first 3.176, first 0.7938 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8325' at first 4.176, first 0.83245 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7937' at first 5.176, first 0.7937 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.821' at first 6.176, first 0.82105 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7947' at first 7.176, first 0.79475 left offset 0,0.4 rotate by 90 font ',8' front
set terminal pngcairo size 960,560 font "sans,11"
set output "final-test-accuracy.png"
plot 'final-test-accuracy.tsv' using (strcol(2) eq '' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title 'test accuracy (fraction) (mean ± std over seeds)', \
  'final-test-accuracy.tsv' using (strcol(2) eq '' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-test-accuracy.svg"
replot
unset output
