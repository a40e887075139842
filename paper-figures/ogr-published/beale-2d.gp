# gnuplot script written by `reprise figures ogr-published`; edit freely and run `gnuplot beale-2d.gp`
# in this folder. The data (beale-2d.tsv): one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged.
set datafile separator "\t"
set datafile missing "nan"
set title '2-D Beale: mean final value over the 15 starts, mean ± std over 200 noise seeds, with the paper’s draws' noenhanced
set ylabel 'final mean objective value over the starts' noenhanced
set key below noenhanced maxrows 4
set xtics ('OGR' 0, 'momentum' 1, 'Adam' 2)  noenhanced font ',9'
set xrange [-0.6:2.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.72 absolute
set bars 0.5
set logscale y
set yrange [0.0125979:6.44619]
set format y "%.4g"
set ytics ("0.021" 0.021, "0.06" 0.06, "0.17" 0.17, "0.48" 0.48, "1.4" 1.4, "3.8" 3.8)
set label '0.05481' at first 0.176, first 0.0548124 left offset 0,0.4 rotate by 90 font ',8' front
set label '1.062 n=178 (22 diverged)' at first 1.176, first 1.06202 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.3923' at first 2.176, first 0.392349 left offset 0,0.4 rotate by 90 font ',8' front
set arrow from first -0.4, first 0.0179 to first 0.4, first 0.0179 nohead lw 3 lc rgb 'black' front
set label '' at first 0, first 0.0179 point pt 13 ps 1.3 lc rgb 'black' front
set arrow from first 0.6, first 1.049 to first 1.4, first 1.049 nohead lw 3 lc rgb 'black' front
set label '' at first 1, first 1.049 point pt 13 ps 1.3 lc rgb 'black' front
set arrow from first 1.6, first 0.473 to first 2.4, first 0.473 nohead lw 3 lc rgb 'black' front
set label '' at first 2, first 0.473 point pt 13 ps 1.3 lc rgb 'black' front
set terminal pngcairo size 960,560 font "sans,11"
set output "beale-2d.png"
plot 'beale-2d.tsv' index 0 using (strcol(2) eq '2-D, 15 starts' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title '2-D, 15 starts (mean ± std over seeds)', \
  'beale-2d.tsv' index 0 using (strcol(2) eq '2-D, 15 starts' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  NaN with points pt 13 ps 1.3 lc rgb 'black' title 'the paper (Fig. 3 (mean final value over the starts))'
set terminal svg size 960,560 dynamic font "sans,11"
set output "beale-2d.svg"
replot
unset output
