# gnuplot script written by `reprise figures curvature-cnn`; edit freely and run `gnuplot regime-map-loss.gp`
# in this folder. The data (regime-map-loss.tsv): one block per line: the key's value, mean, low, high (mean ± std), seeds drawn, diverged.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final training loss against rho (rho < 2: convergence; rho > 2: exploration) (reconstruction)' noenhanced
set xlabel 'rho' noenhanced
set ylabel 'final training loss' noenhanced
set key below noenhanced maxrows 4
set grid
set format x "%.4g"
set logscale y
set yrange [0.526235:2.19542]
set format y "%.4g"
set ytics ("0.59" 0.59, "0.75" 0.75, "0.95" 0.95, "1.2" 1.2, "1.5" 1.5, "1.9" 1.9)
set label 'n=2' at first 4, first 1.62507 left offset 0.8,-0.6 font ',9' tc rgb '#1f77b4' front
set arrow from first 2, graph 0 to first 2, graph 1 nohead dt 2 lw 1.5 lc rgb '#555555' front
set label 'rho = 2' at first 2, graph 0.03 left offset 0.5,0 font ',9' front noenhanced
set terminal pngcairo size 960,560 font "sans,11"
set output "regime-map-loss.png"
plot \
  'regime-map-loss.tsv' index 0 using 1:2:3:4 with yerrorlines lw 2 pt 7 lc rgb '#1f77b4' title 'SGD direction (mean ± std, n = 5; diverged ×3)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "regime-map-loss.svg"
replot
unset output
