//! The demo council's surveys (server only): four waves of the annual staff survey (three
//! closed, with rates near the published figures and trending up; one open that Priya, the
//! demo practitioner, has not answered), and evaluations of the past events from the people
//! who attended. Answers are generated deterministically, so every seeded database reads the
//! same. Everything goes through the same store functions as real responses.

use surrealdb::types::RecordId;
use time::{Date, Duration};

use super::{PEOPLE, academy::past_attendance};
use crate::dates::iso;
use crate::db::Db;
use crate::error::AppResult;
use crate::surveys::answers::{Answer, Given, Segments, reporting_role};
use crate::surveys::design::AudienceKind;
use crate::surveys::design::PublishInput;
use crate::surveys::{events, store, templates};

pub const SERIES: &str = "annual_staff_1";

/// (impact, recommendation) targets in tenths of a percent, and who did not answer, per
/// wave. Past waves miss a few people chosen so that the teams big enough to show stay so
/// (the two service managers attached to their service directly would otherwise be a group
/// of one, and hide a team with them); the open wave is 60% answered, and never by Priya.
const WAVES: &[(i64, i64, &[&str])] = &[
    (880, 850, &["sl_1", "sl_2", "ls_5", "ac_2"]),
    (920, 890, &["sl_1", "sl_2", "x_1"]),
    (960, 935, &["sl_1", "sl_2", "ls_4"]),
    (
        960,
        935,
        &[
            "demo_practitioner",
            "demo_supervisor",
            "ln_4",
            "ls_3",
            "da_3",
            "chd_3",
            "fo_2",
            "lac_3",
            "chd_2",
            "da_4",
            "ls_1",
            "sl_2",
            "ac_1",
            "tm_chd",
            "lac_4",
        ],
    ),
];

const COMMENTS: &[&str] = &[
    "More protected time for reading and reflection, please.",
    "The court skills sessions were the most useful learning I have had.",
    "Group supervision has made a real difference to how I think about risk.",
    "It would help to have the practice guides available offline.",
    "More learning for experienced workers, not only NQSWs.",
    "Peer observation was daunting but worth it.",
];

pub async fn has_surveys(db: &Db, org: &RecordId) -> AppResult<bool> {
    let org = crate::db::key(org);
    Ok(store::load(db, &org, SERIES).await.is_ok())
}

fn days(date: Date, n: i64) -> Date {
    date.checked_add(Duration::days(n)).unwrap_or(date)
}

fn segments(p: &super::DemoPerson) -> Segments {
    let team = format!("demo_{}", p.team);
    let service = super::TEAMS
        .iter()
        .find(|(k, ..)| *k == p.team)
        .and_then(|(_, _, parent)| *parent)
        .map(|parent| format!("demo_{parent}"))
        .unwrap_or_else(|| team.clone());
    Segments {
        team,
        service,
        role: reporting_role(&p.roles.iter().map(|r| r.to_string()).collect::<Vec<_>>()),
        level: p.level.to_string(),
    }
}

