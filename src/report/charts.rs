//! Charts for documents, drawn as inline SVG by plotters. The numbers are turned into
//! `f64` here only to place marks on the page; every value a reader is given in words or
//! in a table is the exact decimal, never one read off a chart.
//!
//! Contract: pure; the same data give the same SVG text.

use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// Colours of the series, in order: dark blue, orange, green, red, purple, brown, grey.
const PALETTE: [RGBColor; 7] = [
    RGBColor(31, 78, 121),
    RGBColor(230, 126, 34),
    RGBColor(39, 128, 72),
    RGBColor(192, 57, 43),
    RGBColor(112, 72, 160),
    RGBColor(140, 86, 60),
    RGBColor(110, 110, 110),
];

const FONT: &str = "sans-serif";

fn pixels(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// How tick labels are written: with a decimal comma (Danish) or point, whole numbers
/// without decimals ("1.100" is not written: ticks need no thousands separator).
#[derive(Clone, Copy)]
pub struct Ticks {
    pub decimal_comma: bool,
}

impl Ticks {
    fn format(self, value: f64) -> String {
        let text = if (value - value.round()).abs() < 1e-9 {
            format!("{value:.0}")
        } else {
            let text = format!("{value:.2}");
            text.trim_end_matches('0').to_string()
        };
        if self.decimal_comma {
            text.replace('.', ",")
        } else {
            text
        }
    }
}

/// One bar of a stacked bar chart: a label and its parts, one per series.
pub struct Bar {
    pub label: String,
    pub parts: Vec<Decimal>,
}

/// Horizontal bars, one per label, each made of its parts laid end to end, with a legend
/// naming the series. The SVG text; empty when there is nothing to draw.
/// The first bar is drawn at the top. Room is left on the right for the legend.
pub fn stacked_bars(
    title: &str,
    series: &[String],
    bars: &[Bar],
    axis: &str,
    ticks: Ticks,
) -> String {
    if bars.is_empty() {
        return String::new();
    }
    let longest = bars
        .iter()
        .map(|b| {
            b.parts
                .iter()
                .filter(|p| p.is_sign_positive())
                .sum::<Decimal>()
        })
        .max()
        .unwrap_or(Decimal::ONE);
    let end = pixels(longest).max(f64::MIN_POSITIVE) * 1.5;
    // Drawn from the bottom up: the first bar on top.
    let bars: Vec<&Bar> = bars.iter().rev().collect();
    let height = 90 + 34 * u32::try_from(bars.len()).unwrap_or(u32::MAX / 64).min(400);
    let mut svg = String::new();
    let drawn = (|| -> Result<(), Box<dyn std::error::Error + '_>> {
        let root = SVGBackend::with_string(&mut svg, (760, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let names: Vec<&str> = bars.iter().map(|b| b.label.as_str()).collect();
        let mut chart = ChartBuilder::on(&root)
            .caption(title, (FONT, 18))
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(200)
            .build_cartesian_2d(0f64..end, (0..bars.len()).into_segmented())?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .x_desc(axis)
            .x_label_formatter(&|v| ticks.format(*v))
            .y_label_formatter(&|value| match value {
                SegmentValue::CenterOf(i) => names.get(*i).map_or(String::new(), |n| n.to_string()),
                _ => String::new(),
            })
            .y_labels(bars.len())
            .label_style((FONT, 13))
            .draw()?;
        for (s, name) in series.iter().enumerate() {
            let colour = PALETTE[s % PALETTE.len()];
            let rectangles = bars.iter().enumerate().map(|(i, bar)| {
                let before: Decimal = bar.parts[..s.min(bar.parts.len())].iter().sum();
                let part = bar.parts.get(s).copied().unwrap_or_default();
                Rectangle::new(
                    [
                        (pixels(before), SegmentValue::Exact(i)),
                        (pixels(before + part), SegmentValue::Exact(i + 1)),
                    ],
                    colour.filled(),
                )
            });
            chart
                .draw_series(rectangles)?
                .label(name.as_str())
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 6), (x + 12, y + 6)], colour.filled())
                });
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK)
            .label_font((FONT, 13))
            .draw()?;
        root.present()?;
        Ok(())
    })();
    if drawn.is_err() {
        return String::new();
    }
    svg
}

/// A price → points curve of a model, with every bid marked at its evaluated price and
/// points and labelled (by its rank: names of bids at nearly the same price would run
/// into each other). The SVG text; empty when there is nothing to draw.
pub fn price_curve(
    title: &str,
    curve: &[(Decimal, Decimal)],
    bids: &[(String, Decimal, Decimal)],
    (x_axis, y_axis): (&str, &str),
    ticks: Ticks,
) -> String {
    let xs = curve.iter().map(|p| p.0).chain(bids.iter().map(|b| b.1));
    let ys = curve.iter().map(|p| p.1).chain(bids.iter().map(|b| b.2));
    let (Some(x0), Some(x1)) = (xs.clone().min(), xs.max()) else {
        return String::new();
    };
    let (y0, y1) = (
        ys.clone().min().unwrap_or_default().min(Decimal::ZERO),
        ys.max().unwrap_or_default(),
    );
    let widen = |lo: f64, hi: f64| {
        let span = (hi - lo).abs().max(1.0);
        (lo - span * 0.05)..(hi + span * 0.08)
    };
    let mut svg = String::new();
    let drawn = (|| -> Result<(), Box<dyn std::error::Error + '_>> {
        let root = SVGBackend::with_string(&mut svg, (760, 380)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title, (FONT, 18))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(50)
            .build_cartesian_2d(widen(pixels(x0), pixels(x1)), widen(pixels(y0), pixels(y1)))?;
        chart
            .configure_mesh()
            .x_desc(x_axis)
            .y_desc(y_axis)
            .x_label_formatter(&|v| ticks.format(*v))
            .y_label_formatter(&|v| ticks.format(*v))
            .label_style((FONT, 13))
            .draw()?;
        chart.draw_series(LineSeries::new(
            curve.iter().map(|(x, y)| (pixels(*x), pixels(*y))),
            PALETTE[0].stroke_width(2),
        ))?;
        let marked = PALETTE[1];
        chart.draw_series(bids.iter().map(|(name, x, y)| {
            EmptyElement::at((pixels(*x), pixels(*y)))
                + Circle::new((0, 0), 5, marked.filled())
                + Text::new(name.clone(), (6, -16), (FONT, 13))
        }))?;
        root.present()?;
        Ok(())
    })();
    if drawn.is_err() {
        return String::new();
    }
    svg
}
