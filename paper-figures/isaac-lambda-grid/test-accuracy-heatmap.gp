# gnuplot script written by `reprise figures isaac-lambda-grid`; edit freely and run `gnuplot test-accuracy-heatmap.gp`
# in this folder. The data (test-accuracy-heatmap.tsv): grid indices i, j, the mean, the two key values, seeds drawn, diverged, the cell's label.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final test accuracy: lambda_g x lambda_a; column inf: zeta*, corner: gradient' noenhanced
set xlabel "lambda_g" noenhanced
set ylabel "lambda_a" noenhanced
set cblabel 'final test accuracy (fraction), mean over seeds' noenhanced
set xtics ("0.0001" 0, "0.01" 1, "1" 2, "100" 3, "1e+04" 4, "∞" 5)
set ytics ("0.0001" 0, "0.01" 1, "1" 2, "100" 3, "1e+04" 4, "∞" 5)
set xrange [-0.5:5.5]
set yrange [-0.5:5.5]
unset logscale cb
set cbrange [0.529973:0.84656]
set format cb "%.4g"
set palette rgbformulae 33,13,10
unset key

set terminal pngcairo size 960,560 font "sans,11"
set output "test-accuracy-heatmap.png"
plot 'test-accuracy-heatmap.tsv' using 1:2:(0.5):(0.5):3 with boxxyerror fillstyle solid noborder fillcolor palette, \
  'test-accuracy-heatmap.tsv' using 1:2:8 with labels font ",10"
set terminal svg size 960,560 dynamic font "sans,11"
set output "test-accuracy-heatmap.svg"
replot
unset output
