//! Survey queries (server only). The anonymity design lives here:
//! - `invitation` ([survey, person]) says who a wave is for and whether they have
//!   responded; it holds no answers, no response id and no time.
//! - `response` holds one person's answers and the reporting segments (team, service, role,
//!   level) copied at the moment they answered; it holds no person, no time, and its key is a
//!   random UUID, so neither its key nor the order of keys says when or who.
//! - `survey_comment` keeps free text apart from the response it came with, so a comment
//!   cannot be matched to a pattern of other answers.
//! - `tally` counts answers per group as responses arrive, so results read counters and
//!   never the answers.
//! The invitation is marked and the response written in one transaction, which is what makes
//! "one response per person per wave" hold without anything joining the two.

use std::collections::{BTreeMap, HashMap};

use surrealdb::types::{RecordId, SurrealValue};

use super::answers::{ANY, Answer, Given, Segments, TallyKey, reporting_role, tally_keys};
use super::design::{AudienceKind, Details, Headline, Kind, PublishInput, Question};
use super::model::Status;
use super::results::Count;
use super::templates::{DEFAULT_FOLLOW_UP_DAYS, Draft};
use crate::db::{Db, check_thrown, key, with_retry};
use crate::error::{AppError, AppResult};
use crate::progression::framework_store::thrown;

pub fn survey_id(id: &str) -> RecordId {
    RecordId::new("survey", id.to_string())
}

pub fn invitation_id(survey: &str, person: &str) -> RecordId {
    RecordId::new(
        "invitation",
        surrealdb::types::Array::from(vec![survey.to_string(), person.to_string()]),
    )
}

fn tally_id(survey: &str, k: &TallyKey) -> RecordId {
    RecordId::new(
        "tally",
        surrealdb::types::Array::from(vec![
            survey.to_string(),
            k.dimension.to_string(),
            k.segment.clone(),
            k.question.clone(),
            k.answer.clone(),
        ]),
    )
}

#[derive(Debug, Clone, SurrealValue)]
struct QuestionRow {
    key: String,
    section: String,
    kind: String,
    text: String,
    help: String,
    required: bool,
    options: Vec<String>,
    min: Option<i64>,
    max: Option<i64>,
    headline: Option<String>,
}

impl QuestionRow {
    fn of(q: &Question) -> Self {
        QuestionRow {
            key: q.key.clone(),
            section: q.section.clone(),
            kind: q.kind.key().to_string(),
            text: q.text.clone(),
            help: q.help.clone(),
            required: q.required,
            options: q.options.clone(),
            min: q.min,
            max: q.max,
            headline: q.headline.map(|h| h.key().to_string()),
        }
    }

    fn question(self) -> Option<Question> {
        Some(Question {
            kind: Kind::from_key(&self.kind)?,
            headline: self.headline.as_deref().and_then(Headline::from_key),
            key: self.key,
            section: self.section,
            text: self.text,
            help: self.help,
            required: self.required,
            options: self.options,
            min: self.min,
            max: self.max,
        })
    }
}

fn rows_of(questions: &[Question]) -> Vec<QuestionRow> {
    questions.iter().map(QuestionRow::of).collect()
}

#[derive(Debug, Clone, SurrealValue)]
struct SurveyRow {
    id: RecordId,
    series: String,
    wave: i64,
    purpose: String,
    title: String,
    intro: String,
    sections: Vec<String>,
    questions: Vec<QuestionRow>,
    status: String,
    audience: String,
    audience_keys: Vec<String>,
    event: Option<RecordId>,
    opens: Option<String>,
    closes: Option<String>,
    min_group: i64,
    invited: i64,
    revision: i64,
}

/// A survey as the server works with it.
#[derive(Debug, Clone)]
pub struct Survey {
    pub key: String,
    pub series: String,
    pub wave: u32,
    pub purpose: String,
    pub title: String,
    pub intro: String,
    pub sections: Vec<String>,
    pub questions: Vec<Question>,
    pub published: bool,
    pub audience: String,
    pub audience_keys: Vec<String>,
    pub event: Option<String>,
    pub opens: Option<String>,
    pub closes: Option<String>,
    pub min_group: u32,
    pub invited: u64,
    pub revision: i64,
}

impl Survey {
    pub fn status(&self, today: &str) -> Status {
        Status::of(
            self.published,
            self.opens.as_deref(),
            self.closes.as_deref(),
            today,
        )
    }
}

impl From<SurveyRow> for Survey {
    fn from(r: SurveyRow) -> Self {
        Survey {
            key: key(&r.id),
            series: r.series,
            wave: r.wave.clamp(1, u32::MAX as i64) as u32,
            purpose: r.purpose,
            title: r.title,
            intro: r.intro,
            sections: r.sections,
            questions: r
                .questions
                .into_iter()
                .filter_map(QuestionRow::question)
                .collect(),
            published: r.status == "published",
            audience: r.audience,
            audience_keys: r.audience_keys,
            event: r.event.as_ref().map(key),
            opens: r.opens,
            closes: r.closes,
            min_group: r.min_group.clamp(3, 1000) as u32,
            invited: r.invited.max(0) as u64,
            revision: r.revision,
        }
    }
}

