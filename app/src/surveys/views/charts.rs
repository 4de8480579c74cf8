//! Accessible SVG charts: each has a title and a description that state the figures, and
//! every chart sits beside a table with the same numbers, so nothing is only in the picture.
//! They print in black and white as well as in colour (bars carry their value as text).

use leptos::prelude::*;

use crate::surveys::measures::show_percent;
use crate::surveys::model::OptionCount;

/// Horizontal bars for choices and Likert points: one bar per answer, as a share of the
/// people who answered.
#[component]
pub fn Bars(id: String, title: String, options: Vec<OptionCount>) -> impl IntoView {
    let row = 28;
    let height = options.len() as i32 * row + 8;
    let desc = options
        .iter()
        .map(|o| format!("{}: {} ({})", o.label, o.n, show_percent(o.percent)))
        .collect::<Vec<_>>()
        .join("; ");
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled = format!("{title_id} {desc_id}");
    view! {
        <svg class="chart" viewBox=format!("0 0 640 {height}") role="img" aria-labelledby=labelled preserveAspectRatio="xMinYMin meet">
            <title id=title_id>{title}</title>
            <desc id=desc_id>{desc}</desc>
            {options
                .into_iter()
                .enumerate()
                .map(|(i, o)| {
                    let y = i as i32 * row + 4;
                    let tenths = o.percent.unwrap_or(0).clamp(0, 1000);
                    let width = (tenths * 300 / 1000).max(if o.n > 0 { 2 } else { 0 });
                    view! {
                        <g>
                            <text x="0" y=(y + 17).to_string() class="chart-label">{truncate(&o.label, 34)}</text>
                            <rect x="230" y=y.to_string() width=width.to_string() height="20" class="chart-bar" />
                            <text x=(236 + width).to_string() y=(y + 15).to_string() class="chart-value">{format!("{} ({})", show_percent(o.percent), o.n)}</text>
                        </g>
                    }
                })
                .collect_view()}
        </svg>
    }
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

/// The 0 to 10 distribution: eleven columns, coloured (and labelled in the description) as
/// detractors 0-6, passives 7-8 and promoters 9-10.
#[component]
pub fn Distribution(id: String, title: String, options: Vec<OptionCount>) -> impl IntoView {
    let highest = options.iter().map(|o| o.n).max().unwrap_or(0).max(1);
    let desc = format!(
        "Scores 0 to 10. {}",
        options
            .iter()
            .map(|o| format!("{}: {}", o.label, o.n))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled = format!("{title_id} {desc_id}");
    view! {
        <svg class="chart" viewBox="0 0 640 200" role="img" aria-labelledby=labelled preserveAspectRatio="xMinYMin meet">
            <title id=title_id>{title}</title>
            <desc id=desc_id>{desc}</desc>
            {options
                .into_iter()
                .enumerate()
                .map(|(i, o)| {
                    let x = 20 + i as u64 * 56;
                    let h = o.n * 140 / highest;
                    let class = match i {
                        0..=6 => "chart-bar chart-detractor",
                        7 | 8 => "chart-bar chart-passive",
                        _ => "chart-bar chart-promoter",
                    };
                    view! {
                        <g>
                            <rect x=x.to_string() y=(160 - h).to_string() width="40" height=h.to_string() class=class />
                            <text x=(x + 20).to_string() y=(152 - h).to_string() class="chart-value" text-anchor="middle">{o.n}</text>
                            <text x=(x + 20).to_string() y="180" class="chart-label" text-anchor="middle">{o.label}</text>
                        </g>
                    }
                })
                .collect_view()}
            <text x="20" y="198" class="chart-note">"0-6 detractors · 7-8 passives · 9-10 promoters"</text>
        </svg>
    }
}

/// Rates across waves as lines: one per measure, 0 to 100%.
#[component]
pub fn TrendLines(
    title: String,
    /// (wave label, impact, recommendation) in tenths of a percent.
    points: Vec<(String, Option<i64>, Option<i64>)>,
) -> impl IntoView {
    let n = points.len().max(1) as i64;
    let x = move |i: usize| 60 + (i as i64) * 520 / (n - 1).max(1);
    let y = |t: i64| 180 - t.clamp(0, 1000) * 160 / 1000;
    let line = |pick: fn(&(String, Option<i64>, Option<i64>)) -> Option<i64>| {
        points
            .iter()
            .enumerate()
            .filter_map(|(i, p)| pick(p).map(|t| format!("{},{}", x(i), y(t))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let impact = line(|p| p.1);
    let rec = line(|p| p.2);
    let desc = points
        .iter()
        .map(|(w, i, r)| {
            format!(
                "{w}: training impact {}, recommendation {}",
                show_percent(*i),
                show_percent(*r)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let labels = points
        .iter()
        .enumerate()
        .map(|(i, (w, ..))| view! { <text x=x(i).to_string() y="198" class="chart-label" text-anchor="middle">{w.clone()}</text> })
        .collect_view();
    view! {
        <svg class="chart" viewBox="0 0 640 205" role="img" aria-labelledby="trend-title trend-desc" preserveAspectRatio="xMinYMin meet">
            <title id="trend-title">{title}</title>
            <desc id="trend-desc">{desc}</desc>
            <line x1="50" y1="20" x2="50" y2="180" class="chart-axis" />
            <line x1="50" y1="180" x2="600" y2="180" class="chart-axis" />
            <text x="44" y="24" class="chart-label" text-anchor="end">"100%"</text>
            <text x="44" y="184" class="chart-label" text-anchor="end">"0%"</text>
            <polyline points=impact class="chart-line chart-line-impact" />
            <polyline points=rec class="chart-line chart-line-rec" />
            {labels}
        </svg>
        <p class="chart-key"><span class="key key-impact"></span>" Training impact " <span class="key key-rec"></span>" Recommendation (dashed)"</p>
    }
}