fn one(q: &str, v: &str) -> Answer {
    Answer {
        question: q.into(),
        given: Given::One(v.into()),
    }
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// The i-th of n respondents' answers to a staff survey wave aiming at the given rates.
pub(crate) fn staff_answers(i: usize, n: usize, wave: usize, impact: i64, rec: i64) -> Vec<Answer> {
    let n1 = n.max(1);
    // Different orders for different questions, so agreement is spread across teams. Each
    // order must visit every rank once, so its step is coprime with n: with a step sharing
    // a factor with n (7 of 35 respondents, say) only a few ranks occur and the wave's rate
    // misses its target, by up to the whole of it.
    let step = |from: usize| (from..).find(|k| gcd(*k, n1) == 1).unwrap_or(1);
    let r1 = (i * step(7) + wave * 3) % n1;
    let r2 = (i * step(11) + wave * 5 + 1) % n1;
    // round(rate * n) people agree, and as many say yes.
    let agrees = (r1 as i64) < (impact * n1 as i64 + 500) / 1000;
    let yes = (r2 as i64) < (rec * n1 as i64 + 500) / 1000;
    let q1 = if agrees {
        if r1 % 3 == 0 { "4" } else { "5" }
    } else {
        ["3", "2", "1"][r1 % 3]
    };
    let q2 = ["4", "5", "3", "4", "2", "5", "4"][(i + wave) % 7];
    let q3 = ["3", "4", "2", "4", "5", "3"][(i * 3 + wave) % 6];
    let q6 = if yes {
        ["9", "10", "10", "8", "9"][i % 5]
    } else {
        ["5", "6", "7", "3", "0"][i % 5]
    };
    let q7 = ["5", "4", "4", "3", "5", "2", "4"][(i * 5 + wave) % 7];
    let q8 = ["4", "3", "3", "2", "4", "1"][(i + wave * 2) % 6];
    let mut answers = vec![
        one("q1", q1),
        one("q2", q2),
        one("q3", q3),
        Answer {
            question: "q4".into(),
            given: Given::Many(vec![
                ((i % 6) + 1).to_string(),
                (((i + 2 + wave) % 6) + 1).to_string(),
            ])
            .normalised(),
        },
        one("q5", if yes { "yes" } else { "no" }),
        one("q6", q6),
        one("q7", q7),
        one("q8", q8),
    ];
    if i % 4 == wave % 4 {
        answers.push(Answer {
            question: "q9".into(),
            given: Given::Text(COMMENTS[(i + wave) % COMMENTS.len()].to_string()),
        });
    }
    answers
}

trait Normalise {
    fn normalised(self) -> Self;
}

impl Normalise for Given {
    fn normalised(self) -> Self {
        match self {
            Given::Many(mut v) => {
                v.sort();
                v.dedup();
                Given::Many(v)
            }
            other => other,
        }
    }
}

fn evaluation_answers(i: usize) -> Vec<Answer> {
    let mut a = vec![
        one("q1", ["5", "4", "5", "4", "3", "5"][i % 6]),
        one("q2", ["5", "5", "4", "4", "4", "2"][i % 6]),
        one("q3", ["1", "2", "1", "2", "2", "3"][i % 6]),
    ];
    if i % 2 == 0 {
        a.push(Answer {
            question: "q4".into(),
            given: Given::Text(
                [
                    "Start every chronology from the child's view.",
                    "Use the checklist before case conferences.",
                    "Ask about the impact on the child, not just the incident.",
                ][i % 3]
                    .into(),
            ),
        });
    }
    a
}

pub async fn seed_surveys(db: &Db, org: &RecordId, today: Date) -> AppResult<()> {
    let org_key = crate::db::key(org);
    let draft = templates::draft("staff", None).ok_or(crate::error::AppError::Internal)?;
    for (w, (impact, rec, missing)) in WAVES.iter().enumerate() {
        let wave = w + 1;
        let open = wave == WAVES.len();
        let key = format!("annual_staff_{wave}");
        let opens = if open {
            days(today, -7)
        } else {
            days(today, -365 * (WAVES.len() - wave) as i64 - 7)
        };
        let closes = days(opens, 28);
        let series = (wave > 1).then_some((SERIES, wave as u32));
        store::create_draft(
            db,
            &org_key,
            Some("demo_learning_lead"),
            &draft,
            series,
            Some(&key),
            None,
        )
        .await?;
        // Only people in post then were asked: the leaver was, before he left.
        let invited: Vec<&super::DemoPerson> = PEOPLE
            .iter()
            .filter(|p| !(open && p.key == "x_1"))
            .filter(|p| crate::dates::parse_date(p.start).is_some_and(|s| s <= opens))
            .collect();
        let survey = store::load(db, &org_key, &key).await?;
        let input = PublishInput {
            audience: AudienceKind::Everyone,
            keys: Vec::new(),
            opens: iso(opens),
            closes: iso(closes),
            min_group: 5,
        };
        seed_publish(db, &org_key, &survey, &input, &invited).await?;
        let respondents: Vec<&super::DemoPerson> = invited
            .iter()
            .copied()
            .filter(|p| !missing.contains(&p.key))
            .collect();
        let n = respondents.len();
        let responses: Vec<(Segments, Vec<Answer>)> = respondents
            .iter()
            .enumerate()
            .map(|(i, p)| (segments(p), staff_answers(i, n, wave, *impact, *rec)))
            .collect();
        let responded: Vec<String> = respondents.iter().map(|p| p.key.to_string()).collect();
        store::bulk_load(db, &org_key, &key, &responses, &responded).await?;
    }

    // Past events: their attendees are invited as when attendance is marked, and most answer.
    for (event, attendees) in past_attendance() {
        for person in attendees.iter() {
            events::on_attended(db, &org_key, event, person, today).await?;
        }
        let answering: Vec<&str> = attendees
            .iter()
            .copied()
            .filter(|p| *p != "demo_practitioner")
            .collect();
        let responses: Vec<(Segments, Vec<Answer>)> = answering
            .iter()
            .enumerate()
            .filter_map(|(i, key)| {
                let p = PEOPLE.iter().find(|p| p.key == *key)?;
                Some((segments(p), evaluation_answers(i)))
            })
            .collect();
        let responded: Vec<String> = answering.iter().map(|k| k.to_string()).collect();
        store::bulk_load(
            db,
            &org_key,
            &events::evaluation_key(event),
            &responses,
            &responded,
        )
        .await?;
    }
    Ok(())
}

/// Publishes a seeded wave to exactly the people given (past waves asked only the people
/// employed then), without notifying anyone of long-closed surveys.
async fn seed_publish(
    db: &Db,
    org: &str,
    survey: &store::Survey,
    input: &PublishInput,
    people: &[&super::DemoPerson],
) -> AppResult<()> {
    let keys: Vec<String> = people.iter().map(|p| p.key.to_string()).collect();
    db.query(
        "UPDATE $survey SET status = 'published', audience = 'everyone', opens = $opens,
            closes = $closes, min_group = $min, published_at = time::now() RETURN NONE;",
    )
    .bind(("survey", store::survey_id(&survey.key)))
    .bind(("opens", input.opens.clone()))
    .bind(("closes", input.closes.clone()))
    .bind(("min", input.min_group as i64))
    .await?
    .check()?;
    store::invite(db, org, &survey.key, &keys).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agreeing(n: usize, wave: usize, impact: i64) -> i64 {
        (0..n)
            .filter(|&i| {
                staff_answers(i, n, wave, impact, 900).iter().any(|a| {
                    a.question == "q1" && matches!(&a.given, Given::One(v) if v == "4" || v == "5")
                })
            })
            .count() as i64
    }

    #[test]
    fn every_group_size_agrees_at_the_wave_rate() {
        // 35 and 70 respondents once made every one of them agree in the first wave.
        for n in 1..120 {
            for (wave, (impact, ..)) in WAVES.iter().enumerate() {
                let want = (impact * n as i64 + 500) / 1000;
                assert_eq!(
                    agreeing(n, wave + 1, *impact),
                    want,
                    "n {n}, wave {}",
                    wave + 1
                );
            }
        }
    }
}