const SURVEY_FIELDS: &str = "id, series, wave, purpose, title, intro, sections, questions, status,
    audience, audience_keys, event, opens, closes, min_group, invited, revision";

pub async fn load(db: &Db, org: &str, id: &str) -> AppResult<Survey> {
    let mut response = db
        .query(format!(
            "SELECT {SURVEY_FIELDS} FROM $survey WHERE org = type::record('org', $org);"
        ))
        .bind(("org", org.to_string()))
        .bind(("survey", survey_id(id)))
        .await?
        .check()?;
    let rows: Vec<SurveyRow> = response.take(0)?;
    rows.into_iter()
        .next()
        .map(Survey::from)
        .ok_or(AppError::NotFound)
}

/// Every survey of the council, newest series first, waves in order.
pub async fn all(db: &Db, org: &str) -> AppResult<Vec<Survey>> {
    let mut response = db
        .query(format!(
            "SELECT * FROM (SELECT {SURVEY_FIELDS}, created_at FROM survey
                WITH INDEX survey_org_series WHERE org = type::record('org', $org))
                ORDER BY created_at DESC;"
        ))
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    let rows: Vec<SurveyRow> = response.take(0)?;
    Ok(rows.into_iter().map(Survey::from).collect())
}

/// Creates a draft survey from a template (or as the next wave of a series). Answers its key.
pub async fn create_draft(
    db: &Db,
    org: &str,
    by: Option<&str>,
    draft: &Draft,
    series: Option<(&str, u32)>,
    key: Option<&str>,
    event: Option<&str>,
) -> AppResult<String> {
    let key = key
        .map(str::to_string)
        .unwrap_or_else(|| format!("s{}", uuid_like()));
    let (series, wave) = match series {
        Some((s, w)) => (s.to_string(), w),
        None => (key.clone(), 1),
    };
    db.query(
        "CREATE $survey SET org = type::record('org', $org), series = $series, wave = $wave,
            purpose = $purpose, title = $title, intro = $intro, sections = $sections,
            questions = $questions, status = 'draft', audience = 'everyone', audience_keys = [],
            event = $event, min_group = 5, invited = 0,
            created_by = IF $by != NONE { type::record('person', $by) } ELSE { NONE },
            created_at = time::now() RETURN NONE;",
    )
    .bind(("survey", survey_id(&key)))
    .bind(("org", org.to_string()))
    .bind(("series", series))
    .bind(("wave", wave as i64))
    .bind(("purpose", draft.purpose.to_string()))
    .bind(("title", draft.title.clone()))
    .bind(("intro", draft.intro.clone()))
    .bind(("sections", draft.sections.clone()))
    .bind(("questions", rows_of(&draft.questions)))
    .bind((
        "event",
        event.map(|e| RecordId::new("event", e.to_string())),
    ))
    .bind(("by", by.map(str::to_string)))
    .await?
    .check()?;
    Ok(key)
}

/// A random key for a new record, as a plain string.
fn uuid_like() -> String {
    let bytes: [u8; 10] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A draft of the next wave of `survey`'s series: the same questions, so results compare.
pub async fn new_wave(db: &Db, org: &str, by: &str, survey: &Survey) -> AppResult<String> {
    let mut response = db
        .query(
            "RETURN math::max(array::append((SELECT VALUE wave FROM survey
                WITH INDEX survey_org_series WHERE org = type::record('org', $org)
                AND series = $series), 1));",
        )
        .bind(("org", org.to_string()))
        .bind(("series", survey.series.clone()))
        .await?
        .check()?;
    let last: Option<i64> = response.take(0)?;
    let wave = last.unwrap_or(1).max(1) as u32 + 1;
    let draft = Draft {
        purpose: match survey.purpose.as_str() {
            "staff" => "staff",
            "health" => "health",
            "evaluation" => "evaluation",
            "impact" => "impact",
            _ => "custom",
        },
        title: survey.title.clone(),
        intro: survey.intro.clone(),
        sections: survey.sections.clone(),
        questions: survey.questions.clone(),
    };
    create_draft(
        db,
        org,
        Some(by),
        &draft,
        Some((&survey.series, wave)),
        None,
        survey.event.as_deref(),
    )
    .await
}

fn draft_only(survey: &Survey) -> AppResult<()> {
    if survey.published {
        return Err(AppError::Conflict(
            "This survey is published, so its questions can no longer change: results would not compare. Run it again as a new wave to change it.".into(),
        ));
    }
    Ok(())
}

