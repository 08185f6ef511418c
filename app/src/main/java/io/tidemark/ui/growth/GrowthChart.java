package io.tidemark.ui.growth;

import io.tidemark.core.ByteSize;
import io.tidemark.core.growth.GrowthSeries;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/** Builds the Growth screen's JFreeChart: lines (rebuilt points dashed and hollow) or a stacked area, in the theme's colours. */
final class GrowthChart {

    /** Colours that read on white and on the dark theme's background alike. */
    private static final Color[] PALETTE = {
        new Color(0x2f81f7), new Color(0xe16f24), new Color(0x2da44e), new Color(0xbf3989), new Color(0x8250df),
        new Color(0xd4a72c), new Color(0x1b7c83), new Color(0xcf222e), new Color(0x6e7781), new Color(0x57ab5a),
        new Color(0xa371f7), new Color(0xdb6d28)};
    private static final Stroke SOLID = new BasicStroke(2.0f);
    private static final Stroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 4f}, 0f);

    /** The theme's colours for the chart. */
    record Colours(Color background, Color text, Color grid, Color rebuiltBand) {
        static Colours of(boolean dark) {
            return dark ? new Colours(new Color(0x0d1117), new Color(0xc9d1d9), new Color(0x30363d), new Color(0x58a6ff, false).darker())
                    : new Colours(Color.WHITE, new Color(0x24292f), new Color(0xd0d7de), new Color(0xddf4ff));
        }
    }

    private GrowthChart() {
    }

    static JFreeChart build(List<GrowthSeries> series, boolean stacked, boolean log, boolean dark, LocalDate firstSnapshot) {
        DailyDataset dataset = new DailyDataset(series, stacked);
        Colours colours = Colours.of(dark);
        DateAxis time = new DateAxis(null);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        day.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setDateFormatOverride(day);
        ValueAxis size = sizeAxis(log && !stacked);
        XYPlot plot;
        if (stacked) {
            // Each series' top edge filled down to the axis, the largest first and the others over it: one path per series,
            // where a stacked renderer fills two polygons per point.
            XYAreaRenderer area = new XYAreaRenderer(XYAreaRenderer.AREA);
            area.setDefaultCreateEntities(false); // tooltips come from tooltipAt(): no entity per point and frame
            plot = new XYPlot(dataset, time, size, area);
            plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.REVERSE);
            for (int s = 0; s < series.size(); s++) {
                area.setSeriesPaint(s, blend(PALETTE[s % PALETTE.length], colours.background(), 0.8));
            }
        } else {
            boolean shapes = dataset.getItemCount() <= 92;
            XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, shapes) {
                @Override
                public boolean getItemShapeFilled(int row, int column) {
                    return !dataset.rebuilt(row, column); // rebuilt points are hollow
                }
            };
            // One path per part: drawing 90,000 segments one by one is ten times slower.
            lines.setDrawSeriesLineAsPath(true);
            lines.setUseFillPaint(true);
            for (int k = 0; k < dataset.getSeriesCount(); k++) {
                Paint paint = PALETTE[dataset.underlying(k) % PALETTE.length];
                lines.setSeriesPaint(k, paint);
                lines.setSeriesFillPaint(k, paint);
                lines.setSeriesStroke(k, dataset.isRebuiltPart(k) ? DASHED : SOLID);
                lines.setSeriesShape(k, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
                lines.setSeriesVisibleInLegend(k, !dataset.isRebuiltPart(k));
            }
            // An entity per point and frame was four fifths of a frame's time with 50 series: tooltips come from tooltipAt().
            lines.setDefaultCreateEntities(false);
            plot = new XYPlot(dataset, time, size, lines);
        }
        // Zooming or panning narrows the days drawn, so every day shows again once they fit the width.
        time.addChangeListener(e -> dataset.window(time.getLowerBound(), time.getUpperBound(), time.isAutoRange()));
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        plot.setBackgroundPaint(colours.background());
        plot.setDomainGridlinePaint(colours.grid());
        plot.setRangeGridlinePaint(colours.grid());
        plot.setOutlineVisible(false);
        if (dataset.getItemCount() > 0) {
            long start = (long) dataset.getXValue(0, 0);
            long end = firstSnapshot == null ? (long) dataset.getXValue(0, dataset.getItemCount() - 1) + 86_400_000L
                    : firstSnapshot.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            if (end > start) {
                IntervalMarker rebuilt = new IntervalMarker(start, end);
                rebuilt.setPaint(withAlpha(colours.rebuiltBand(), dark ? 60 : 120));
                rebuilt.setLabel(stacked ? "rebuilt from the data" : "rebuilt from the data (dashed, hollow)");
                rebuilt.setLabelPaint(colours.text());
                rebuilt.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                rebuilt.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                rebuilt.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                plot.addDomainMarker(rebuilt, Layer.BACKGROUND);
            }
        }
        for (ValueAxis axis : new ValueAxis[] {time, size}) {
            axis.setTickLabelPaint(colours.text());
            axis.setLabelPaint(colours.text());
            axis.setAxisLinePaint(colours.grid());
            axis.setTickMarkPaint(colours.grid());
        }
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, series.size() <= 20);
        chart.setBackgroundPaint(colours.background());
        chart.setAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(colours.background());
            legend.setItemPaint(colours.text());
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return chart;
    }

    /**
     * The tooltip for a mouse position over the chart (canvas coordinates): the nearest day drawn and, on lines, the
     * series drawn nearest to the pointer (within 16 pixels); on a stacked area, the band under the pointer. Null when
     * nothing is there.
     */
    static String tooltipAt(JFreeChart chart, java.awt.geom.Rectangle2D dataArea, double x, double y) {
        if (dataArea == null || !dataArea.contains(x, y) || !(chart.getXYPlot().getDataset() instanceof DailyDataset dataset)) {
            return null;
        }
        XYPlot plot = chart.getXYPlot();
        int item = dataset.itemNear(plot.getDomainAxis().java2DToValue(x, dataArea, plot.getDomainAxisEdge()));
        if (item < 0) {
            return null;
        }
        ValueAxis axis = plot.getRangeAxis();
        boolean stacked = plot.getRenderer() instanceof XYAreaRenderer;
        double below = 0;
        int best = -1;
        double bestDistance = 16;
        for (int s = 0; s < dataset.growthSeriesCount(); s++) {
            double value = dataset.value(s, item);
            if (Double.isNaN(value)) {
                continue;
            }
            if (stacked) {
                double top = axis.valueToJava2D(below + value, dataArea, plot.getRangeAxisEdge());
                double bottom = axis.valueToJava2D(below, dataArea, plot.getRangeAxisEdge());
                below += value;
                if (y >= top && y <= bottom) {
                    best = s;
                    break;
                }
            } else {
                double distance = Math.abs(axis.valueToJava2D(value, dataArea, plot.getRangeAxisEdge()) - y);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = s;
                }
            }
        }
        // tooltip() takes a dataset series: with split lines, growth series s is drawn by dataset series 2s and 2s+1.
        return best < 0 ? null : dataset.tooltip(stacked ? best : 2 * best, item);
    }

    private static ValueAxis sizeAxis(boolean log) {
        if (log) {
            LogAxis axis = new LogAxis(null);
            axis.setBase(10);
            axis.setSmallestValue(1024);
            axis.setNumberFormatOverride(BYTES);
            return axis;
        }
        NumberAxis axis = new NumberAxis(null);
        axis.setNumberFormatOverride(BYTES);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /** An opaque mix of a colour with the background (stacked bands must not show through each other). */
    private static Color blend(Color c, Color background, double share) {
        return new Color((int) Math.round(c.getRed() * share + background.getRed() * (1 - share)),
                (int) Math.round(c.getGreen() * share + background.getGreen() * (1 - share)),
                (int) Math.round(c.getBlue() * share + background.getBlue() * (1 - share)));
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Axis ticks in bytes, in words ("12.3 MB"). */
    private static final NumberFormat BYTES = new NumberFormat() {
        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(ByteSize.format(Math.round(number)));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(ByteSize.format(number));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return null;
        }
    };
}
