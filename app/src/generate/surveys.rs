//! Each council's annual staff survey, wave by wave, answered as the demo's are, through the
//! survey store's own bulk loader so that tallies and invitations match the responses. The
//! first council's latest wave is made very large, to measure results at that size.

use rand::Rng;
use time::Duration;

use super::people::Staff;
use super::{Council, Progress, Report, Scale};
use crate::dates::iso;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::surveys::answers::{Answer, Given, Segments, reporting_role};
use crate::surveys::{store, templates};

fn segments(s: &Staff) -> Segments {
    Segments {
        team: s.team.clone(),
        service: s.service.clone(),
        role: reporting_role(&s.roles),
        level: s.level.clone(),
    }
}

fn answers_in(responses: &[(Segments, Vec<Answer>)]) -> usize {
    responses
        .iter()
        .map(|(_, a)| {
            a.iter()
                .filter(|a| !matches!(a.given, Given::Many(ref v) if v.is_empty()))
                .count()
        })
        .sum()
}

pub(crate) async fn generate(
    db: &Db,
    c: &mut Council,
    scale: &Scale,
    staff: &[Staff],
    progress: &dyn Progress,
    report: &mut Report,
) -> AppResult<()> {
    let org = crate::db::key(&c.org);
    let draft = templates::draft("staff", None).ok_or(AppError::Internal)?;
    let series = format!("{}_staff_1", c.prefix);
    let lead = format!("{}_lead", c.prefix);
    for wave in 1..=scale.waves {
        let key = format!("{}_staff_{wave}", c.prefix);
        // Yearly waves, all closed: the latest ended a fortnight ago.
        let opens = c.today - Duration::days(365 * (scale.waves - wave) as i64 + 42);
        let closes = opens + Duration::days(28);
        store::create_draft(
            db,
            &org,
            Some(&lead),
            &draft,
            (wave > 1).then_some((series.as_str(), wave as u32)),
            Some(&key),
            None,
        )
        .await?;
        db.query(
            "UPDATE $survey SET status = 'published', audience = 'everyone', opens = $opens,
                closes = $closes, min_group = 5, published_at = time::now() RETURN NONE;",
        )
        .bind(("survey", store::survey_id(&key)))
        .bind(("opens", iso(opens)))
        .bind(("closes", iso(closes)))
        .await?
        .check()?;
        let invited: Vec<&Staff> = staff
            .iter()
            .filter(|s| s.active && s.start <= opens)
            .collect();
        if invited.is_empty() {
            continue;
        }
        let keys: Vec<String> = invited.iter().map(|s| s.key.clone()).collect();
        store::invite(db, &org, &key, &keys).await?;
        progress.wrote(keys.len() as u64);

        // Rates rise wave by wave towards the published figures (tenths of a percent).
        let impact = 860 + 100 * wave as i64 / scale.waves as i64;
        let rec = 840 + 95 * wave as i64 / scale.waves as i64;
        let big = c.index == 1 && wave == scale.waves && scale.big_wave_responses > 0;
        let (responses, responded): (Vec<(Segments, Vec<Answer>)>, Vec<String>) = if big {
            // More responses than staff: this wave exists to measure results at volume, so
            // respondents are drawn again and again from the council's people.
            let n = scale.big_wave_responses;
            let responses = (0..n)
                .map(|i| {
                    let s = invited[c.rng.random_range(0..invited.len())];
                    (
                        segments(s),
                        crate::seed::surveys::staff_answers(i, n, wave, impact, rec),
                    )
                })
                .collect();
            (responses, keys.clone())
        } else {
            let answering: Vec<&Staff> = invited
                .iter()
                .copied()
                .filter(|_| c.rng.random_range(0..100u32) < 85)
                .collect();
            let n = answering.len();
            let responses = answering
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    (
                        segments(s),
                        crate::seed::surveys::staff_answers(i, n, wave, impact, rec),
                    )
                })
                .collect();
            (responses, answering.iter().map(|s| s.key.clone()).collect())
        };
        report.responses += responses.len();
        report.answers += answers_in(&responses);
        store::bulk_load(db, &org, &key, &responses, &responded).await?;
        if big {
            // Invited as many as answered, so the response rate reads sensibly.
            db.query("UPDATE $survey SET invited = $n RETURN NONE;")
                .bind(("survey", store::survey_id(&key)))
                .bind(("n", responses.len() as i64))
                .await?
                .check()?;
        }
        progress.wrote(responses.len() as u64);
        report.records += responses.len() + keys.len();
    }
    Ok(())
}