pub async fn save_details(db: &Db, org: &str, survey: &Survey, details: &Details) -> AppResult<()> {
    draft_only(survey)?;
    // A question in a section that has gone moves to the first section.
    let questions: Vec<Question> = survey
        .questions
        .iter()
        .cloned()
        .map(|mut q| {
            if !details.sections.contains(&q.section) {
                q.section = details.sections[0].clone();
            }
            q
        })
        .collect();
    db.query(
        "UPDATE $survey SET title = $title, intro = $intro, sections = $sections,
            questions = $questions, revision += 1, edited_at = time::now()
            WHERE org = type::record('org', $org) AND status = 'draft' RETURN NONE;",
    )
    .bind(("survey", survey_id(&survey.key)))
    .bind(("org", org.to_string()))
    .bind(("title", details.title.clone()))
    .bind(("intro", details.intro.clone()))
    .bind(("sections", details.sections.clone()))
    .bind(("questions", rows_of(&questions)))
    .await?
    .check()?;
    Ok(())
}

/// Replaces the questions, only if they are still the ones read (two editors cannot lose
/// each other's changes).
pub async fn save_questions(
    db: &Db,
    org: &str,
    survey: &Survey,
    questions: &[Question],
) -> AppResult<()> {
    draft_only(survey)?;
    let mut response = db
        .query(
            "UPDATE $survey SET questions = $next, revision += 1, edited_at = time::now()
                WHERE org = type::record('org', $org) AND status = 'draft' AND revision = $revision
                RETURN VALUE id;",
        )
        .bind(("survey", survey_id(&survey.key)))
        .bind(("org", org.to_string()))
        .bind(("revision", survey.revision))
        .bind(("next", rows_of(questions)))
        .await?
        .check()?;
    let updated: Vec<RecordId> = response.take(0)?;
    if updated.is_empty() {
        return Err(AppError::Conflict(
            "Someone else changed this survey just now. Reload to see it.".into(),
        ));
    }
    Ok(())
}

/// The council's active people a survey's audience names.
async fn audience_people(db: &Db, org: &str, input: &PublishInput) -> AppResult<Vec<RecordId>> {
    let filter = match input.audience {
        AudienceKind::Everyone => "",
        AudienceKind::Teams => {
            "AND (record::id(team) IN $keys OR (team.parent != NONE AND record::id(team.parent) IN $keys))"
        }
        AudienceKind::Roles => "AND roles CONTAINSANY $keys",
        AudienceKind::Levels => "AND career_level IN $keys",
        AudienceKind::Event => "",
    };
    let sql = if input.audience == AudienceKind::Event {
        "SELECT VALUE person FROM booking WHERE event = type::record('event', $keys[0])
            AND org = type::record('org', $org) AND attended = true AND person.active = true;"
            .to_string()
    } else {
        format!(
            "SELECT VALUE id FROM person WHERE org = type::record('org', $org) AND active = true {filter};"
        )
    };
    let mut response = db
        .query(sql)
        .bind(("org", org.to_string()))
        .bind(("keys", input.keys.clone()))
        .await?
        .check()?;
    Ok(response.take(0)?)
}

#[derive(Clone, SurrealValue)]
struct InvitationRow {
    id: RecordId,
    org: RecordId,
    survey: RecordId,
    person: RecordId,
    responded: bool,
    told: bool,
    reminded: bool,
}

/// Fresh invitations of `people` to a survey.
fn invitation_rows(org: &str, survey: &str, people: &[RecordId]) -> Vec<InvitationRow> {
    people
        .iter()
        .map(|p| InvitationRow {
            id: invitation_id(survey, &key(p)),
            org: RecordId::new("org", org.to_string()),
            survey: survey_id(survey),
            person: p.clone(),
            responded: false,
            told: false,
            reminded: false,
        })
        .collect()
}

/// Publishes a draft to its audience: one invitation per person, then the people it is open
/// to today are told.
pub async fn publish(
    db: &Db,
    org: &str,
    survey: &Survey,
    input: &PublishInput,
    today: &str,
) -> AppResult<u64> {
    draft_only(survey)?;
    if survey.questions.is_empty() {
        return Err(AppError::field(
            "form",
            "Add at least one question before publishing.",
        ));
    }
    let people = audience_people(db, org, input).await?;
    if people.is_empty() {
        return Err(AppError::field(
            "audience",
            "Nobody active is in that audience yet.",
        ));
    }
    let rows = invitation_rows(org, &survey.key, &people);
    let invited = rows.len() as u64;
    let response = db
        .query(
            "BEGIN TRANSACTION;
             IF (SELECT VALUE status FROM $survey WHERE org = type::record('org', $org))[0] != 'draft' {
                THROW 'survey:not_draft';
             };
             UPDATE $survey SET status = 'published', audience = $audience,
                audience_keys = $keys, opens = $opens, closes = $closes, min_group = $min_group,
                invited = $invited, published_at = time::now(),
                event = IF $audience = 'event' { type::record('event', $keys[0]) } ELSE { event }
                RETURN NONE;
             INSERT IGNORE INTO invitation $rows RETURN NONE;
             COMMIT TRANSACTION;",
        )
        .bind(("survey", survey_id(&survey.key)))
        .bind(("org", org.to_string()))
        .bind(("audience", input.audience.key().to_string()))
        .bind(("keys", input.keys.clone()))
        .bind(("opens", input.opens.clone()))
        .bind(("closes", input.closes.clone()))
        .bind(("min_group", input.min_group as i64))
        .bind(("invited", invited as i64))
        .bind(("rows", rows))
        .await?;
    match check_thrown(response) {
        Ok(_) => {}
        Err(e) if thrown(&e, "survey:not_draft") => {
            return Err(AppError::Conflict(
                "This survey has already been published.".into(),
            ));
        }
        Err(e) => return Err(e.into()),
    }
    announce(db, today).await?;
    Ok(invited)
}

