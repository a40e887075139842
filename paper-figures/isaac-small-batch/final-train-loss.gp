# gnuplot script written by `reprise figures isaac-small-batch`; edit freely and run `gnuplot final-train-loss.gp`
# in this folder. The data (final-train-loss.tsv): one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final training loss by method and batch size, mean ± std over seeds (beyond the paper)' noenhanced
set ylabel 'final training loss' noenhanced
set key below noenhanced maxrows 4
set xtics ('ζ*' 0, 'SGD' 1, 'Adam' 2, 'K-FAC' 3)  noenhanced font ',9'
set xrange [-0.6:3.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.144 absolute
set bars 0.5
unset logscale y
set yrange [0:1.17153]
set format y "%.4g"
set label '0.4523' at first -0.2848, first 0.452255 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.4483' at first -0.1248, first 0.448262 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.4946' at first 0.0352, first 0.494616 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.5961' at first 0.1952, first 0.596109 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.473' at first 0.3552, first 0.47304 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.579' at first 0.7152, first 0.57904 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.6005' at first 0.8752, first 0.600459 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.6491' at first 1.0352, first 0.649091 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.6819' at first 1.1952, first 0.681888 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8292' at first 1.3552, first 0.82918 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.6029' at first 1.7152, first 0.602851 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.6592' at first 1.8752, first 0.659159 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.6269' at first 2.0352, first 0.626897 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.5918' at first 2.1952, first 0.59183 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.5453' at first 2.3552, first 0.545324 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.4585' at first 2.7152, first 0.4585 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.4224' at first 2.8752, first 0.422398 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.4208' at first 3.0352, first 0.420795 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.4711' at first 3.1952, first 0.471126 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.3354' at first 3.3552, first 0.335445 left offset 0,0.4 rotate by 90 font ',8' front
set terminal pngcairo size 960,560 font "sans,11"
set output "final-train-loss.png"
plot 'final-train-loss.tsv' index 0 using (strcol(2) eq 'batch 8' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title 'batch 8 (mean ± std over seeds)', \
  'final-train-loss.tsv' index 0 using (strcol(2) eq 'batch 8' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-train-loss.tsv' index 0 using (strcol(2) eq 'batch 16' ? $3 : NaN):4 with boxes lc rgb '#d62728' title 'batch 16 (mean ± std over seeds)', \
  'final-train-loss.tsv' index 0 using (strcol(2) eq 'batch 16' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-train-loss.tsv' index 0 using (strcol(2) eq 'batch 32' ? $3 : NaN):4 with boxes lc rgb '#2ca02c' title 'batch 32 (mean ± std over seeds)', \
  'final-train-loss.tsv' index 0 using (strcol(2) eq 'batch 32' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-train-loss.tsv' index 0 using (strcol(2) eq 'batch 60' ? $3 : NaN):4 with boxes lc rgb '#ff7f0e' title 'batch 60 (mean ± std over seeds)', \
  'final-train-loss.tsv' index 0 using (strcol(2) eq 'batch 60' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-train-loss.tsv' index 0 using (strcol(2) eq 'batch 100' ? $3 : NaN):4 with boxes lc rgb '#9467bd' title 'batch 100 (mean ± std over seeds)', \
  'final-train-loss.tsv' index 0 using (strcol(2) eq 'batch 100' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-train-loss.svg"
replot
unset output
