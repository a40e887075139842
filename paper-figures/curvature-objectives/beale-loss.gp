# gnuplot script written by `reprise figures curvature-objectives`; edit freely and run `gnuplot beale-loss.gp`
# in this folder. The data (beale-loss.tsv): one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10).
set datafile separator "\t"
set datafile missing "nan"
set title 'Beale: loss per step (reconstruction)' noenhanced
set xlabel 'step' noenhanced
set ylabel 'objective value' noenhanced
set key below noenhanced maxrows 4
set grid
set style fill transparent solid 0.18 noborder
set format x "%.4g"
set logscale y
set yrange [4.94151e-32:739293]
set format y "%.4g"
set tmargin 4
set label 'diverged, not drawn: momentum noise=0.0 ×10; momentum noise=0.1 ×10; momentum rescaled noise=0.1 ×2' at graph 0, graph 1 left offset 0,0.8 font ',9' tc rgb '#b00000' front noenhanced
set terminal pngcairo size 960,560 font "sans,11"
set output "beale-loss.png"
plot \
  'beale-loss.tsv' index 0 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'beale-loss.tsv' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'SGD noise=0.0 (mean ± std, n = 10)', \
  'beale-loss.tsv' index 1 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'beale-loss.tsv' index 1 using 1:2 with lines lw 2 lc rgb '#d62728' title 'SGD noise=0.1 (mean ± std, n = 10)', \
  'beale-loss.tsv' index 2 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'beale-loss.tsv' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'SGD rescaled noise=0.0 (mean ± std, n = 10)', \
  'beale-loss.tsv' index 3 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'beale-loss.tsv' index 3 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'SGD rescaled noise=0.1 (mean ± std, n = 10)', \
  'beale-loss.tsv' index 4 using 1:3:4 with filledcurves lc rgb '#9467bd' notitle, \
  'beale-loss.tsv' index 4 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'momentum noise=0.0 (mean ± std, n = 0; diverged ×10)', \
  'beale-loss.tsv' index 5 using 1:3:4 with filledcurves lc rgb '#8c564b' notitle, \
  'beale-loss.tsv' index 5 using 1:2 with lines lw 2 lc rgb '#8c564b' title 'momentum noise=0.1 (mean ± std, n = 0; diverged ×10)', \
  'beale-loss.tsv' index 6 using 1:3:4 with filledcurves lc rgb '#e377c2' notitle, \
  'beale-loss.tsv' index 6 using 1:2 with lines lw 2 lc rgb '#e377c2' title 'momentum rescaled noise=0.0 (mean ± std, n = 10)', \
  'beale-loss.tsv' index 7 using 1:3:4 with filledcurves lc rgb '#7f7f7f' notitle, \
  'beale-loss.tsv' index 7 using 1:2 with lines lw 2 lc rgb '#7f7f7f' title 'momentum rescaled noise=0.1 (mean ± std, n = 8; diverged ×2)', \
  'beale-loss.tsv' index 8 using 1:3:4 with filledcurves lc rgb '#1f77b4' notitle, \
  'beale-loss.tsv' index 8 using 1:2 with lines lw 2 lc rgb '#1f77b4' dt 2 title 'SGD tuned noise=0.0 (mean ± std, n = 10)', \
  'beale-loss.tsv' index 9 using 1:3:4 with filledcurves lc rgb '#d62728' notitle, \
  'beale-loss.tsv' index 9 using 1:2 with lines lw 2 lc rgb '#d62728' dt 2 title 'SGD tuned noise=0.1 (mean ± std, n = 10)', \
  'beale-loss.tsv' index 10 using 1:3:4 with filledcurves lc rgb '#2ca02c' notitle, \
  'beale-loss.tsv' index 10 using 1:2 with lines lw 2 lc rgb '#2ca02c' dt 2 title 'momentum tuned noise=0.0 (mean ± std, n = 10)', \
  'beale-loss.tsv' index 11 using 1:3:4 with filledcurves lc rgb '#ff7f0e' notitle, \
  'beale-loss.tsv' index 11 using 1:2 with lines lw 2 lc rgb '#ff7f0e' dt 2 title 'momentum tuned noise=0.1 (mean ± std, n = 10)'
set terminal svg size 960,560 dynamic font "sans,11"
set output "beale-loss.svg"
replot
unset output