/// Adds people to a published survey (an event's attendees, as attendance is marked).
pub async fn invite(db: &Db, org: &str, survey: &str, people: &[String]) -> AppResult<()> {
    let people: Vec<RecordId> = people
        .iter()
        .map(|p| RecordId::new("person", p.clone()))
        .collect();
    let rows = invitation_rows(org, survey, &people);
    with_retry(|| async {
        db.query(
            "BEGIN TRANSACTION;
             LET $new = (INSERT IGNORE INTO invitation $rows RETURN VALUE id);
             UPDATE $survey SET invited += array::len($new) RETURN NONE;
             COMMIT TRANSACTION;",
        )
        .bind(("rows", rows.clone()))
        .bind(("survey", survey_id(survey)))
        .await?
        .check()
    })
    .await?;
    Ok(())
}

/// Tells each invited person, once, that a survey is open to them. Answers how many.
pub async fn announce(db: &Db, today: &str) -> AppResult<usize> {
    notices(db, today, None).await
}

/// Reminds people who have not answered a survey closing within three days, once. The
/// reminder says nothing about anyone's answers.
pub async fn remind(db: &Db, today: time::Date) -> AppResult<usize> {
    let soon = crate::dates::iso(today.checked_add(time::Duration::days(3)).unwrap_or(today));
    notices(db, &crate::dates::iso(today), Some(soon)).await
}

#[derive(SurrealValue)]
struct NoticeRow {
    id: RecordId,
    survey: RecordId,
    person: RecordId,
    org: RecordId,
    title: String,
    closes: String,
}

/// Open surveys first (few), then their invitations by index: the sweep costs the same
/// however many invitations have been answered or told before.
async fn notices(db: &Db, today: &str, reminders_until: Option<String>) -> AppResult<usize> {
    let mut response = db
        .query(
            "SELECT VALUE id FROM survey WHERE status = 'published' AND opens <= $today
                AND closes >= $today AND ($until = NONE OR closes <= $until);",
        )
        .bind(("today", today.to_string()))
        .bind(("until", reminders_until.clone()))
        .await?
        .check()?;
    let surveys: Vec<RecordId> = response.take(0)?;
    let reminder = reminders_until.is_some();
    let mut sent = 0;
    for survey in surveys {
        sent += notice_survey(db, survey, reminder).await?;
    }
    Ok(sent)
}

/// Reminds everyone invited to one open survey who has not answered and not yet been
/// reminded (a learning lead's "remind now").
pub async fn remind_survey(db: &Db, survey: &str) -> AppResult<usize> {
    notice_survey(db, survey_id(survey), true).await
}

async fn notice_survey(db: &Db, survey: RecordId, reminder: bool) -> AppResult<usize> {
    let flag = if reminder { "reminded" } else { "told" };
    let mut response = db
        .query(format!(
            "SELECT id, survey, person, org, survey.title AS title, survey.closes AS closes
                FROM invitation WHERE survey = $survey AND responded = false AND {flag} = false
                LIMIT 20000;"
        ))
        .bind(("survey", survey))
        .await?
        .check()?;
    let rows: Vec<NoticeRow> = response.take(0)?;
    send_notices(db, rows, reminder).await
}

#[derive(SurrealValue)]
struct NoteRow {
    org: RecordId,
    person: RecordId,
    kind: String,
    text: String,
    link: String,
}

/// Marks the invitations and writes the notifications together, a thousand at a time.
async fn send_notices(db: &Db, rows: Vec<NoticeRow>, reminder: bool) -> AppResult<usize> {
    let sent = rows.len();
    let flag = if reminder { "reminded" } else { "told" };
    for chunk in rows.chunks(1000) {
        let ids: Vec<RecordId> = chunk.iter().map(|r| r.id.clone()).collect();
        let notes: Vec<NoteRow> = chunk
            .iter()
            .map(|row| {
                let closes = crate::dates::uk_date(&row.closes);
                let text = if reminder {
                    format!("Reminder: \u{201c}{}\u{201d} closes on {closes}. Your answers are anonymous.", row.title)
                } else {
                    format!("A survey is open to you: \u{201c}{}\u{201d}, until {closes}. It is anonymous.", row.title)
                };
                NoteRow {
                    org: row.org.clone(),
                    person: row.person.clone(),
                    kind: "survey".into(),
                    text,
                    link: format!("/surveys/{}", key(&row.survey)),
                }
            })
            .collect();
        db.query(format!(
            "BEGIN TRANSACTION;
             UPDATE $ids SET {flag} = true RETURN NONE;
             INSERT INTO notification $notes RETURN NONE;
             COMMIT TRANSACTION;"
        ))
        .bind(("ids", ids))
        .bind(("notes", notes))
        .await?
        .check()?;
    }
    Ok(sent)
}

