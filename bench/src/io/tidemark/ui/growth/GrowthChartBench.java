package io.tidemark.ui.growth;

import io.tidemark.core.growth.Dimension;
import io.tidemark.core.growth.GrowthPoint;
import io.tidemark.core.growth.GrowthSeries;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

/**
 * How long the Growth chart takes to build and to draw one frame with SERIES series of DAYS daily points (the first
 * 80 % rebuilt, so dashed), the way the screen builds it. Java2D into an image of the screen's size: the chart viewer
 * draws the same calls through FXGraphics2D. Prints one line per run: build ms, draw ms (lines), draw ms (stacked area of
 * the first five series, as the screen stacks its five categories).
 * Usage: java -cp tidemark.jar:classes io.tidemark.ui.growth.GrowthChartBench [SERIES] [DAYS] [RUNS]
 */
public final class GrowthChartBench {

    public static void main(String[] args) {
        int seriesCount = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 5 * 365;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Random random = new Random(1);
        LocalDate start = LocalDate.of(2021, 11, 21);
        List<GrowthSeries> series = new ArrayList<>();
        for (int s = 0; s < seriesCount; s++) {
            List<GrowthPoint> points = new ArrayList<>(days);
            long size = 1_000_000L * (1 + random.nextInt(1000));
            for (int d = 0; d < days; d++) {
                size += (long) (Math.abs(random.nextGaussian()) * 200_000 * (1 + s % 7));
                points.add(new GrowthPoint(start.plusDays(d), size, d, d < days * 0.8));
            }
            series.add(new GrowthSeries(Dimension.TABLE, "table_" + s, points));
        }
        LocalDate firstSnapshot = start.plusDays((long) (days * 0.8));
        BufferedImage image = new BufferedImage(820, 560, BufferedImage.TYPE_INT_ARGB);
        double[] build = new double[runs];
        double[] lines = new double[runs];
        double[] stacked = new double[runs];
        double[] linesCpu = new double[runs];
        double[] stackedCpu = new double[runs];
        // This machine is shared: the drawing thread's CPU time says what a frame costs when the CPU is not contended.
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            JFreeChart chart = GrowthChart.build(series, false, false, false, firstSnapshot);
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            draw(chart, image);
            long c2 = cpu.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            linesCpu[r] = (c2 - c1) / 1e6;
            JFreeChart area = GrowthChart.build(series.subList(0, Math.min(5, series.size())), true, false, false, firstSnapshot);
            long t3 = System.nanoTime();
            long c3 = cpu.getCurrentThreadCpuTime();
            draw(area, image);
            stackedCpu[r] = (cpu.getCurrentThreadCpuTime() - c3) / 1e6;
            long t4 = System.nanoTime();
            build[r] = (t1 - t0) / 1e6;
            lines[r] = (t2 - t1) / 1e6;
            stacked[r] = (t4 - t3) / 1e6;
            System.out.printf(java.util.Locale.ROOT, "run %d: build %.1f ms, draw lines %.1f ms (CPU %.1f ms), draw stacked %.1f ms (CPU %.1f ms)%n",
                    r + 1, build[r], lines[r], linesCpu[r], stacked[r], stackedCpu[r]);
        }
        System.out.printf(java.util.Locale.ROOT, "median of runs 2..%d (%d series x %d days = %,d points): build %.1f ms, "
                + "draw lines %.1f ms (CPU %.1f ms), draw stacked %.1f ms (CPU %.1f ms)%n", runs, seriesCount, days,
                (long) seriesCount * days, median(build), median(lines), median(linesCpu), median(stacked), median(stackedCpu));
    }

    private static void draw(JFreeChart chart, BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        chart.draw(g, new Rectangle2D.Double(0, 0, image.getWidth(), image.getHeight()), new ChartRenderingInfo()); // as the viewer draws
        g.dispose();
    }

    private static double median(double[] all) {
        double[] warm = Arrays.copyOfRange(all, 1, all.length); // the first run includes class loading and JIT
        Arrays.sort(warm);
        int n = warm.length;
        return n % 2 == 1 ? warm[n / 2] : (warm[n / 2 - 1] + warm[n / 2]) / 2;
    }
}
