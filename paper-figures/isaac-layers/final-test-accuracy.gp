# gnuplot script written by `reprise figures isaac-layers`; edit freely and run `gnuplot final-test-accuracy.gp`
# in this folder. The data (final-test-accuracy.tsv): index 0: one row per arm: label, group, x, mean, low, high (mean ± std), seeds, diverged; then per group: seed, label, x, value (a seed's arms joined).
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
set yrange [0.74739:0.883526]
set format y "%.4g"
set label '0.7879' at first 0.176, first 0.809 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8336' at first 1.176, first 0.8465 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8195' at first 2.176, first 0.833 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7938' at first 3.176, first 0.8085 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8325' at first 4.176, first 0.8425 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7937' at first 5.176, first 0.8115 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.821' at first 6.176, first 0.838 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7947' at first 7.176, first 0.814 left offset 0,0.4 rotate by 90 font ',8' front
set tmargin 4
set label 'drawn as dots, not bars: the largest difference between the means (0.0457) is under a tenth of the axis (1)' at graph 0, graph 1 left offset 0,0.8 font ',9' tc rgb '#b00000' front noenhanced
set terminal pngcairo size 960,560 font "sans,11"
set output "final-test-accuracy.png"
plot 'final-test-accuracy.tsv' index 1 using 3:4 with lines lw 0.7 lc rgb '#1f77b4' dt 3 notitle, \
  'final-test-accuracy.tsv' index 1 using 3:4 with points pt 7 ps 0.7 lc rgb '#1f77b4' title 'test accuracy (fraction) (every seed; tick: mean)', \
  'final-test-accuracy.tsv' index 0 using ((strcol(2) eq '' ? $3 : NaN) - 0.28):4:(2 * 0.28):(0) with vectors nohead lw 3 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-test-accuracy.svg"
replot
unset output