#[derive(SurrealValue)]
struct InboxDbRow {
    survey: RecordId,
    title: String,
    purpose: String,
    status: String,
    opens: Option<String>,
    closes: Option<String>,
    responded: bool,
}

/// (survey key, title, purpose, status, closes, responded) for every survey the person is
/// invited to.
pub async fn invitations_of(
    db: &Db,
    org: &str,
    person: &str,
    today: &str,
) -> AppResult<Vec<(String, String, String, Status, String, bool)>> {
    let mut response = db
        .query(
            "SELECT survey, survey.title AS title, survey.purpose AS purpose,
                survey.status AS status, survey.opens AS opens, survey.closes AS closes, responded
             FROM invitation WHERE person = type::record('person', $person)
                AND org = type::record('org', $org);",
        )
        .bind(("org", org.to_string()))
        .bind(("person", person.to_string()))
        .await?
        .check()?;
    let rows: Vec<InboxDbRow> = response.take(0)?;
    let mut out: Vec<_> = rows
        .into_iter()
        .map(|r| {
            let status = Status::of(
                r.status == "published",
                r.opens.as_deref(),
                r.closes.as_deref(),
                today,
            );
            (
                key(&r.survey),
                r.title,
                r.purpose,
                status,
                r.closes.unwrap_or_default(),
                r.responded,
            )
        })
        .collect();
    out.sort_by(|a, b| a.4.cmp(&b.4));
    Ok(out)
}

/// Whether the person is invited, and has responded.
pub async fn participation(db: &Db, survey: &str, person: &str) -> AppResult<Option<bool>> {
    let mut response = db
        .query("SELECT VALUE responded FROM $invitation;")
        .bind(("invitation", invitation_id(survey, person)))
        .await?
        .check()?;
    let rows: Vec<bool> = response.take(0)?;
    Ok(rows.into_iter().next())
}

#[derive(SurrealValue)]
struct SegmentRow {
    team: Option<String>,
    service: Option<String>,
    roles: Vec<String>,
    career_level: String,
}

/// The groups the person's answers will be counted in, as they stand today.
pub async fn segments_of(db: &Db, org: &str, person: &str) -> AppResult<Segments> {
    let mut response = db
        .query(
            "SELECT IF team != NONE { record::id(team) } ELSE { NONE } AS team,
                IF team.parent != NONE { record::id(team.parent) }
                    ELSE IF team != NONE { record::id(team) } ELSE { NONE } AS service,
                roles, career_level
             FROM type::record('person', $person) WHERE org = type::record('org', $org);",
        )
        .bind(("org", org.to_string()))
        .bind(("person", person.to_string()))
        .await?
        .check()?;
    let rows: Vec<SegmentRow> = response.take(0)?;
    let row = rows.into_iter().next().ok_or(AppError::NotFound)?;
    Ok(Segments {
        team: row.team.unwrap_or_else(|| "none".into()),
        service: row.service.unwrap_or_else(|| "none".into()),
        role: reporting_role(&row.roles),
        level: row.career_level,
    })
}

#[derive(Debug, Clone, PartialEq, SurrealValue)]
pub struct StoredAnswer {
    pub question: String,
    pub value: Option<String>,
    pub values: Option<Vec<String>>,
}

#[derive(Debug, Clone, SurrealValue)]
pub struct StoredSegments {
    pub team: String,
    pub service: String,
    pub role: String,
    pub level: String,
}

impl From<StoredSegments> for Segments {
    fn from(s: StoredSegments) -> Self {
        Segments {
            team: s.team,
            service: s.service,
            role: s.role,
            level: s.level,
        }
    }
}

impl From<&Segments> for StoredSegments {
    fn from(s: &Segments) -> Self {
        StoredSegments {
            team: s.team.clone(),
            service: s.service.clone(),
            role: s.role.clone(),
            level: s.level.clone(),
        }
    }
}

#[derive(Clone, SurrealValue)]
struct ResponseRow {
    id: RecordId,
    org: RecordId,
    survey: RecordId,
    segments: StoredSegments,
    answers: Vec<StoredAnswer>,
}

#[derive(Clone, SurrealValue)]
struct CommentRow {
    id: RecordId,
    org: RecordId,
    survey: RecordId,
    question: String,
    text: String,
    segments: StoredSegments,
}

#[derive(Clone, SurrealValue)]
struct TallyRow {
    id: RecordId,
    survey: RecordId,
    dimension: String,
    segment: String,
    question: String,
    answer: String,
    n: i64,
}

fn random_id(table: &str) -> RecordId {
    RecordId::new(table, uuid_v4())
}

