//! The `generate` subcommand: a synthetic region at a chosen tier, with a progress bar.

use std::time::Instant;

use app::db::Db;
use app::generate::{Progress, Scale, generate, sign_ins};
use indicatif::{ProgressBar, ProgressStyle};

use crate::config::GenerateArgs;

struct Bar(ProgressBar);

impl Progress for Bar {
    fn stage(&self, what: &str) {
        self.0.set_message(what.to_string());
        // Not on a terminal (a log, CI) the bar draws nothing, so each stage gets a line.
        if self.0.is_hidden() {
            eprintln!(
                "{what}: {}/{} records so far, {:.0} a second, about {} s left",
                self.0.position(),
                self.0.length().unwrap_or(0),
                self.0.per_sec(),
                self.0.eta().as_secs()
            );
        }
    }

    fn wrote(&self, n: u64) {
        self.0.inc(n);
    }
}

pub async fn run(
    db: &Db,
    args: &GenerateArgs,
    password: &str,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let scale = Scale::tier(&args.tier).ok_or("the tier must be S or M")?;
    let today = match &args.as_of {
        Some(day) => app::dates::parse_date(day).ok_or("--as-of must be a date, YYYY-MM-DD")?,
        None => app::dates::today_uk(),
    };
    let bar = ProgressBar::new(scale.planned_records());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {msg:32} [{bar:30}] {human_pos}/{human_len} records, {per_sec}, {eta} left",
        )?
        .progress_chars("=> "),
    );
    let started = Instant::now();
    let report = generate(db, &scale, args.seed, today, password, &Bar(bar.clone()))
        .await
        .map_err(|error| format!("generating the region: {error}"))?;
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "Generated tier {} (seed {}, as of {}) in {seconds:.0} s: {} councils, {} teams, {} staff, \
         {} pieces of evidence, {} resources, {} events, {} bookings, {} survey responses with \
         {} answers; {} records in all ({:.0} a second).",
        args.tier.to_uppercase(),
        args.seed,
        app::dates::iso(today),
        report.councils,
        report.teams,
        report.staff,
        report.evidence,
        report.resources,
        report.events,
        report.bookings,
        report.responses,
        report.answers,
        report.records,
        report.records as f64 / seconds.max(0.001),
    );
    let shown = if password == "pathway-demo" {
        password
    } else {
        "(PATHWAY_DEMO_PASSWORD)"
    };
    println!("Sign-ins for the first council, password {shown}:");
    for (role, email) in sign_ins(1) {
        println!("  {role:<14} {email}");
    }
    Ok(())
}
