# gnuplot script written by `reprise figures curvature-objectives`; edit freely and run `gnuplot final-loss.gp`
# in this folder. The data (final-loss.tsv): index 0: one row per arm: label, group, x, mean, low, high (mean ± std), seeds, diverged; then per group: seed, label, x, value (a seed's arms joined).
set datafile separator "\t"
set datafile missing "nan"
set title 'Final loss, mean ± std over ten noise seeds (reconstruction)' noenhanced
set ylabel 'final objective value' noenhanced
set key below noenhanced maxrows 4
set xtics ('SGD noise=0.0' 0, 'SGD noise=0.1' 1, 'SGD rescaled noise=0.0' 2, 'SGD rescaled noise=0.1' 3, 'momentum noise=0.0' 4, 'momentum noise=0.1' 5, 'momentum rescaled noise=0.0' 6, 'momentum rescaled noise=0.1' 7, 'SGD tuned noise=0.0' 8, 'SGD tuned noise=0.1' 9, 'momentum tuned noise=0.0' 10, 'momentum tuned noise=0.1' 11) rotate by -30 left noenhanced font ',9'
set xrange [-0.6:11.6]
set grid ytics
set style fill solid 0.75 border -1
set boxwidth 0.36 absolute
set bars 0.5
set logscale y
set yrange [7.48805e-32:1.04665e+17]
set format y "%.4g"
set label '3.101' at first -0.112, first 3.1006 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.007469' at first 0.288, first 0.00746896 left offset 0,0.4 rotate by 90 font ',8' front
set label '3.099' at first 0.888, first 3.105 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.007607' at first 1.288, first 0.00812391 left offset 0,0.4 rotate by 90 font ',8' front
set label '1.642' at first 1.888, first 1.64245 left offset 0,0.4 rotate by 90 font ',8' front
set label '2.419e-30' at first 2.288, first 2.41897e-30 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.002246' at first 2.888, first 0.0117469 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.01738' at first 3.288, first 0.122181 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.01194' at first 3.888, first 0.0119441 left offset 0,0.4 rotate by 90 font ',8' front
set label 'diverged ×10' at first 4.2, first 8.85288e-08 center rotate by 90 font ',9' tc rgb '#b00000' front
set label '0.01214' at first 4.888, first 0.0129046 left offset 0,0.4 rotate by 90 font ',8' front
set label 'diverged ×10' at first 5.2, first 8.85288e-08 center rotate by 90 font ',9' tc rgb '#b00000' front
set label '3.727e-05' at first 5.888, first 3.7271e-05 left offset 0,0.4 rotate by 90 font ',8' front
set label '2.713e-21' at first 6.288, first 2.71329e-21 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.4171' at first 6.888, first 3.70556 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.1471 n=8 (2 diverged)' at first 7.288, first 0.748924 left offset 0,0.4 rotate by 90 font ',8' front
set label '1.429' at first 7.888, first 1.42858 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.0001167' at first 8.288, first 0.000116738 left offset 0,0.4 rotate by 90 font ',8' front
set label '1.425' at first 8.888, first 1.43861 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.0003326' at first 9.288, first 0.000739252 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.01194' at first 9.888, first 0.0119441 left offset 0,0.4 rotate by 90 font ',8' front
set label '8.236e-06' at first 10.288, first 8.23639e-06 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.01214' at first 10.888, first 0.0129046 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.0001279' at first 11.288, first 0.000386358 left offset 0,0.4 rotate by 90 font ',8' front
set tmargin 4
set label 'drawn as dots, not bars: the log axis spans 33 decades, where bar lengths mean nothing' at graph 0, graph 1 left offset 0,0.8 font ',9' tc rgb '#b00000' front noenhanced
set terminal pngcairo size 960,560 font "sans,11"
set output "final-loss.png"
plot 'final-loss.tsv' index 1 using 3:4 with lines lw 0.7 lc rgb '#1f77b4' dt 3 notitle, \
  'final-loss.tsv' index 1 using 3:4 with points pt 7 ps 0.7 lc rgb '#1f77b4' title 'Rosenbrock (every seed; tick: mean)', \
  'final-loss.tsv' index 0 using ((strcol(2) eq 'Rosenbrock' ? $3 : NaN) - 0.14):4:(2 * 0.14):(0) with vectors nohead lw 3 lc rgb 'black' notitle, \
  'final-loss.tsv' index 2 using 3:4 with lines lw 0.7 lc rgb '#d62728' dt 3 notitle, \
  'final-loss.tsv' index 2 using 3:4 with points pt 7 ps 0.7 lc rgb '#d62728' title 'Beale (every seed; tick: mean)', \
  'final-loss.tsv' index 0 using ((strcol(2) eq 'Beale' ? $3 : NaN) - 0.14):4:(2 * 0.14):(0) with vectors nohead lw 3 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-loss.svg"
replot
unset output