fn uuid_v4() -> String {
    let mut b: [u8; 16] = rand::random();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// What one response writes: the response, its comments apart, and its counter rows.
fn response_rows(
    org: &str,
    survey: &str,
    segments: &Segments,
    answers: &[Answer],
) -> (ResponseRow, Vec<CommentRow>) {
    let org_id = RecordId::new("org", org.to_string());
    let stored = answers
        .iter()
        .filter_map(|a| match &a.given {
            Given::One(v) => Some(StoredAnswer {
                question: a.question.clone(),
                value: Some(v.clone()),
                values: None,
            }),
            Given::Many(vs) => Some(StoredAnswer {
                question: a.question.clone(),
                value: None,
                values: Some(vs.clone()),
            }),
            Given::Text(_) => None,
        })
        .collect();
    let comments = answers
        .iter()
        .filter_map(|a| match &a.given {
            Given::Text(t) => Some(CommentRow {
                id: random_id("survey_comment"),
                org: org_id.clone(),
                survey: survey_id(survey),
                question: a.question.clone(),
                text: t.clone(),
                segments: segments.into(),
            }),
            _ => None,
        })
        .collect();
    (
        ResponseRow {
            id: random_id("response"),
            org: org_id,
            survey: survey_id(survey),
            segments: segments.into(),
            answers: stored,
        },
        comments,
    )
}

const SUBMIT: &str = "
    BEGIN TRANSACTION;
    LET $responded = (SELECT VALUE responded FROM $invitation)[0];
    IF $responded = NONE { THROW 'survey:not_invited' };
    IF $responded = true { THROW 'survey:answered' };
    LET $s = (SELECT status, opens, closes FROM $survey WHERE org = $org)[0];
    IF $s = NONE OR $s.status != 'published' OR $s.opens > $today OR $s.closes < $today {
        THROW 'survey:closed'
    };
    UPDATE $invitation SET responded = true RETURN NONE;
    INSERT INTO response $response RETURN NONE;
    IF array::len($comments) > 0 { INSERT INTO survey_comment $comments RETURN NONE };
    INSERT INTO tally $tallies ON DUPLICATE KEY UPDATE n += 1 RETURN NONE;
    COMMIT TRANSACTION;
";

/// Records one person's answers to an open wave, once.
pub async fn submit(
    db: &Db,
    org: &str,
    person: &str,
    survey: &str,
    answers: &[Answer],
    today: &str,
) -> AppResult<()> {
    let segments = segments_of(db, org, person).await?;
    let (response_row, comments) = response_rows(org, survey, &segments, answers);
    let tallies: Vec<TallyRow> = tally_keys(&segments, answers)
        .iter()
        .map(|k| tally_row(survey, k, 1))
        .collect();
    let result = with_retry(|| async {
        let response = db
            .query(SUBMIT)
            .bind(("invitation", invitation_id(survey, person)))
            .bind(("survey", survey_id(survey)))
            .bind(("org", RecordId::new("org", org.to_string())))
            .bind(("today", today.to_string()))
            .bind(("response", response_row.clone()))
            .bind(("comments", comments.clone()))
            .bind(("tallies", tallies.clone()))
            .await?;
        check_thrown(response).map(|_| ())
    })
    .await;
    match result {
        Ok(()) => Ok(()),
        Err(e) if thrown(&e, "survey:not_invited") => Err(AppError::NotFound),
        Err(e) if thrown(&e, "survey:answered") => Err(AppError::Conflict(
            "You have already answered this survey. Thank you.".into(),
        )),
        Err(e) if thrown(&e, "survey:closed") => Err(AppError::Conflict(
            "This survey is not open for answers.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}

fn tally_row(survey: &str, k: &TallyKey, n: i64) -> TallyRow {
    TallyRow {
        id: tally_id(survey, k),
        survey: survey_id(survey),
        dimension: k.dimension.to_string(),
        segment: k.segment.clone(),
        question: k.question.clone(),
        answer: k.answer.clone(),
        n,
    }
}

/// Loads many responses into a wave with no responses yet (its counters are written fresh) (the demo council, benchmarks):
/// the same rows `submit` writes, with the counters added up first. `responded` names the
/// people whose invitations are marked; the responses are not in their order.
pub async fn bulk_load(
    db: &Db,
    org: &str,
    survey: &str,
    responses: &[(Segments, Vec<Answer>)],
    responded: &[String],
) -> AppResult<()> {
    let mut counts: HashMap<TallyKey, i64> = HashMap::new();
    for chunk in responses.chunks(2000) {
        let mut rows = Vec::with_capacity(chunk.len());
        let mut comments = Vec::new();
        for (segments, answers) in chunk {
            for k in tally_keys(segments, answers) {
                *counts.entry(k).or_default() += 1;
            }
            let (row, c) = response_rows(org, survey, segments, answers);
            rows.push(row);
            comments.extend(c);
        }
        db.query(
            "INSERT INTO response $rows RETURN NONE;
             IF array::len($comments) > 0 { INSERT INTO survey_comment $comments RETURN NONE };",
        )
        .bind(("rows", rows))
        .bind(("comments", comments))
        .await?
        .check()?;
    }
    let mut tallies: Vec<TallyRow> = counts
        .iter()
        .map(|(k, n)| tally_row(survey, k, *n))
        .collect();
    // The response counter goes in last: a results page read mid-load then sees a count that
    // does not match the finished counters, so it does not keep a half-loaded copy.
    let everyone = tally_id(
        survey,
        &TallyKey {
            dimension: "all",
            segment: "all".to_string(),
            question: ANY.to_string(),
            answer: ANY.to_string(),
        },
    );
    tallies.sort_by_key(|t| t.id == everyone);
    for chunk in tallies.chunks(5000) {
        db.query("INSERT INTO tally $rows RETURN NONE;")
            .bind(("rows", chunk.to_vec()))
            .await?
            .check()?;
    }
    let invitations: Vec<RecordId> = responded.iter().map(|p| invitation_id(survey, p)).collect();
    for chunk in invitations.chunks(5000) {
        db.query("UPDATE $ids SET responded = true, told = true RETURN NONE;")
            .bind(("ids", chunk.to_vec()))
            .await?
            .check()?;
    }
    Ok(())
}

#[derive(SurrealValue)]
struct CountRow {
    dimension: String,
    segment: String,
    question: String,
    answer: String,
    n: i64,
}

fn counts_of(rows: Vec<CountRow>) -> Vec<Count> {
    rows.into_iter()
        .map(|r| Count {
            dimension: r.dimension,
            segment: r.segment,
            question: r.question,
            answer: r.answer,
            n: r.n.max(0) as u64,
        })
        .collect()
}

/// A wave's counters for the given dimensions ("all" is always read). All of them are read at
/// once and kept (see `kept_counts`) while the wave's response count stays the same.
pub async fn counts(db: &Db, survey: &str, dimensions: &[&str]) -> AppResult<Vec<Count>> {
    let mut response = db
        .query("SELECT VALUE n FROM tally:[$survey, 'all', 'all', $any, $any];")
        .bind(("survey", survey.to_string()))
        .bind(("any", ANY))
        .await?
        .check()?;
    let responses: Vec<i64> = response.take(0)?;
    let responses = responses.first().copied().unwrap_or(0).max(0) as u64;
    let all = match super::kept_counts::get(db, survey, responses) {
        Some(kept) => kept,
        None => {
            let (read, at) = read_counts(db, survey).await?;
            let read = std::sync::Arc::new(read);
            super::kept_counts::keep(db, survey, at, read.clone());
            read
        }
    };
    Ok(all
        .iter()
        .filter(|c| c.dimension == "all" || dimensions.contains(&c.dimension.as_str()))
        .cloned()
        .collect())
}

/// Every counter of the wave, with the response count they were read at: one statement, so
/// one snapshot, however many responses arrive meanwhile. A range of record ids reads the
/// wave's counters in key order, about twice as fast as through the index.
async fn read_counts(db: &Db, survey: &str) -> AppResult<(Vec<Count>, u64)> {
    let mut response = db
        .query(
            "SELECT dimension, segment, question, answer, n
                FROM tally:[$survey]..[$survey, {}];",
        )
        .bind(("survey", survey.to_string()))
        .await?
        .check()?;
    let counts = counts_of(response.take(0)?);
    let at = counts
        .iter()
        .find(|c| c.dimension == "all" && c.question == ANY && c.answer == ANY)
        .map(|c| c.n)
        .unwrap_or(0);
    Ok((counts, at))
}

/// The same counters worked out from the stored responses with a full scan, grouped in the
/// database: what results would cost without counters, and a check that the counters are
/// right.
pub async fn recount(db: &Db, survey: &str) -> AppResult<Vec<Count>> {
    // One scan of every response; the groups are added up here, so every dimension comes
    // from the same read and the same code that keeps the counters.
    let mut counts: BTreeMap<TallyKey, u64> = BTreeMap::new();
    for (segments, answers) in raw_answers(db, survey).await? {
        let segments = Segments::from(segments);
        let answers: Vec<Answer> = answers
            .into_iter()
            .map(|a| Answer {
                question: a.question,
                given: match (a.value, a.values) {
                    (Some(v), _) => Given::One(v),
                    (None, Some(vs)) => Given::Many(vs),
                    (None, None) => Given::Many(Vec::new()),
                },
            })
            .collect();
        for k in tally_keys(&segments, &answers) {
            *counts.entry(k).or_default() += 1;
        }
    }
    // Free text is counted as answered from the comments, which live apart.
    let mut response = db
        .query("SELECT question, segments FROM survey_comment WHERE survey = $survey;")
        .bind(("survey", survey_id(survey)))
        .await?
        .check()?;
    #[derive(SurrealValue)]
    struct CommentSeg {
        question: String,
        segments: StoredSegments,
    }
    let comments: Vec<CommentSeg> = response.take(0)?;
    for c in comments {
        let s = Segments::from(c.segments);
        for d in super::answers::DIMENSIONS {
            *counts
                .entry(TallyKey {
                    dimension: d,
                    segment: s.of(d).to_string(),
                    question: c.question.clone(),
                    answer: ANY.to_string(),
                })
                .or_default() += 1;
        }
    }
    Ok(counts
        .into_iter()
        .map(|(k, n)| Count {
            dimension: k.dimension.to_string(),
            segment: k.segment,
            question: k.question,
            answer: k.answer,
            n,
        })
        .collect())
}

/// The scan a results page would need without counters: every answer grouped in the
/// database (the baseline the benchmark compares with).
pub async fn group_by_scan(db: &Db, survey: &str) -> AppResult<usize> {
    let mut response = db
        .query(
            "SELECT answers.question AS question, answers.value AS answer, count() AS n FROM (
                SELECT answers FROM response WHERE survey = $survey SPLIT answers
             ) GROUP BY question, answer;",
        )
        .bind(("survey", survey_id(survey)))
        .await?
        .check()?;
    #[derive(SurrealValue)]
    struct Row {
        question: String,
        answer: Option<String>,
        n: i64,
    }
    let rows: Vec<Row> = response.take(0)?;
    Ok(rows
        .iter()
        .filter(|r| r.answer.is_some() && r.n > 0 && !r.question.is_empty())
        .count())
}

/// Free-text answers to one question, only from groups the caller may show (`segment` None
/// means the whole survey). Random key order: never the order they arrived in.
pub async fn comments(
    db: &Db,
    survey: &str,
    question: &str,
    segment: Option<(&str, &str)>,
    limit: u32,
) -> AppResult<Vec<String>> {
    let filter = match segment {
        Some((d, _)) if ["team", "service", "role", "level"].contains(&d) => {
            format!("AND segments.{d} = $segment")
        }
        _ => String::new(),
    };
    let mut response = db
        .query(format!(
            "SELECT VALUE text FROM survey_comment WHERE survey = $survey AND question = $question
                {filter} LIMIT $limit;"
        ))
        .bind(("survey", survey_id(survey)))
        .bind(("question", question.to_string()))
        .bind((
            "segment",
            segment.map(|(_, s)| s.to_string()).unwrap_or_default(),
        ))
        .bind(("limit", limit as i64))
        .await?
        .check()?;
    Ok(response.take(0)?)
}

/// Every stored response of a wave, for the raw export: segments and answers, nothing else.
pub async fn raw_answers(
    db: &Db,
    survey: &str,
) -> AppResult<Vec<(StoredSegments, Vec<StoredAnswer>)>> {
    #[derive(SurrealValue)]
    struct Row {
        segments: StoredSegments,
        answers: Vec<StoredAnswer>,
    }
    let mut response = db
        .query("SELECT segments, answers FROM response WHERE survey = $survey;")
        .bind(("survey", survey_id(survey)))
        .await?
        .check()?;
    let rows: Vec<Row> = response.take(0)?;
    Ok(rows.into_iter().map(|r| (r.segments, r.answers)).collect())
}

/// (team key, name, service key) of every team and service of the council.
pub async fn teams(db: &Db, org: &str) -> AppResult<Vec<(String, String, String)>> {
    #[derive(SurrealValue)]
    struct Row {
        key: String,
        name: String,
        parent: Option<String>,
    }
    let mut response = db
        .query(
            "SELECT record::id(id) AS key, name,
                IF parent != NONE { record::id(parent) } ELSE { NONE } AS parent
             FROM team WHERE org = type::record('org', $org) ORDER BY name;",
        )
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    let rows: Vec<Row> = response.take(0)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let service = r.parent.unwrap_or_else(|| r.key.clone());
            (r.key, r.name, service)
        })
        .collect())
}

/// The council's follow-up delay for practice impact surveys, in days.
pub async fn follow_up_days(db: &Db, org: &str) -> AppResult<u32> {
    let mut response = db
        .query("SELECT VALUE survey_follow_up_days FROM type::record('org', $org);")
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    let rows: Vec<Option<i64>> = response.take(0)?;
    Ok(rows
        .into_iter()
        .next()
        .flatten()
        .map(|d| d.clamp(1, 365) as u32)
        .unwrap_or(DEFAULT_FOLLOW_UP_DAYS))
}

pub async fn set_follow_up_days(db: &Db, org: &str, days: u32) -> AppResult<()> {
    db.query("UPDATE type::record('org', $org) SET survey_follow_up_days = $days RETURN NONE;")
        .bind(("org", org.to_string()))
        .bind(("days", days as i64))
        .await?
        .check()?;
    Ok(())
}

/// The waves of a series that have been published, in order: (key, wave, opens, min group).
pub async fn waves(db: &Db, org: &str, series: &str) -> AppResult<Vec<(String, u32, String, u32)>> {
    #[derive(SurrealValue)]
    struct Row {
        id: RecordId,
        wave: i64,
        opens: Option<String>,
        min_group: i64,
    }
    let mut response = db
        .query(
            "SELECT id, wave, opens, min_group FROM survey WHERE org = type::record('org', $org)
                AND series = $series AND status = 'published' ORDER BY wave;",
        )
        .bind(("org", org.to_string()))
        .bind(("series", series.to_string()))
        .await?
        .check()?;
    let rows: Vec<Row> = response.take(0)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                key(&r.id),
                r.wave.max(1) as u32,
                r.opens.unwrap_or_default(),
                r.min_group.clamp(3, 1000) as u32,
            )
        })
        .collect())
}
