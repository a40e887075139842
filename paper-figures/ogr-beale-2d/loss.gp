# gnuplot script written by `reprise figures ogr-beale-2d`; edit freely and run `gnuplot loss.gp`
# in this folder. The data (loss.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Mean value over the starts per step' noenhanced
set xlabel 'step' noenhanced
set ylabel 'mean objective value over the starts' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
set logscale y
set yrange [6.11536e-07:1.91197e+89]
set format y "%.4g"
set arrow from graph 0, first 0.0179 to graph 1, first 0.0179 nohead dt 3 lw 1.5 lc rgb 'black' front
set label 'paper OGR: 0.0179 (Fig. 3 (mean final value over the starts))' at graph 0.99, first 0.0179 right offset 0,0.6 font ',9' front noenhanced
set arrow from graph 0, first 1.049 to graph 1, first 1.049 nohead dt 3 lw 1.5 lc rgb 'black' front
set label 'paper momentum: 1.049 (Fig. 3 (mean final value over the starts))' at graph 0.99, first 1.049 right offset 0,1.6 font ',9' front noenhanced
set arrow from graph 0, first 0.473 to graph 1, first 0.473 nohead dt 3 lw 1.5 lc rgb 'black' front
set label 'paper Adam: 0.473 (Fig. 3 (mean final value over the starts))' at graph 0.99, first 0.473 right offset 0,2.6 font ',9' front noenhanced
set terminal pngcairo size 960,560 font "sans,11"
set output "loss.png"
plot \
  'loss.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'loss.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'OGR (mean ± std, n = 20)', \
  'loss.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'loss.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'momentum (mean ± std, n = 20)', \
  'loss.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'loss.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'Adam (mean ± std, n = 20)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "loss.svg"
replot
unset output
