# gnuplot script written by `reprise figures taso-cnn`; edit freely and run `gnuplot claims-forest.gp` in this folder.
# The data (claims-forest.tsv): one block per panel (scale), then the rows without an interval: row, claim, group,
# comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
set datafile separator "\t"
set datafile missing "nan"
set terminal pngcairo size 1500,396 font "sans,11"
set output "claims-forest.png"
set multiplot title 'TASO against adaptive methods with default hyperparameters on a CNN (Fashion-MNIST): each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.80303
set bmargin at screen 0.540404
set lmargin at screen 0.323333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [4.5:0.5]
set ytics ('claim 1 · default hyperparameters · TASO 0.8268 vs Adam 0.8219' 1, 'claim 1 · default hyperparameters · TASO 0.8268 vs RMSProp 0.7903' 2, 'claim 1 · default hyperparameters · TASO 0.8268 vs Adagrad 0.8212' 3, 'claim 3 · default hyperparameters · TASO 0.8268 vs SGD 0.7984' 4) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0134283:0.0567207]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.004917 [-0.007215, 0.01705] INCONCLUSIVE · Holm p 0.354' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.03658 [0.02128, 0.05188] INCONCLUSIVE after Holm · Holm p 0.354' at graph 1.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.005667 [-0.00859, 0.01992] INCONCLUSIVE · Holm p 0.354' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.02842 [0.01372, 0.04312] HOLDS · p 0.00422' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: difference
set tmargin at screen 0.338384
set bmargin at screen 0.141414
set lmargin at screen 0.323333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: best test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [3.5:0.5]
set ytics ('claim 2 · default hyperparameters · TASO 0.8274 vs Adam 0.8294' 1, 'claim 2 · default hyperparameters · TASO 0.8274 vs RMSProp 0.8042' 2, 'claim 2 · default hyperparameters · TASO 0.8274 vs Adagrad 0.8268' 3) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0186739:0.0328575]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '-0.002 [-0.01512, 0.01112] INCONCLUSIVE · p 1' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.02325 [0.0172, 0.0293] HOLDS · p 0.000182' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.0006667 [-0.01505, 0.01638] INCONCLUSIVE · p 0.917' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
set terminal svg size 1500,396 dynamic font "sans,11"
set output "claims-forest.svg"
set multiplot title 'TASO against adaptive methods with default hyperparameters on a CNN (Fashion-MNIST): each claim’s test' font ',12' noenhanced
# panel 1: difference
set tmargin at screen 0.80303
set bmargin at screen 0.540404
set lmargin at screen 0.323333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: final test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [4.5:0.5]
set ytics ('claim 1 · default hyperparameters · TASO 0.8268 vs Adam 0.8219' 1, 'claim 1 · default hyperparameters · TASO 0.8268 vs RMSProp 0.7903' 2, 'claim 1 · default hyperparameters · TASO 0.8268 vs Adagrad 0.8212' 3, 'claim 3 · default hyperparameters · TASO 0.8268 vs SGD 0.7984' 4) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0134283:0.0567207]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '0.004917 [-0.007215, 0.01705] INCONCLUSIVE · Holm p 0.354' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.03658 [0.02128, 0.05188] INCONCLUSIVE after Holm · Holm p 0.354' at graph 1.01, first 2 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.005667 [-0.00859, 0.01992] INCONCLUSIVE · Holm p 0.354' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.02842 [0.01372, 0.04312] HOLDS · p 0.00422' at graph 1.01, first 4 left font ',9' tc rgb '#1a7f37' noenhanced
plot 'claims-forest.tsv' index 0 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
# panel 2: difference
set tmargin at screen 0.338384
set bmargin at screen 0.141414
set lmargin at screen 0.323333
set rmargin at screen 0.7
set border 31
set xtics
set title 'how much better the subject is: best test_accuracy (95 % interval; 90 % for equivalence)' font ',10' noenhanced offset 0,-0.4
set yrange [3.5:0.5]
set ytics ('claim 2 · default hyperparameters · TASO 0.8274 vs Adam 0.8294' 1, 'claim 2 · default hyperparameters · TASO 0.8274 vs RMSProp 0.8042' 2, 'claim 2 · default hyperparameters · TASO 0.8274 vs Adagrad 0.8268' 3) font ',9' noenhanced nomirror
set grid xtics
set format x "%.4g"
set xtics font ',9'
unset key
unset logscale x
set xrange [-0.0186739:0.0328575]
set arrow from first 0, graph 0 to first 0, graph 1 nohead lw 1.5 lc rgb 'black' back
set label '-0.002 [-0.01512, 0.01112] INCONCLUSIVE · p 1' at graph 1.01, first 1 left font ',9' tc rgb '#b26b00' noenhanced
set label '0.02325 [0.0172, 0.0293] HOLDS · p 0.000182' at graph 1.01, first 2 left font ',9' tc rgb '#1a7f37' noenhanced
set label '0.0006667 [-0.01505, 0.01638] INCONCLUSIVE · p 0.917' at graph 1.01, first 3 left font ',9' tc rgb '#b26b00' noenhanced
plot 'claims-forest.tsv' index 1 using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle
unset arrow
unset label
unset logscale x
set xtics autofreq
unset multiplot
unset output
