# gnuplot script written by `reprise figures ogr-saddles`; edit freely and run `gnuplot trajectories-monkey.gp`
# in this folder. The data (trajectories-monkey.tsv): index 0: the grid (x, y, symlog f); then one block per variant: trajectories.
set datafile separator "\t"
set datafile missing "nan"
set title 'Monkey saddle x³ − 3xy²: trajectories from 8 starts (noise seed 0) (beyond the paper)' noenhanced
set xlabel "x"
set ylabel "y"
set key outside right top noenhanced
set view map
unset surface
set contour base
set cntrparam levels 24
set table 'trajectories-monkey-contours.tsv'
splot 'trajectories-monkey.tsv' index 0 using 1:2:3 with lines notitle
unset table
unset contour
set datafile separator whitespace
set size ratio -1
set xrange [-1.5:1.5]
set yrange [-1.5:1.5]
set terminal pngcairo size 960,560 font "sans,11"
set output "trajectories-monkey.png"
plot 'trajectories-monkey-contours.tsv' using 1:2 with lines lc rgb '#c8c8c8' notitle, \
  'trajectories-monkey.tsv' index 1 using 1:2 with lines lw 1.2 lc rgb '#1f77b4' title 'OGR saddle-free', \
  'trajectories-monkey.tsv' index 2 using 1:2 with lines lw 1.2 lc rgb '#d62728' title 'OGR plain Newton', \
  'trajectories-monkey.tsv' index 3 using 1:2 with lines lw 1.2 lc rgb '#2ca02c' title 'gradient descent', \
  'trajectories-monkey.tsv' index 4 using 1:2 with lines lw 1.2 lc rgb '#ff7f0e' title 'Adam'
set terminal svg size 960,560 dynamic font "sans,11"
set output "trajectories-monkey.svg"
replot
unset output
