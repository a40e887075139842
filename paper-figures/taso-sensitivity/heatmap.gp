# gnuplot script written by `reprise figures taso-sensitivity`; edit freely and run `gnuplot heatmap.gp`
# in this folder. The data (heatmap.tsv): grid indices i, j, the mean, the two key values, seeds drawn, diverged.
set datafile separator "\t"
set datafile missing "nan"
set title 'Best validation accuracy over epochs, by alpha and beta (mean over three seeds)' noenhanced
set xlabel "taso_alpha" noenhanced
set ylabel "taso_beta" noenhanced
set cblabel 'best validation accuracy (fraction), mean over seeds' noenhanced
set xtics ("5" 0, "10" 1, "15" 2, "20" 3, "25" 4, "30" 5, "35" 6, "40" 7, "45" 8, "50" 9, "55" 10, "60" 11, "65" 12, "70" 13, "75" 14, "80" 15)
set ytics ("0.5" 0, "0.6" 1, "0.7" 2, "0.8" 3)
set xrange [-0.5:15.5]
set yrange [-0.5:3.5]
unset logscale cb
set cbrange [0.856567:0.869633]
set format cb "%.4g"
set palette rgbformulae 33,13,10
unset key

set terminal pngcairo size 960,560 font "sans,11"
set output "heatmap.png"
plot 'heatmap.tsv' using 1:2:(0.5):(0.5):3 with boxxyerror fillstyle solid noborder fillcolor palette, \
  'heatmap.tsv' using 1:2:(sprintf("%.3g", $3)) with labels font ",10"
set terminal svg size 960,560 dynamic font "sans,11"
set output "heatmap.svg"
replot
unset output
