# gnuplot script written by `reprise figures isaac-lambda-grid`; edit freely and run `gnuplot train-loss-heatmap.gp`
# in this folder. The data (train-loss-heatmap.tsv): grid indices i, j, the mean, the two key values, seeds drawn, diverged, the cell's label.
set datafile separator "\t"
set datafile missing "nan"
set title 'Final training loss (log colour): lambda_g x lambda_a; column inf: zeta*, corner: gradient' noenhanced
set xlabel "lambda_g" noenhanced
set ylabel "lambda_a" noenhanced
set cblabel 'final training loss, mean over seeds' noenhanced
set xtics ("0.0001" 0, "0.01" 1, "1" 2, "100" 3, "1e+04" 4, "∞" 5)
set ytics ("0.0001" 0, "0.01" 1, "1" 2, "100" 3, "1e+04" 4, "∞" 5)
set xrange [-0.5:5.5]
set yrange [-0.5:5.5]
set logscale cb
set cbrange [0.182808:1.83737]
set format cb "%.4g"
set cbtics ("0.22" 0.22, "0.33" 0.33, "0.48" 0.48, "0.7" 0.7, "1" 1, "1.5" 1.5)
set palette rgbformulae 33,13,10
unset key

set terminal pngcairo size 960,560 font "sans,11"
set output "train-loss-heatmap.png"
plot 'train-loss-heatmap.tsv' using 1:2:(0.5):(0.5):3 with boxxyerror fillstyle solid noborder fillcolor palette, \
  'train-loss-heatmap.tsv' using 1:2:8 with labels font ",10"
set terminal svg size 960,560 dynamic font "sans,11"
set output "train-loss-heatmap.svg"
replot
unset output
