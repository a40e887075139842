# gnuplot script written by `reprise figures curvature-objectives`; edit freely and run `gnuplot final-loss.gp`
# in this folder. The data (final-loss.tsv): one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged.
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
set yrange [7.55489e-32:8.56486e+11]
set format y "%.4g"
set label '3.101' at first -0.112, first 3.1006 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.007469' at first 0.288, first 0.00746896 left offset 0,0.4 rotate by 90 font ',8' front
set label '3.099' at first 0.888, first 3.09912 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.007607' at first 1.288, first 0.00760735 left offset 0,0.4 rotate by 90 font ',8' front
set label '1.642' at first 1.888, first 1.64245 left offset 0,0.4 rotate by 90 font ',8' front
set label '2.419e-30' at first 2.288, first 2.41897e-30 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.002246' at first 2.888, first 0.00224587 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.01738' at first 3.288, first 0.0173834 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.01194' at first 3.888, first 0.0119441 left offset 0,0.4 rotate by 90 font ',8' front
set label 'diverged ×10' at first 4.2, first 2.54375e-10 center rotate by 90 font ',9' tc rgb '#b00000' front
set label '0.01214' at first 4.888, first 0.0121376 left offset 0,0.4 rotate by 90 font ',8' front
set label 'diverged ×10' at first 5.2, first 2.54375e-10 center rotate by 90 font ',9' tc rgb '#b00000' front
set label '3.727e-05' at first 5.888, first 3.7271e-05 left offset 0,0.4 rotate by 90 font ',8' front
set label '2.713e-21' at first 6.288, first 2.71329e-21 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.4171' at first 6.888, first 0.417134 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.1471 (2 diverged)' at first 7.288, first 0.147108 left offset 0,0.4 rotate by 90 font ',8' front
set label '1.429' at first 7.888, first 1.42858 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.0001167' at first 8.288, first 0.000116738 left offset 0,0.4 rotate by 90 font ',8' front
set label '1.425' at first 8.888, first 1.42474 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.0003326' at first 9.288, first 0.000332627 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.01194' at first 9.888, first 0.0119441 left offset 0,0.4 rotate by 90 font ',8' front
set label '8.236e-06' at first 10.288, first 8.23639e-06 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.01214' at first 10.888, first 0.0121376 left offset 0,0.4 rotate by 90 font ',8' front
set label '0.0001279' at first 11.288, first 0.000127863 left offset 0,0.4 rotate by 90 font ',8' front
set terminal pngcairo size 960,560 font "sans,11"
set output "final-loss.png"
plot 'final-loss.tsv' using (strcol(2) eq 'Rosenbrock' ? $3 : NaN):4 with boxes lc rgb '#1f77b4' title 'Rosenbrock (mean ± std over seeds)', \
  'final-loss.tsv' using (strcol(2) eq 'Rosenbrock' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle, \
  'final-loss.tsv' using (strcol(2) eq 'Beale' ? $3 : NaN):4 with boxes lc rgb '#d62728' title 'Beale (mean ± std over seeds)', \
  'final-loss.tsv' using (strcol(2) eq 'Beale' ? $3 : NaN):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle
set terminal svg size 960,560 dynamic font "sans,11"
set output "final-loss.svg"
replot
unset output
