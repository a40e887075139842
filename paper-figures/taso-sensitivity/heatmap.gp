# gnuplot script written by `reprise figures taso-sensitivity`; edit freely and run `gnuplot heatmap.gp`
# in this folder. The data (heatmap.tsv): grid indices i, j, the mean, the two key values, seeds drawn, diverged, the cell's label.
set datafile separator "\t"
set datafile missing "nan"
set title 'final test accuracy (fraction) by taso_alpha and taso_beta, mean over seeds: claim 1’s range' noenhanced
set xlabel "taso_alpha" noenhanced
set ylabel "taso_beta" noenhanced
set cblabel 'final test accuracy (fraction), mean over seeds' noenhanced
set xtics ("5" 0, "10" 1, "15" 2, "20" 3, "25" 4, "30" 5, "35" 6, "40" 7, "45" 8, "50" 9, "55" 10, "60" 11, "65" 12, "70" 13, "75" 14, "80" 15)
set ytics ("0.5" 0, "0.6" 1, "0.7" 2, "0.8" 3)
set xrange [-0.5:15.5]
set yrange [-0.5:3.5]
unset logscale cb
set cbrange [0.814367:0.856367]
set format cb "%.4g"
set palette defined (0 '#b2182b', 0.5 '#f7f7f7', 1 '#2166ac')
set cbtics ('0.8564 best' 0.856367, '0.8354 edge' 0.835367, '0.8144' 0.814367)
set rmargin 16
set tmargin 4
set label 'claim 1’s metric, not the spec’s best validation_accuracy; white at the best less the band 0.021: blue within, red beyond' at graph 0, graph 1 left offset 0,0.8 font ',9' tc rgb '#b00000' front noenhanced
unset key

set terminal pngcairo size 960,560 font "sans,11"
set output "heatmap.png"
plot 'heatmap.tsv' using 1:2:(0.5):(0.5):3 with boxxyerror fillstyle solid noborder fillcolor palette, \
  'heatmap.tsv' using 1:2:8 with labels font ",10"
set terminal svg size 960,560 dynamic font "sans,11"
set output "heatmap.svg"
replot
unset output
