# gnuplot script written by `reprise figures taso-vs-adaptive`; edit freely and run `gnuplot test-accuracy-validated.gp`
# in this folder. The data (test-accuracy-validated.tsv): one block per variant: x, mean, std, seeds.
set datafile separator "\t"
set datafile missing "nan"
set title 'Test accuracy, validated hyperparameters' noenhanced
set xlabel "epoch"
set ylabel "test accuracy"
set key outside right top noenhanced
set grid
set style fill transparent solid 0.18 noborder
set terminal pngcairo size 960,560 font "sans,11"
set output "test-accuracy-validated.png"
plot \
  'test-accuracy-validated.tsv' index 0 using 1:($2-$3):($2+$3) with filledcurves lc rgb '#1f77b4' notitle, \
  'test-accuracy-validated.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'TASO', \
  'test-accuracy-validated.tsv' index 1 using 1:($2-$3):($2+$3) with filledcurves lc rgb '#d62728' notitle, \
  'test-accuracy-validated.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'Adam', \
  'test-accuracy-validated.tsv' index 2 using 1:($2-$3):($2+$3) with filledcurves lc rgb '#2ca02c' notitle, \
  'test-accuracy-validated.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'RMSProp', \
  'test-accuracy-validated.tsv' index 3 using 1:($2-$3):($2+$3) with filledcurves lc rgb '#ff7f0e' notitle, \
  'test-accuracy-validated.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'Adagrad', \
  'test-accuracy-validated.tsv' index 4 using 1:($2-$3):($2+$3) with filledcurves lc rgb '#9467bd' notitle, \
  'test-accuracy-validated.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'SGD', \
  'test-accuracy-validated.tsv' index 5 using 1:($2-$3):($2+$3) with filledcurves lc rgb '#8c564b' notitle, \
  'test-accuracy-validated.tsv' index 5 using 1:2 with lines lw 2 lc rgb '#8c564b' title 'HTD', \
  'test-accuracy-validated.tsv' index 6 using 1:($2-$3):($2+$3) with filledcurves lc rgb '#e377c2' notitle, \
  'test-accuracy-validated.tsv' index 6 using 1:2 with lines lw 2 lc rgb '#e377c2' title 'cosine'
set terminal svg size 960,560 dynamic font "sans,11"
set output "test-accuracy-validated.svg"
replot
unset output
