//! Learning paths (server only): the paths that apply to a person by level or role, with
//! their progress. A resource step is done when they marked it done; an event step when
//! they attended it.

use std::collections::HashSet;

use surrealdb::types::{RecordId, SurrealValue};

use super::model::{EditorStep, PathListRow, PathStep, PathView, StepCandidate};
use super::path_form::{PathForm, PathInput, StepChange, StepRef, change_steps};
use super::resource::kind_label;
use crate::db::{Db, key};
use crate::error::{AppError, AppResult};
use crate::people::levels::level_label;

#[derive(SurrealValue)]
struct PathRow {
    id: RecordId,
    title: String,
    summary: String,
    levels: Vec<String>,
    roles: Vec<String>,
    steps: Vec<RecordId>,
    step_titles: Vec<Option<String>>,
    step_kinds: Vec<Option<String>>,
    step_statuses: Vec<Option<String>>,
}

/// Whether a path is meant for someone at `level` with `roles`: empty lists mean anyone.
pub fn applies(levels: &[String], roles: &[String], level: &str, my_roles: &[String]) -> bool {
    (levels.is_empty() || levels.iter().any(|l| l == level))
        && (roles.is_empty() || roles.iter().any(|r| my_roles.contains(r)))
}

fn audience(levels: &[String], roles: &[String]) -> String {
    let mut parts: Vec<String> = levels.iter().map(|l| level_label(l).to_string()).collect();
    parts.extend(roles.iter().map(|r| match r.as_str() {
        "supervisor" => "Supervisors".to_string(),
        "learning_lead" => "Learning leads".to_string(),
        "leader" => "Leaders".to_string(),
        other => other.to_string(),
    }));
    if parts.is_empty() {
        "Everyone".to_string()
    } else {
        parts.join(", ")
    }
}

