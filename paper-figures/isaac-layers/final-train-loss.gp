# gnuplot script written by `reprise figures isaac-layers`; edit freely and run `gnuplot final-train-loss.gp`
# in this folder. The data (final-train-loss.tsv): one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final training loss, mean ± std over seeds' noenhanced
set ylabel 'final training loss' noenhanced
set key below noenhanced maxrows 4
set xtics ('gradient' 0, 'ζ* {1–5}' 1, 'ζ* {1}' 2, 'ζ* {5}' 3, 'ζ* {1,2,3}' 4, 'ζ* {3,4,5}' 5, 'ζ* {1,3,5}' 6, 'ζ* {2,4}' 7) rotate by -30 left noenhanced font ',9'
set xrange [-0.6:7.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.72 absolute
set bars 0.5
unset logscale y
set yrange [0:0.828611]
set format y "%.4g"
set label '0.5679' at first 0.176, first 0.567938 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.3031' at first 1.176, first 0.303099 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.4116' at first 2.176, first 0.411601 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.5721' at first 3.176, first 0.572072 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.3298' at first 4.176, first 0.329827 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.5866' at first 5.176, first 0.586619 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.3347' at first 6.176, first 0.334712 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.5195' at first 7.176, first 0.519455 left offset 0,0.4 rotate by 90 font ',8' front
set terminal pngcairo size 960,560 font "sans,11"
set output "final-train-loss.png"
plot 'final-train-loss.tsv' index 0 using (strcol(2) eq '' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title 'training loss (mean ± std over seeds)', \
  'final-train-loss.tsv' index 0 using (strcol(2) eq '' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-train-loss.svg"
replot
unset output
