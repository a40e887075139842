# gnuplot script written by `reprise figures isaac-small-batch`; edit freely and run `gnuplot final-train-loss.gp`
# in this folder. The data (final-train-loss.tsv): one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final training loss by method and batch size, mean ± std over seeds (beyond the paper)' noenhanced
set ylabel 'final training loss' noenhanced
set key below noenhanced maxrows 4
set xtics ('ζ*' 0, 'SGD' 1, 'Adam' 2)  noenhanced font ',9'
set xrange [-0.6:2.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.144 absolute
set bars 0.5
unset logscale y
set yrange [0:1.17173]
set format y "%.4g"
set label '0.4523' at first -0.2848, first 0.452308 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.4483' at first -0.1248, first 0.448338 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.4946' at first 0.0352, first 0.494631 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.5961' at first 0.1952, first 0.596112 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.473' at first 0.3552, first 0.473047 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.5793' at first 0.7152, first 0.579293 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.6003' at first 0.8752, first 0.600292 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.649' at first 1.0352, first 0.649029 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7314' at first 1.1952, first 0.731435 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.8294' at first 1.3552, first 0.829366 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.6082' at first 1.7152, first 0.60818 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.5729' at first 1.8752, first 0.572879 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.5518' at first 2.0352, first 0.551825 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.5922' at first 2.1952, first 0.592226 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.5438' at first 2.3552, first 0.543799 left offset 0,0.4 rotate by 90 font ',8' front
set terminal pngcairo size 960,560 font "sans,11"
set output "final-train-loss.png"
plot 'final-train-loss.tsv' using (strcol(2) eq 'batch 8' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title 'batch 8 (mean ± std over seeds)', \
  'final-train-loss.tsv' using (strcol(2) eq 'batch 8' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-train-loss.tsv' using (strcol(2) eq 'batch 16' ? $3 : NaN):4 with boxes lc rgb '#d62728' title 'batch 16 (mean ± std over seeds)', \
  'final-train-loss.tsv' using (strcol(2) eq 'batch 16' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-train-loss.tsv' using (strcol(2) eq 'batch 32' ? $3 : NaN):4 with boxes lc rgb '#2ca02c' title 'batch 32 (mean ± std over seeds)', \
  'final-train-loss.tsv' using (strcol(2) eq 'batch 32' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-train-loss.tsv' using (strcol(2) eq 'batch 60' ? $3 : NaN):4 with boxes lc rgb '#ff7f0e' title 'batch 60 (mean ± std over seeds)', \
  'final-train-loss.tsv' using (strcol(2) eq 'batch 60' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-train-loss.tsv' using (strcol(2) eq 'batch 100' ? $3 : NaN):4 with boxes lc rgb '#9467bd' title 'batch 100 (mean ± std over seeds)', \
  'final-train-loss.tsv' using (strcol(2) eq 'batch 100' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-train-loss.svg"
replot
unset output
