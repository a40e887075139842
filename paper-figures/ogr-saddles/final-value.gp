# gnuplot script written by `reprise figures ogr-saddles`; edit freely and run `gnuplot final-value.gp`
# in this folder. The data (final-value.tsv): one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged.
set datafile separator "\t"
set datafile missing "nan"
set title 'Mean final value over the starts (saddle value 0; minima −1, −0.75; the monkey saddle is unbounded) (beyond the paper)' noenhanced
set ylabel 'final mean objective value over the starts' noenhanced
set key below noenhanced maxrows 4
set xtics ('OGR saddle-free' 0, 'OGR plain Newton' 1, 'gradient descent' 2, 'momentum' 3, 'Adam' 4) rotate by -30 left noenhanced font ',9'
set xrange [-0.6:4.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.24 absolute
set bars 0.5
unset logscale y
set yrange [-2.13405:0.608616]
set format y "%.4g"
set label '-1' at first -0.208, first -0.999997 right offset 0,-0.4 rotate by 90 font ',8' front
set label '-5.909e+16 n=1 (9 diverged) (clipped)' at first 0.0586667, first -2.13405 left offset 0,0.4 rotate by 90 font ',8' front
set label '-0.7497' at first 0.325333, first -0.749734 right offset 0,-0.4 rotate by 90 font ',8' front
set label '1.158e-06' at first 0.792, first 1.15789e-06 left offset 0,0.4 rotate by 90 font ',8' front
set label '-8.626e-06' at first 1.05867, first -8.62633e-06 right offset 0,-0.4 rotate by 90 font ',8' front
set label '0.001844' at first 1.32533, first 0.00184403 left offset 0,0.4 rotate by 90 font ',8' front
set label '-0.9746' at first 1.792, first -0.974595 right offset 0,-0.4 rotate by 90 font ',8' front
set label '-0.00257' at first 2.05867, first -0.0025701 right offset 0,-0.4 rotate by 90 font ',8' front
set label '-0.7427' at first 2.32533, first -0.742727 right offset 0,-0.4 rotate by 90 font ',8' front
set label '-0.9995' at first 2.792, first -0.999491 right offset 0,-0.4 rotate by 90 font ',8' front
set label 'diverged ×10' at first 3, first -0.762718 center rotate by 90 font ',9' tc rgb '#b00000' front
set label '-0.7492' at first 3.32533, first -0.74924 right offset 0,-0.4 rotate by 90 font ',8' front
set label '-0.9999' at first 3.792, first -0.999893 right offset 0,-0.4 rotate by 90 font ',8' front
set label '-743.1 (clipped)' at first 4.05867, first -2.13405 left offset 0,0.4 rotate by 90 font ',8' front
set label '-0.7428' at first 4.32533, first -0.742833 right offset 0,-0.4 rotate by 90 font ',8' front
set tmargin 4
set label 'axis clipped: 6 values beyond it, the most extreme -5.909e+16 (labelled at the edge)' at graph 0, graph 1 left offset 0,0.8 font ',9' tc rgb '#b00000' front noenhanced
set terminal pngcairo size 960,560 font "sans,11"
set output "final-value.png"
plot 'final-value.tsv' index 0 using (strcol(2) eq 'x² − y² + y⁴/4' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title 'x² − y² + y⁴/4 (mean ± std over seeds)', \
  'final-value.tsv' index 0 using (strcol(2) eq 'x² − y² + y⁴/4' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-value.tsv' index 0 using (strcol(2) eq 'monkey saddle' ? $3 : NaN):4 with boxes lc rgb '#d62728' title 'monkey saddle (mean ± std over seeds)', \
  'final-value.tsv' index 0 using (strcol(2) eq 'monkey saddle' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-value.tsv' index 0 using (strcol(2) eq '100-D saddle' ? $3 : NaN):4 with boxes lc rgb '#2ca02c' title '100-D saddle (mean ± std over seeds)', \
  'final-value.tsv' index 0 using (strcol(2) eq '100-D saddle' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-value.svg"
replot
unset output
