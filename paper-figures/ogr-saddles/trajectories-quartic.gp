# gnuplot script written by `reprise figures ogr-saddles`; edit freely and run `gnuplot trajectories-quartic.gp`
# in this folder. The data (trajectories-quartic.tsv): index 0: the grid (x, y, symlog f); then one block per variant: trajectories.
set datafile separator "\t"
set datafile missing "nan"
set title 'x² − y² + y⁴/4: trajectories from 8 starts near the saddle (noise seed 0) (beyond the paper)' noenhanced
set xlabel "x"
set ylabel "y"
set key outside right top noenhanced
set view map
unset surface
set contour base
set cntrparam levels 24
set table 'trajectories-quartic-contours.tsv'
splot 'trajectories-quartic.tsv' index 0 using 1:2:3 with lines notitle
unset table
unset contour
set datafile separator whitespace
set size ratio -1
set xrange [-1.0:1.0]
set yrange [-2.0:2.0]
set terminal pngcairo size 960,560 font "sans,11"
set output "trajectories-quartic.png"
plot 'trajectories-quartic-contours.tsv' using 1:2 with lines lc rgb '#c8c8c8' notitle, \
  'trajectories-quartic.tsv' index 1 using 1:2 with lines lw 1.2 lc rgb '#1f77b4' title 'OGR saddle-free', \
  'trajectories-quartic.tsv' index 2 using 1:2 with lines lw 1.2 lc rgb '#d62728' title 'OGR plain Newton', \
  'trajectories-quartic.tsv' index 3 using 1:2 with lines lw 1.2 lc rgb '#2ca02c' title 'gradient descent', \
  'trajectories-quartic.tsv' index 4 using 1:2 with lines lw 1.2 lc rgb '#ff7f0e' title 'Adam'
set terminal svg size 960,560 dynamic font "sans,11"
set output "trajectories-quartic.svg"
replot
unset output
