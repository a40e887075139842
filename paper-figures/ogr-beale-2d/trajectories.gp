# gnuplot script written by `reprise figures ogr-beale-2d`; edit freely and run `gnuplot trajectories.gp`
# in this folder. The data (trajectories.tsv): index 0: the grid (x, y, symlog f); then one block per variant: trajectories.
set datafile separator "\t"
set datafile missing "nan"
set title 'Trajectories from the 15 starts (noise seed 0) over Beale’s contours' noenhanced
set xlabel "x"
set ylabel "y"
set key outside right top noenhanced
set view map
unset surface
set contour base
set cntrparam levels 24
set table 'trajectories-contours.tsv'
splot 'trajectories.tsv' index 0 using 1:2:3 with lines notitle
unset table
unset contour
set datafile separator whitespace
set size ratio -1
set xrange [-2.5:4.0]
set yrange [-2.5:2.5]
set terminal pngcairo size 960,560 font "sans,11"
set output "trajectories.png"
plot 'trajectories-contours.tsv' using 1:2 with lines lc rgb '#c8c8c8' notitle, \
  'trajectories.tsv' index 1 using 1:2 with lines lw 1.2 lc rgb '#1f77b4' title 'OGR', \
  'trajectories.tsv' index 2 using 1:2 with lines lw 1.2 lc rgb '#d62728' title 'momentum', \
  'trajectories.tsv' index 3 using 1:2 with lines lw 1.2 lc rgb '#2ca02c' title 'Adam'
set terminal svg size 960,560 dynamic font "sans,11"
set output "trajectories.svg"
replot
unset output