/// The active paths for this person, each with its steps and how many are done. Retired or
/// unpublished resources drop out of a path; cancelled events stay, so the path still reads
/// in order.
pub async fn paths_for(
    db: &Db,
    org: &str,
    person: &str,
    level: &str,
    roles: &[String],
) -> AppResult<Vec<PathView>> {
    let mut response = db
        .query(
            "SELECT id, title, summary, levels, roles, steps, steps.*.title AS step_titles,
                steps.*.kind AS step_kinds, steps.*.status AS step_statuses
             FROM learning_path WHERE org = type::record('org', $org) AND active = true
             ORDER BY title;
             SELECT VALUE resource FROM resource_use WHERE person = type::record('person', $person)
                AND done_on != NONE;
             SELECT VALUE event FROM booking WHERE person = type::record('person', $person)
                AND attended = true;",
        )
        .bind(("org", org.to_string()))
        .bind(("person", person.to_string()))
        .await?
        .check()?;
    let rows: Vec<PathRow> = response.take(0)?;
    // A record id's hash is its table and key, which nothing here changes.
    #[allow(clippy::mutable_key_type)]
    let done: HashSet<RecordId> = response
        .take::<Vec<RecordId>>(1)?
        .into_iter()
        .chain(response.take::<Vec<RecordId>>(2)?)
        .collect();
    Ok(rows
        .into_iter()
        .filter(|p| applies(&p.levels, &p.roles, level, roles))
        .map(|p| {
            let steps: Vec<PathStep> = p
                .steps
                .iter()
                .enumerate()
                .filter_map(|(i, id)| {
                    let is_event = id.table.as_str() == "event";
                    let title = p.step_titles.get(i).cloned().flatten()?;
                    let status = p.step_statuses.get(i).cloned().flatten();
                    if !is_event && status.as_deref() != Some("published") {
                        return None;
                    }
                    let kind = p.step_kinds.get(i).cloned().flatten().unwrap_or_default();
                    Some(PathStep {
                        href: format!(
                            "/{}/{}",
                            if is_event { "events" } else { "library" },
                            key(id)
                        ),
                        title,
                        kind: if is_event {
                            "Live event".to_string()
                        } else {
                            kind_label(&kind).to_string()
                        },
                        done: done.contains(id),
                    })
                })
                .collect();
            PathView {
                id: key(&p.id),
                done: steps.iter().filter(|s| s.done).count() as u32,
                audience: audience(&p.levels, &p.roles),
                title: p.title,
                summary: p.summary,
                steps,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::applies;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn paths_apply_by_level_and_role() {
        assert!(applies(&[], &[], "nqsw", &[]));
        assert!(applies(&s(&["nqsw"]), &[], "nqsw", &s(&["practitioner"])));
        assert!(!applies(&s(&["nqsw"]), &[], "social_worker", &[]));
        assert!(applies(
            &[],
            &s(&["supervisor"]),
            "team_manager",
            &s(&["supervisor"])
        ));
        assert!(!applies(
            &[],
            &s(&["supervisor"]),
            "nqsw",
            &s(&["practitioner"])
        ));
        // Both must hold when both are set.
        assert!(!applies(
            &s(&["senior_social_worker"]),
            &s(&["supervisor"]),
            "senior_social_worker",
            &s(&["practitioner"])
        ));
    }
}

// ----- Editing (learning leads) -----

pub fn path_id(id: &str) -> RecordId {
    RecordId::new("learning_path", id.to_string())
}

fn step_record(step: &StepRef) -> RecordId {
    RecordId::new(step.table, step.key.clone())
}

fn step_ref(id: &RecordId) -> Option<StepRef> {
    StepRef::parse(&format!("{}/{}", id.table.as_str(), key(id)))
}

#[derive(SurrealValue)]
struct ListRow {
    id: RecordId,
    title: String,
    levels: Vec<String>,
    roles: Vec<String>,
    steps: Vec<RecordId>,
    active: bool,
}

/// Every path of the council, active first, by title.
pub async fn all_paths(db: &Db, org: &str) -> AppResult<Vec<PathListRow>> {
    let mut response = db
        .query(
            "SELECT id, title, levels, roles, steps, active FROM learning_path
                WHERE org = type::record('org', $org) ORDER BY active DESC, title;",
        )
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    let rows: Vec<ListRow> = response.take(0)?;
    Ok(rows
        .into_iter()
        .map(|r| PathListRow {
            id: key(&r.id),
            audience: audience(&r.levels, &r.roles),
            steps: r.steps.len() as u32,
            title: r.title,
            active: r.active,
        })
        .collect())
}

#[derive(SurrealValue)]
struct EditRow {
    title: String,
    summary: String,
    levels: Vec<String>,
    roles: Vec<String>,
    active: bool,
    steps: Vec<RecordId>,
    step_titles: Vec<Option<String>>,
    step_kinds: Vec<Option<String>>,
    step_statuses: Vec<Option<String>>,
}

/// A path as its editor shows it: the form and the steps in order.
pub async fn editing(db: &Db, org: &str, id: &str) -> AppResult<(PathForm, Vec<EditorStep>)> {
    let mut response = db
        .query(
            "SELECT title, summary, levels, roles, active, steps, steps.*.title AS step_titles,
                steps.*.kind AS step_kinds, steps.*.status AS step_statuses
             FROM $path WHERE org = type::record('org', $org);",
        )
        .bind(("org", org.to_string()))
        .bind(("path", path_id(id)))
        .await?
        .check()?;
    let rows: Vec<EditRow> = response.take(0)?;
    let row = rows.into_iter().next().ok_or(AppError::NotFound)?;
    let steps = row
        .steps
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let reference = step_ref(id)?;
            let is_event = reference.table == "event";
            let status = row
                .step_statuses
                .get(i)
                .cloned()
                .flatten()
                .unwrap_or_default();
            let note = match (is_event, status.as_str()) {
                (true, "cancelled") => Some("Cancelled".to_string()),
                (true, _) | (false, "published") => None,
                (false, other) => Some(match super::resource::Status::from_key(other) {
                    Some(s) => format!("{}: learners do not see it", s.label()),
                    None => "Not in the library".to_string(),
                }),
            };
            Some(EditorStep {
                href: format!(
                    "/{}/{}",
                    if is_event { "events" } else { "library" },
                    key(id)
                ),
                title: row
                    .step_titles
                    .get(i)
                    .cloned()
                    .flatten()
                    .unwrap_or_else(|| "(removed)".to_string()),
                kind: if is_event {
                    "Live event".to_string()
                } else {
                    kind_label(&row.step_kinds.get(i).cloned().flatten().unwrap_or_default())
                        .to_string()
                },
                note,
                reference: reference.text(),
            })
        })
        .collect();
    Ok((
        PathForm {
            title: row.title,
            summary: row.summary,
            levels: row.levels,
            roles: row.roles,
            active: row.active.then(|| "on".to_string()),
        },
        steps,
    ))
}

/// Creates a path (`id` none, with no steps yet) or saves its details. Answers its key.
pub async fn save_path(
    db: &Db,
    org: &str,
    by: &str,
    id: Option<&str>,
    input: &PathInput,
) -> AppResult<String> {
    let fields = "title = $title, summary = $summary, levels = $levels, roles = $roles,
        active = $active, edited_at = time::now(), edited_by = $by";
    let sql = match id {
        Some(_) => {
            format!(
                "UPDATE $path SET {fields} WHERE org = type::record('org', $org) RETURN VALUE id;"
            )
        }
        None => format!(
            "CREATE learning_path SET org = type::record('org', $org), steps = [], {fields}
                RETURN VALUE id;"
        ),
    };
    let mut response = db
        .query(sql)
        .bind(("org", org.to_string()))
        .bind(("path", path_id(id.unwrap_or("none"))))
        .bind(("title", input.title.clone()))
        .bind(("summary", input.summary.clone()))
        .bind(("levels", input.levels.clone()))
        .bind(("roles", input.roles.clone()))
        .bind(("active", input.active))
        .bind(("by", RecordId::new("person", by.to_string())))
        .await?
        .check()?;
    let ids: Vec<RecordId> = response.take(0)?;
    ids.first().map(key).ok_or(AppError::NotFound)
}

/// Whether a step can join a path: a resource of the council that is not retired, or one
/// of its events that is not cancelled.
async fn step_usable(db: &Db, org: &str, step: &StepRef) -> AppResult<bool> {
    let sql = match step.table {
        "event" => {
            "SELECT VALUE id FROM $step WHERE org = type::record('org', $org) AND status = 'scheduled';"
        }
        _ => {
            "SELECT VALUE id FROM $step WHERE org = type::record('org', $org) AND status != 'retired';"
        }
    };
    let mut response = db
        .query(sql)
        .bind(("org", org.to_string()))
        .bind(("step", step_record(step)))
        .await?
        .check()?;
    let found: Vec<RecordId> = response.take(0)?;
    Ok(!found.is_empty())
}

/// Adds, moves or removes one step. The write is conditional on the steps read, so two
/// learning leads editing at once cannot lose each other's changes.
pub async fn change_step(
    db: &Db,
    org: &str,
    by: &str,
    id: &str,
    step: &StepRef,
    change: StepChange,
) -> AppResult<()> {
    let mut response = db
        .query("SELECT VALUE steps FROM $path WHERE org = type::record('org', $org);")
        .bind(("org", org.to_string()))
        .bind(("path", path_id(id)))
        .await?
        .check()?;
    let found: Vec<Vec<RecordId>> = response.take(0)?;
    let old = found.into_iter().next().ok_or(AppError::NotFound)?;
    let refs: Vec<StepRef> = old.iter().filter_map(step_ref).collect();
    let next = change_steps(&refs, step, change).map_err(|m| AppError::Conflict(m.into()))?;
    if change == StepChange::Add && !step_usable(db, org, step).await? {
        return Err(AppError::Conflict(
            "That resource or event is no longer offered, so it cannot be a step. Search again."
                .into(),
        ));
    }
    let next: Vec<RecordId> = next.iter().map(step_record).collect();
    let mut response = db
        .query(
            "UPDATE $path SET steps = $next, edited_at = time::now(), edited_by = $by
                WHERE org = type::record('org', $org) AND steps = $old RETURN VALUE id;",
        )
        .bind(("org", org.to_string()))
        .bind(("path", path_id(id)))
        .bind(("old", old))
        .bind(("next", next))
        .bind(("by", RecordId::new("person", by.to_string())))
        .await?
        .check()?;
    let updated: Vec<RecordId> = response.take(0)?;
    if updated.is_empty() {
        return Err(AppError::Conflict(
            "Someone else changed this path just now. Reload to see it.".into(),
        ));
    }
    Ok(())
}

#[derive(SurrealValue)]
struct EventCandidate {
    id: RecordId,
    title: String,
    starts: String,
}

/// Upcoming events whose title holds the words, soonest first.
pub async fn event_candidates(db: &Db, org: &str, words: &str) -> AppResult<Vec<StepCandidate>> {
    let mut response = db
        .query(
            "SELECT id, title, <string> starts AS starts FROM event
                WHERE org = type::record('org', $org) AND status = 'scheduled'
                AND ends >= time::now() AND string::contains(string::lowercase(title), $words)
                ORDER BY starts LIMIT 10;",
        )
        .bind(("org", org.to_string()))
        .bind(("words", words.to_lowercase()))
        .await?
        .check()?;
    let rows: Vec<EventCandidate> = response.take(0)?;
    Ok(rows
        .into_iter()
        .map(|r| StepCandidate {
            reference: format!("event/{}", key(&r.id)),
            kind: format!("Live event, {}", crate::dates::uk_datetime(&r.starts)),
            title: r.title,
            added: false,
        })
        .collect())
}
