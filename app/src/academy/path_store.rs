//! Learning paths (server only): the paths that apply to a person by level or role, with
//! their progress. A resource step is done when they marked it done; an event step when
//! they attended it.

use std::collections::HashSet;

use surrealdb::types::{RecordId, SurrealValue};

use super::model::{PathStep, PathView};
use super::resource::kind_label;
use crate::db::{Db, key};
use crate::error::AppResult;
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
