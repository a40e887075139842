# gnuplot script written by `reprise figures ogr-beale-3d`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,420 font "sans,11"
set output "claims-forest.png"
set multiplot title 'OGR variants vs momentum and Adam on the 3-D Beale function, 125 and 343 starts (Duda): each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.814286
set bmargin at screen 0.133333
set lmargin at screen 0.267333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final geometric_mean_loss, 343 starts (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [11.5:0.5]
set ytics ('claim 1 · 343 starts · dsOGR d=1 over fOGR' 1, 'claim 1 · 343 starts · dsOGR d=1 over sOGR d=1' 2, 'claim 1 · 343 starts · dsOGR d=1 over Adam' 3, 'claim 1 · 343 starts · dsOGR d=1 over momentum' 4, 'claim 1 · 343 starts · fOGR over sOGR d=1' 5, 'claim 1 · 343 starts · fOGR over Adam' 6, 'claim 1 · 343 starts · fOGR over momentum' 7, 'claim 1 · 343 starts · sOGR d=1 over Adam' 8, 'claim 1 · 343 starts · sOGR d=1 over momentum' 9, 'claim 1 · 343 starts · Adam over momentum' 10, 'claim 2 · 343 starts · Adam 0.1513 vs sOGR d=2 0.2013' 11) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-1.49345:20.1616]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.007576 [0.007251, 0.007902] HOLDS · Holm p < 1e-16' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.04788 [0.0468, 0.04897] HOLDS · Holm p < 1e-16' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.1466 [0.1422, 0.1511] HOLDS · Holm p < 1e-16' at graph 1.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
set label '18.67 [18.67, 18.67] HOLDS · Holm p < 1e-16' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.04031 [0.03919, 0.04142] HOLDS · Holm p < 1e-16' at graph 1.01, first 5 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.139 [0.1346, 0.1435] HOLDS · Holm p < 1e-16' at graph 1.01, first 6 left font ',9' tc rgb '#1a7f37' noenhanced
set label '18.66 [18.66, 18.66] HOLDS · Holm p < 1e-16' at graph 1.01, first 7 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.09874 [0.09422, 0.1033] HOLDS · Holm p < 1e-16' at graph 1.01, first 8 left font ',9' tc rgb '#1a7f37' noenhanced
set label '18.62 [18.62, 18.62] HOLDS · Holm p < 1e-16' at graph 1.01, first 9 left font ',9' tc rgb '#1a7f37' noenhanced
set label '18.52 [18.52, 18.53] HOLDS · Holm p < 1e-16' at graph 1.01, first 10 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.05006 [0.03249, 0.06762] HOLDS · p 0.00328' at graph 1.01, first 11 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
set terminal svg size 1500,420 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'OGR variants vs momentum and Adam on the 3-D Beale function, 125 and 343 starts (Duda): each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.814286
set bmargin at screen 0.133333
set lmargin at screen 0.267333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final geometric_mean_loss, 343 starts (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [11.5:0.5]
set ytics ('claim 1 · 343 starts · dsOGR d=1 over fOGR' 1, 'claim 1 · 343 starts · dsOGR d=1 over sOGR d=1' 2, 'claim 1 · 343 starts · dsOGR d=1 over Adam' 3, 'claim 1 · 343 starts · dsOGR d=1 over momentum' 4, 'claim 1 · 343 starts · fOGR over sOGR d=1' 5, 'claim 1 · 343 starts · fOGR over Adam' 6, 'claim 1 · 343 starts · fOGR over momentum' 7, 'claim 1 · 343 starts · sOGR d=1 over Adam' 8, 'claim 1 · 343 starts · sOGR d=1 over momentum' 9, 'claim 1 · 343 starts · Adam over momentum' 10, 'claim 2 · 343 starts · Adam 0.1513 vs sOGR d=2 0.2013' 11) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-1.49345:20.1616]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.007576 [0.007251, 0.007902] HOLDS · Holm p < 1e-16' at graph 1.01, first 1 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.04788 [0.0468, 0.04897] HOLDS · Holm p < 1e-16' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.1466 [0.1422, 0.1511] HOLDS · Holm p < 1e-16' at graph 1.01, first 3 left font ',9' tc rgb '#1a7f37' noenhanced
set label '18.67 [18.67, 18.67] HOLDS · Holm p < 1e-16' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.04031 [0.03919, 0.04142] HOLDS · Holm p < 1e-16' at graph 1.01, first 5 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.139 [0.1346, 0.1435] HOLDS · Holm p < 1e-16' at graph 1.01, first 6 left font ',9' tc rgb '#1a7f37' noenhanced
set label '18.66 [18.66, 18.66] HOLDS · Holm p < 1e-16' at graph 1.01, first 7 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.09874 [0.09422, 0.1033] HOLDS · Holm p < 1e-16' at graph 1.01, first 8 left font ',9' tc rgb '#1a7f37' noenhanced
set label '18.62 [18.62, 18.62] HOLDS · Holm p < 1e-16' at graph 1.01, first 9 left font ',9' tc rgb '#1a7f37' noenhanced
set label '18.52 [18.52, 18.53] HOLDS · Holm p < 1e-16' at graph 1.01, first 10 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.05006 [0.03249, 0.06762] HOLDS · p 0.00328' at graph 1.01, first 11 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
unset output
