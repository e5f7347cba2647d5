package org.casie.tag.select;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws {@code scripts/al-simulate}'s results (TSV: seed, strategy, articles, trigC, argC, seconds) as two
 * learning curves, dev Trig-C and Arg-C against training articles: per strategy the mean over seeds, with the
 * band from the lowest to the highest seed. Rows of strategy {@code start} (the shared first model) begin
 * every curve. Used by {@code scripts/al-plot}; test scope, so the tool itself carries no plotting library.
 */
public final class LearningCurvePlot {

    private LearningCurvePlot() {
    }

    /** strategy -> articles -> scores of one metric (TSV column), one per seed. */
    static Map<String, Map<Integer, List<Double>>> read(Path tsv, int column) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(tsv)) {
            if (!line.isBlank() && !line.startsWith("seed\t")) {
                rows.add(line.split("\t"));
            }
        }
        List<String> strategies = rows.stream().map(r -> r[1]).filter(s -> !s.equals("start")).distinct().sorted().toList();
        Map<String, Map<Integer, List<Double>>> out = new TreeMap<>();
        for (String[] r : rows) {
            for (String s : r[1].equals("start") ? strategies : List.of(r[1])) {
                out.computeIfAbsent(s, k -> new TreeMap<>()).computeIfAbsent(Integer.parseInt(r[2]), k -> new ArrayList<>())
                        .add(Double.parseDouble(r[column]));
            }
        }
        return out;
    }

    static JFreeChart chart(Map<String, Map<Integer, List<Double>>> curves, String metric) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        curves.forEach((strategy, points) -> {
            YIntervalSeries series = new YIntervalSeries(strategy);
            points.forEach((n, scores) -> series.add(n, scores.stream().mapToDouble(d -> d).average().orElse(0),
                    scores.stream().mapToDouble(d -> d).min().orElse(0), scores.stream().mapToDouble(d -> d).max().orElse(0)));
            data.addSeries(series);
        });
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        Color[] colours = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, colours[i % colours.length]);
            renderer.setSeriesFillPaint(i, colours[i % colours.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        renderer.setAlpha(0.15f);
        NumberAxis x = new NumberAxis("training articles");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("dev " + metric + " F1");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(metric + " (mean over seeds; band: seed range)", JFreeChart.DEFAULT_TITLE_FONT,
                plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: LearningCurvePlot RESULTS.tsv OUT.png");
            System.exit(2);
        }
        Path tsv = Path.of(args[0]);
        int w = 640;
        int h = 440;
        BufferedImage image = new BufferedImage(2 * w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        chart(read(tsv, 3), "Trig-C").draw(g, new Rectangle2D.Double(0, 0, w, h));
        chart(read(tsv, 4), "Arg-C").draw(g, new Rectangle2D.Double(w, 0, w, h));
        g.dispose();
        Path png = Path.of(args[1]).toAbsolutePath();
        Path tmp = png.resolveSibling(png.getFileName() + ".tmp");
        try (java.io.OutputStream out = Files.newOutputStream(tmp)) {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        }
        Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
