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
set yrange [0:0.813111]
set format y "%.4g"
set label '0.4627' at first -0.2848, first 0.462742 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.4495' at first -0.1248, first 0.449516 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.3982' at first 0.0352, first 0.398187 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.4197' at first 0.1952, first 0.419724 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.4227' at first 0.3552, first 0.42266 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.616' at first 0.7152, first 0.616007 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.614' at first 0.8752, first 0.614016 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.6671' at first 1.0352, first 0.667123 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.6985' at first 1.1952, first 0.698455 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.7573' at first 1.3552, first 0.757307 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.6161' at first 1.7152, first 0.616067 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.5793' at first 1.8752, first 0.579294 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.5498' at first 2.0352, first 0.549758 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.5418' at first 2.1952, first 0.541839 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.5379' at first 2.3552, first 0.537933 left offset 0,0.4 rotate by 90 font ',8' front
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
