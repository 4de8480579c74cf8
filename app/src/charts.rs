//! A line chart for figures over time, shared by the dashboards. Like the survey charts it
//! has a title and a description that state every value, and pages put the same numbers in
//! a table beside it. Each line has its own dash pattern, so it reads in black and white.

use leptos::prelude::*;

/// One line: its name and a value per label (`None` where there is no figure).
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

/// How values read: percentages (fractions shown as "12.3%") or plain numbers ("16.4").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Percent,
    Number,
}

impl Scale {
    pub fn show(self, value: f64) -> String {
        match self {
            Scale::Percent => format!("{:.1}%", value * 100.0),
            Scale::Number => format!("{value:.1}"),
        }
    }
}

/// A top for the axis a little above the highest value, at a round step.
fn axis_top(highest: f64, scale: Scale) -> f64 {
    let step = match scale {
        Scale::Percent => 0.05,
        Scale::Number => 5.0,
    };
    ((highest / step).floor() + 1.0).max(1.0) * step
}

#[component]
pub fn LineChart(
    id: String,
    title: String,
    labels: Vec<String>,
    series: Vec<Series>,
    scale: Scale,
    /// A dotted reference line, such as the England figure.
    #[prop(default = None)]
    reference: Option<(String, f64)>,
) -> impl IntoView {
    let highest = series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .copied()
        .chain(reference.as_ref().map(|(_, v)| *v))
        .fold(0.0f64, f64::max);
    let top = axis_top(highest, scale);
    let n = labels.len().max(1);
    let x = move |i: usize| 70.0 + i as f64 * 520.0 / (n.saturating_sub(1)).max(1) as f64;
    let y = move |v: f64| 180.0 - (v / top).clamp(0.0, 1.0) * 160.0;
    let desc = {
        let mut parts: Vec<String> = series
            .iter()
            .map(|s| {
                let values = labels
                    .iter()
                    .zip(&s.values)
                    .map(|(l, v)| {
                        format!(
                            "{l} {}",
                            v.map(|v| scale.show(v))
                                .unwrap_or_else(|| "no figure".into())
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("{}: {values}", s.name)
            })
            .collect();
        if let Some((name, value)) = &reference {
            parts.push(format!("{name}: {}", scale.show(*value)));
        }
        parts.join(". ")
    };
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled = format!("{title_id} {desc_id}");
    let lines = series
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let points = s
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| format!("{:.1},{:.1}", x(i), y(v))))
                .collect::<Vec<_>>()
                .join(" ");
            let dots = s
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| (i, v)))
                .map(|(i, v)| view! { <circle cx=format!("{:.1}", x(i)) cy=format!("{:.1}", y(v)) r="3.5" class=format!("chart-dot series-{k}") /> })
                .collect_view();
            view! {
                <polyline points=points class=format!("chart-line series-{k}") />
                {dots}
            }
        })
        .collect_view();
    let axis_labels = labels
        .iter()
        .enumerate()
        .map(|(i, l)| view! { <text x=format!("{:.1}", x(i)) y="198" class="chart-label" text-anchor="middle">{l.clone()}</text> })
        .collect_view();
    let reference_line = reference.clone().map(|(_, value)| {
        let at = format!("{:.1}", y(value));
        view! { <line x1="60" y1=at.clone() x2="600" y2=at class="chart-reference" /> }
    });
    let key = series
        .iter()
        .enumerate()
        .map(|(k, s)| view! { <li><span class=format!("key series-key-{k}") aria-hidden="true"></span>" " {s.name.clone()}</li> })
        .collect_view();
    let reference_key = reference.map(|(name, value)| {
        view! { <li><span class="key reference-key" aria-hidden="true"></span>" " {format!("{name} ({})", scale.show(value))}</li> }
    });
    view! {
        <svg class="chart" viewBox="0 0 640 205" role="img" aria-labelledby=labelled preserveAspectRatio="xMinYMin meet">
            <title id=title_id>{title}</title>
            <desc id=desc_id>{desc}</desc>
            <line x1="60" y1="20" x2="60" y2="180" class="chart-axis" />
            <line x1="60" y1="180" x2="600" y2="180" class="chart-axis" />
            <text x="54" y="24" class="chart-label" text-anchor="end">{scale.show(top)}</text>
            <text x="54" y="104" class="chart-label" text-anchor="end">{scale.show(top / 2.0)}</text>
            <text x="54" y="184" class="chart-label" text-anchor="end">{scale.show(0.0)}</text>
            {reference_line}
            {lines}
            {axis_labels}
        </svg>
        <ul class="chart-key">{key}{reference_key}</ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_tops_out_just_above_the_highest_value() {
        assert_eq!(axis_top(0.189, Scale::Percent), 0.2);
        assert!((axis_top(0.2, Scale::Percent) - 0.25).abs() < 1e-9);
        assert_eq!(axis_top(16.4, Scale::Number), 20.0);
        assert_eq!(axis_top(0.0, Scale::Number), 5.0);
        assert_eq!(Scale::Percent.show(0.1234), "12.3%");
    }
}
