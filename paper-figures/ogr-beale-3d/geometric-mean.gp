# gnuplot script written by `reprise figures ogr-beale-3d`; edit freely and run `gnuplot geometric-mean.gp`
# in this folder. The data (geometric-mean.tsv): one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged.
set datafile separator "\t"
set datafile missing "nan"
set title 'Geometric mean of the final values over the starts, mean ± std over 20 noise seeds' noenhanced
set ylabel 'final geometric mean objective value over the starts' noenhanced
set key below noenhanced maxrows 4
set xtics ('fOGR' 0, 'sOGR d=1' 1, 'sOGR d=2' 2, 'Adam' 3, 'momentum' 4, 'dOGR' 5, 'dsOGR d=2' 6, 'dsOGR d=1' 7) rotate by -30 left noenhanced font ',9'
set xrange [-0.6:7.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.36 absolute
set bars 0.5
set logscale y
set yrange [0.00251163:471.081]
set format y "%.4g"
set label '0.004587' at first -0.112, first 0.0045869 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.01223' at first 0.288, first 0.0122261 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.01067' at first 0.888, first 0.0106749 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.05253 n=18 (2 diverged)' at first 1.288, first 0.0525325 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.01687' at first 1.888, first 0.0168691 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.2013 n=3 (17 diverged)' at first 2.288, first 0.201331 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.04274' at first 2.888, first 0.0427353 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.1513' at first 3.288, first 0.151275 left offset 0,0.4 rotate by 90 font ',8' front
set label '4.649' at first 3.888, first 4.64923 left offset 0,0.4 rotate by 90 font ',8' front
set label '18.67' at first 4.288, first 18.6724 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.007426' at first 5.088, first 0.00742599 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.006206' at first 6.088, first 0.0062056 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.00465' at first 7.088, first 0.00464999 left offset 0,0.4 rotate by 90 font ',8' front
set arrow from first -0.4, first 0.00384 to first 0, first 0.00384 nohead lw 3 lc rgb 'black' front
set label '' at first -0.2, first 0.00384 point pt 13 ps 1.3 lc rgb 'black' front
set arrow from first 0.6, first 0.00742 to first 1, first 0.00742 nohead lw 3 lc rgb 'black' front
set label '' at first 0.8, first 0.00742 point pt 13 ps 1.3 lc rgb 'black' front
set arrow from first 1.6, first 0.012 to first 2, first 0.012 nohead lw 3 lc rgb 'black' front
set label '' at first 1.8, first 0.012 point pt 13 ps 1.3 lc rgb 'black' front
set arrow from first 2.6, first 0.0417 to first 3, first 0.0417 nohead lw 3 lc rgb 'black' front
set label '' at first 2.8, first 0.0417 point pt 13 ps 1.3 lc rgb 'black' front
set arrow from first 3.6, first 4.65 to first 4, first 4.65 nohead lw 3 lc rgb 'black' front
set label '' at first 3.8, first 4.65 point pt 13 ps 1.3 lc rgb 'black' front
set arrow from first 4, first 18.7 to first 4.4, first 18.7 nohead lw 3 lc rgb 'black' front
set label '' at first 4.2, first 18.7 point pt 13 ps 1.3 lc rgb 'black' front
set arrow from first 3, first 0.142 to first 3.4, first 0.142 nohead lw 3 lc rgb 'black' front
set label '' at first 3.2, first 0.142 point pt 13 ps 1.3 lc rgb 'black' front
set arrow from first 2, first 0.201 to first 2.4, first 0.201 nohead lw 3 lc rgb 'black' front
set label '' at first 2.2, first 0.201 point pt 13 ps 1.3 lc rgb 'black' front
set arrow from first 1, first 0.054 to first 1.4, first 0.054 nohead lw 3 lc rgb 'black' front
set label '' at first 1.2, first 0.054 point pt 13 ps 1.3 lc rgb 'black' front
set arrow from first 0, first 0.0123 to first 0.4, first 0.0123 nohead lw 3 lc rgb 'black' front
set label '' at first 0.2, first 0.0123 point pt 13 ps 1.3 lc rgb 'black' front
set arrow from first 4.8, first 0.007 to first 5.2, first 0.007 nohead lw 3 lc rgb 'black' front
set label '' at first 5, first 0.007 point pt 13 ps 1.3 lc rgb 'black' front
set arrow from first 5.8, first 0.0042 to first 6.2, first 0.0042 nohead lw 3 lc rgb 'black' front
set label '' at first 6, first 0.0042 point pt 13 ps 1.3 lc rgb 'black' front
set arrow from first 6.8, first 0.004 to first 7.2, first 0.004 nohead lw 3 lc rgb 'black' front
set label '' at first 7, first 0.004 point pt 13 ps 1.3 lc rgb 'black' front
set terminal pngcairo size 960,560 font "sans,11"
set output "geometric-mean.png"
plot 'geometric-mean.tsv' index 0 using (strcol(2) eq '125 starts' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title '125 starts (mean ± std over seeds)', \
  'geometric-mean.tsv' index 0 using (strcol(2) eq '125 starts' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'geometric-mean.tsv' index 0 using (strcol(2) eq '343 starts' ? $3 : NaN):4 with boxes lc rgb '#d62728' title '343 starts (mean ± std over seeds)', \
  'geometric-mean.tsv' index 0 using (strcol(2) eq '343 starts' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  NaN with points pt 13 ps 1.3 lc rgb 'black' title 'the paper (Fig. 4 (the author’s notebook); the paper’s 125-start table)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "geometric-mean.svg"
replot
unset output
