# gnuplot script written by `reprise figures ogr-published`; edit freely and run `gnuplot beale-3d.gp`
# in this folder. The data (beale-3d.tsv): one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged.
set datafile separator "\t"
set datafile missing "nan"
set title '3-D Beale: geometric mean of the final values, mean ± std over 200 noise seeds, with the paper’s draws' noenhanced
set ylabel 'final geometric mean objective value over the starts' noenhanced
set key below noenhanced maxrows 4
set xtics ('fOGR' 0, 'Adam' 1)  noenhanced font ',9'
set xrange [-0.6:1.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.72 absolute
set bars 0.5
set logscale y
set yrange [0.00305022:0.67764]
set format y "%.4g"
set ytics ("0.0048" 0.0048, "0.012" 0.012, "0.029" 0.029, "0.071" 0.071, "0.18" 0.18, "0.43" 0.43)
set label '0.004541' at first 0.176, first 0.00454078 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.1468' at first 1.176, first 0.146827 left offset 0,0.4 rotate by 90 font ',8' front
set arrow from first -0.4, first 0.00384 to first 0.4, first 0.00384 nohead lw 3 lc rgb 'black' front
set label '' at first 0, first 0.00384 point pt 13 ps 1.3 lc rgb 'black' front
set arrow from first 0.6, first 0.142 to first 1.4, first 0.142 nohead lw 3 lc rgb 'black' front
set label '' at first 1, first 0.142 point pt 13 ps 1.3 lc rgb 'black' front
set terminal pngcairo size 960,560 font "sans,11"
set output "beale-3d.png"
plot 'beale-3d.tsv' index 0 using (strcol(2) eq '3-D, 125 starts' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title '3-D, 125 starts (mean ± std over seeds)', \
  'beale-3d.tsv' index 0 using (strcol(2) eq '3-D, 125 starts' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'beale-3d.tsv' index 0 using (strcol(2) eq '3-D, 343 starts' ? $3 : NaN):4 with boxes lc rgb '#d62728' title '3-D, 343 starts (mean ± std over seeds)', \
  'beale-3d.tsv' index 0 using (strcol(2) eq '3-D, 343 starts' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  NaN with points pt 13 ps 1.3 lc rgb 'black' title 'the paper (Fig. 4 (the author’s notebook); the paper’s 125-start table)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "beale-3d.svg"
replot
unset output
