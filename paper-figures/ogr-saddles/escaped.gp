# gnuplot script written by `reprise figures ogr-saddles`; edit freely and run `gnuplot escaped.gp`
# in this folder. The data (escaped.tsv): one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged.
set datafile separator "\t"
set datafile missing "nan"
set title 'Fraction of starts that escaped the saddle (f < −0.5) within 100 steps (beyond the paper)' noenhanced
set ylabel 'final starts escaped (fraction)' noenhanced
set key below noenhanced maxrows 4
set xtics ('OGR saddle-free' 0, 'OGR plain Newton' 1, 'gradient descent' 2, 'momentum' 3, 'Adam' 4) rotate by -30 left noenhanced font ',9'
set xrange [-0.6:4.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.24 absolute
set bars 0.5
unset logscale y
set yrange [0:1.08937]
set format y "%.4g"
set label '1' at first -0.208, first 1 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.6375' at first 0.0586667, first 0.6375 left offset 0,0.4 rotate by 90 font ',8' front
set label '1' at first 0.325333, first 1 left offset 0,0.4 rotate by 90 font ',8' front
set label '0' at first 0.792, first 0 left offset 0,0.4 rotate by 90 font ',8' front
set label '0' at first 1.05867, first 0 left offset 0,0.4 rotate by 90 font ',8' front
set label '0' at first 1.32533, first 0 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.975' at first 1.792, first 0.975 left offset 0,0.4 rotate by 90 font ',8' front
set label '0' at first 2.05867, first 0 left offset 0,0.4 rotate by 90 font ',8' front
set label '1' at first 2.32533, first 1 left offset 0,0.4 rotate by 90 font ',8' front
set label '1' at first 2.792, first 1 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.775' at first 3.05867, first 0.775 left offset 0,0.4 rotate by 90 font ',8' front
set label '1' at first 3.32533, first 1 left offset 0,0.4 rotate by 90 font ',8' front
set label '1' at first 3.792, first 1 left offset 0,0.4 rotate by 90 font ',8' front
set label '1' at first 4.05867, first 1 left offset 0,0.4 rotate by 90 font ',8' front
set label '1' at first 4.32533, first 1 left offset 0,0.4 rotate by 90 font ',8' front
set terminal pngcairo size 960,560 font "sans,11"
set output "escaped.png"
plot 'escaped.tsv' index 0 using (strcol(2) eq 'x² − y² + y⁴/4' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title 'x² − y² + y⁴/4 (mean ± std over seeds)', \
  'escaped.tsv' index 0 using (strcol(2) eq 'x² − y² + y⁴/4' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'escaped.tsv' index 0 using (strcol(2) eq 'monkey saddle' ? $3 : NaN):4 with boxes lc rgb '#d62728' title 'monkey saddle (mean ± std over seeds)', \
  'escaped.tsv' index 0 using (strcol(2) eq 'monkey saddle' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'escaped.tsv' index 0 using (strcol(2) eq '100-D saddle' ? $3 : NaN):4 with boxes lc rgb '#2ca02c' title '100-D saddle (mean ± std over seeds)', \
  'escaped.tsv' index 0 using (strcol(2) eq '100-D saddle' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "escaped.svg"
replot
unset output
