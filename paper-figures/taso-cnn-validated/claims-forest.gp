# gnuplot script written by `reprise figures taso-cnn-validated`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,370 font "sans,11"
set output "claims-forest.png"
set multiplot title 'TASO against adaptive methods with validated hyperparameters on a CNN (Fashion-MNIST): each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.789189
set bmargin at screen 0.578378
set lmargin at screen 0.220667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [3.5:0.5]
set ytics ('claim 1 · – · TASO 0.8266 vs Adam 0.8257' 1, 'claim 1 · – · TASO 0.8266 vs RMSProp 0.7783' 2, 'claim 1 · – · TASO 0.8266 vs Adagrad 0.7911' 3) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.035314:0.117019]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.0009167 [-0.008874, 0.01071] INCONCLUSIVE · p 0.819' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.04825 [-0.01001, 0.1065] INCONCLUSIVE · p 0.0865' at graph 1.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.0355 [-0.02481, 0.09581] INCONCLUSIVE · p 0.191' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: difference
set tmargin at screen 0.362162
set bmargin at screen 0.151351
set lmargin at screen 0.220667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: best test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [3.5:0.5]
set ytics ('claim 2 · – · TASO 0.8272 vs Adam 0.8257' 1, 'claim 2 · – · TASO 0.8272 vs RMSProp 0.8193' 2, 'claim 2 · – · TASO 0.8272 vs Adagrad 0.8304' 3) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0176762:0.0213916]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.0015 [-0.008373, 0.01137] INCONCLUSIVE · p 0.712' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.007833 [-0.003031, 0.0187] INCONCLUSIVE · p 0.123' at graph 1.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set label '-0.00325 [-0.01498, 0.008482] INCONCLUSIVE · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
set terminal svg size 1500,370 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'TASO against adaptive methods with validated hyperparameters on a CNN (Fashion-MNIST): each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.789189
set bmargin at screen 0.578378
set lmargin at screen 0.220667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [3.5:0.5]
set ytics ('claim 1 · – · TASO 0.8266 vs Adam 0.8257' 1, 'claim 1 · – · TASO 0.8266 vs RMSProp 0.7783' 2, 'claim 1 · – · TASO 0.8266 vs Adagrad 0.7911' 3) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.035314:0.117019]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.0009167 [-0.008874, 0.01071] INCONCLUSIVE · p 0.819' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.04825 [-0.01001, 0.1065] INCONCLUSIVE · p 0.0865' at graph 1.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.0355 [-0.02481, 0.09581] INCONCLUSIVE · p 0.191' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: difference
set tmargin at screen 0.362162
set bmargin at screen 0.151351
set lmargin at screen 0.220667
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: best test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [3.5:0.5]
set ytics ('claim 2 · – · TASO 0.8272 vs Adam 0.8257' 1, 'claim 2 · – · TASO 0.8272 vs RMSProp 0.8193' 2, 'claim 2 · – · TASO 0.8272 vs Adagrad 0.8304' 3) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0176762:0.0213916]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.0015 [-0.008373, 0.01137] INCONCLUSIVE · p 0.712' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.007833 [-0.003031, 0.0187] INCONCLUSIVE · p 0.123' at graph 1.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set label '-0.00325 [-0.01498, 0.008482] INCONCLUSIVE · p 1' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
unset output
