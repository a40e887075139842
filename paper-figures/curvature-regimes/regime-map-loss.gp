# gnuplot script written by `reprise figures curvature-regimes`; edit freely and run `gnuplot regime-map-loss.gp`
# in this folder. The data (regime-map-loss.tsv): one block per line: the key's value, mean, low, high (mean ± std), seeds drawn, diverged.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final training loss against rho, per base direction (rho < 2: convergence; rho > 2: exploration) (reconstruction)' noenhanced
set xlabel 'rho' noenhanced
set ylabel 'final training loss' noenhanced
set key below noenhanced maxrows 4
set grid
set format x "%.4g"
set logscale y
set yrange [0.315356:8.81018]
set format y "%.4g"
set ytics ("0.42" 0.42, "0.73" 0.73, "1.3" 1.3, "2.2" 2.2, "3.8" 3.8, "6.7" 6.7)
set label '' at first 3, graph 0.935 point pt 9 ps 1.4 lc rgb '#d62728' front
set label '' at first 4, graph 0.935 point pt 9 ps 1.4 lc rgb '#d62728' front
set label 'n=7' at first 2, first 3.8422 left offset 0.8,-0.6 font ',9' tc rgb '#d62728' front
set label '' at first 3, graph 0.9 point pt 9 ps 1.4 lc rgb '#2ca02c' front
set label '' at first 4, graph 0.9 point pt 9 ps 1.4 lc rgb '#2ca02c' front
set label 'n=1' at first 2, first 1.91338 left offset 0.8,-0.6 font ',9' tc rgb '#2ca02c' front
set tmargin 4
set label 'every run diverged (▲ at the top, not drawn): momentum direction at rho = 3, 4 ×20; Adam direction at rho = 3, 4 ×20' at graph 0, graph 1 left offset 0,0.8 font ',9' tc rgb '#b00000' front noenhanced
set arrow from first 2, graph 0 to first 2, graph 1 nohead dt 2 lw 1.5 lc rgb '#555555' front
set label 'rho = 2' at first 2, graph 0.03 left offset 0.5,0 font ',9' front noenhanced
set terminal pngcairo size 960,560 font "sans,11"
set output "regime-map-loss.png"
plot \
  'regime-map-loss.tsv' index 0 using 1:2:3:4 with yerrorlines lw 2 pt 7 lc rgb '#1f77b4' title 'SGD direction (mean ± std, n = 10)', \
  'regime-map-loss.tsv' index 1 using 1:2:3:4 with yerrorlines lw 2 pt 7 lc rgb '#d62728' title 'momentum direction (mean ± std, n = 10; diverged ×23)', \
  'regime-map-loss.tsv' index 2 using 1:2:3:4 with yerrorlines lw 2 pt 7 lc rgb '#2ca02c' title 'Adam direction (mean ± std, n = 10; diverged ×29)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "regime-map-loss.svg"
replot
unset output
