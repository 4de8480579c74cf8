//! Server functions for the CPD log. A person reads and changes only their own records; a
//! supervisor reads a supervisee's counts and status, and the text of records shared with them.

use leptos::prelude::*;

use super::model::{CpdDraft, CpdForm, CpdRecord, CpdYear};
use crate::error::AppError;

/// The viewer's CPD for a registration year (the current one when `year` is empty).
#[server(endpoint = "cpd/my_cpd")]
pub async fn my_cpd(#[server(default)] year: Option<i32>) -> Result<CpdYear, AppError> {
    crate::api::respond(server::my_cpd(year)).await
}

/// A supervisee's CPD status, with only the records they chose to share.
#[server(endpoint = "cpd/supervisee_cpd")]
pub async fn supervisee_cpd(
    person_id: String,
    #[server(default)] year: Option<i32>,
) -> Result<CpdYear, AppError> {
    crate::api::respond(server::supervisee_cpd(person_id, year)).await
}

#[server(endpoint = "cpd/get_cpd")]
pub async fn get_cpd(id: String) -> Result<CpdRecord, AppError> {
    crate::api::respond(server::get_cpd(id)).await
}

/// Where a new CPD record can start from.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CpdFrom {
    pub evidence: Option<String>,
    pub supervision: Option<String>,
    /// A library resource the person has used.
    pub resource: Option<String>,
    /// A learning event the person attended, by event key.
    pub event: Option<String>,
}

/// A new record's starting point, prefilled from evidence, a supervision session, a library
/// resource or an attended event.
#[server(endpoint = "cpd/prefill_cpd")]
pub async fn prefill_cpd(
    #[server(default)] evidence: Option<String>,
    #[server(default)] supervision: Option<String>,
    #[server(default)] resource: Option<String>,
    #[server(default)] event: Option<String>,
) -> Result<CpdDraft, AppError> {
    crate::api::respond(server::prefill_cpd(CpdFrom {
        evidence,
        supervision,
        resource,
        event,
    }))
    .await
}

/// Creates a record when `id` is empty, otherwise updates it; answers the registration year
/// it counts in, where the list should open.
#[server(endpoint = "cpd/save_cpd")]
pub async fn save_cpd(
    #[server(default)] id: Option<String>,
    #[server(default)] source: Option<String>,
    form: CpdForm,
) -> Result<i32, AppError> {
    crate::api::respond(server::save_cpd(id, source, form)).await
}

#[server(endpoint = "cpd/delete_cpd")]
pub async fn delete_cpd(id: String) -> Result<(), AppError> {
    crate::api::respond(server::delete_cpd(id)).await
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::super::model::{CpdDraft, CpdForm, CpdRecord, CpdYear};
    use super::super::rules::{RegistrationYear, status};
    use super::super::store;
    use crate::api::{self, check_id};
    use crate::auth::session::require_viewer;
    use crate::dates::{iso, parse_date, today_uk};
    use crate::db::key;
    use crate::error::{AppError, AppResult};
    use crate::progression::store::person_in_reach;

    /// A year someone could have records in: from the first registration years to next year.
    pub fn pick_year(year: Option<i32>) -> AppResult<RegistrationYear> {
        let current = RegistrationYear::containing(today_uk());
        match year {
            None => Ok(current),
            Some(y) if (2000..=current.0 + 1).contains(&y) => Ok(RegistrationYear(y)),
            Some(_) => Err(AppError::field(
                "year",
                format!("Choose a registration year from 2000 to {}.", current.0 + 1),
            )),
        }
    }

    pub async fn year_of(
        db: &crate::db::Db,
        person: &str,
        person_name: String,
        org: &str,
        year: RegistrationYear,
        only_shared: bool,
    ) -> AppResult<CpdYear> {
        let mut records = store::year(db, org, person, year).await?;
        let peer = records.iter().filter(|r| r.peer).count() as u32;
        let status = status(year, records.len() as u32, peer, today_uk());
        if only_shared {
            // Warnings name other records by title, so they are worked out among the shared
            // records alone: an unshared record's title never reaches the supervisor.
            records.retain(|r| r.shared);
            store::mark_duplicates(&mut records);
        }
        let mut years = store::years(db, org, person).await?;
        let current = RegistrationYear::containing(today_uk()).0;
        if !years.contains(&current) {
            years.push(current);
            years.sort_unstable_by(|a, b| b.cmp(a));
        }
        Ok(CpdYear {
            person_name,
            status,
            records,
            years,
        })
    }

    pub async fn my_cpd(year: Option<i32>) -> AppResult<CpdYear> {
        let viewer = require_viewer().await?;
        let year = pick_year(year)?;
        let state = api::state()?;
        year_of(
            &state.db,
            &viewer.id,
            viewer.name.clone(),
            &viewer.org_id,
            year,
            false,
        )
        .await
    }

    pub async fn supervisee_cpd(person_id: String, year: Option<i32>) -> AppResult<CpdYear> {
        let viewer = require_viewer().await?;
        check_id(&person_id)?;
        let year = pick_year(year)?;
        let state = api::state()?;
        let person = person_in_reach(&state.db, &viewer.org_id, &viewer.id, &person_id).await?;
        let own = key(&person.id) == viewer.id;
        year_of(
            &state.db,
            &person_id,
            person.name,
            &viewer.org_id,
            year,
            !own,
        )
        .await
    }

    pub async fn get_cpd(id: String) -> AppResult<CpdRecord> {
        let viewer = require_viewer().await?;
        check_id(&id)?;
        let state = api::state()?;
        store::get(&state.db, &viewer.org_id, &viewer.id, &id).await
    }

    pub async fn prefill_cpd(from: super::CpdFrom) -> AppResult<CpdDraft> {
        let viewer = require_viewer().await?;
        let state = api::state()?;
        let super::CpdFrom {
            evidence,
            supervision,
            resource,
            event,
        } = from;
        if let Some(id) = resource.filter(|id| !id.is_empty()) {
            check_id(&id)?;
            let r =
                crate::academy::library_store::basics(&state.db, &viewer.org_id, &viewer.id, &id)
                    .await?;
            let kind = match r.kind.as_str() {
                "course" => "elearning",
                "video" | "podcast" => "elearning",
                _ => "reading",
            };
            return Ok(CpdDraft {
                form: CpdForm {
                    kind: kind.into(),
                    title: r.title.clone(),
                    description: r.summary.clone(),
                    date: r.done_on.unwrap_or_else(|| iso(today_uk())),
                    ..Default::default()
                },
                source: Some(format!("resource:{id}")),
                source_label: Some(format!("the library resource \u{201c}{}\u{201d}", r.title)),
            });
        }
        if let Some(id) = event.filter(|id| !id.is_empty()) {
            check_id(&id)?;
            let e =
                crate::academy::event_store::attended(&state.db, &viewer.org_id, &viewer.id, &id)
                    .await?;
            return Ok(CpdDraft {
                form: CpdForm {
                    kind: "event".into(),
                    title: e.title.clone(),
                    description: e.summary.clone(),
                    date: e.date,
                    ..Default::default()
                },
                source: Some(format!("event:{id}")),
                source_label: Some(format!(
                    "the event \u{201c}{}\u{201d} you attended",
                    e.title
                )),
            });
        }
        if let Some(id) = evidence.filter(|id| !id.is_empty()) {
            check_id(&id)?;
            let e =
                crate::portfolio::store::get(&state.db, &viewer.org_id, &viewer.id, &id).await?;
            let description = [e.what_happened.as_str(), e.what_i_did.as_str()]
                .into_iter()
                .filter(|t| !t.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n\n");
            return Ok(CpdDraft {
                form: CpdForm {
                    kind: "practice".into(),
                    title: e.title.clone(),
                    description,
                    date: e.date.clone(),
                    learnt: e.what_i_learned.clone(),
                    impact: e.what_next.clone(),
                    ..Default::default()
                },
                source: Some(format!("evidence:{id}")),
                source_label: Some(format!("your evidence \u{201c}{}\u{201d}", e.title)),
            });
        }
        if let Some(id) = supervision.filter(|id| !id.is_empty()) {
            check_id(&id)?;
            let session =
                crate::supervision::store::get(&state.db, &viewer.org_id, &viewer.id, &id).await?;
            let role = if session.supervisor_id == viewer.id {
                "My supervisee".to_string()
            } else {
                format!(
                    "My supervisor ({})",
                    crate::supervision::model::kind_label(&session.kind).to_lowercase()
                )
            };
            return Ok(CpdDraft {
                form: CpdForm {
                    kind: "supervision".into(),
                    title: format!(
                        "{} supervision",
                        crate::supervision::model::kind_label(&session.kind)
                    ),
                    // The notes belong to the pair; a CPD record may be shared further.
                    description: String::new(),
                    date: session.held_on.clone(),
                    peer_with: role,
                    peer_date: session.held_on.clone(),
                    ..Default::default()
                },
                source: Some(format!("supervision:{id}")),
                source_label: Some(format!(
                    "your supervision on {}",
                    crate::dates::uk_date(&session.held_on)
                )),
            });
        }
        Ok(CpdDraft {
            form: CpdForm {
                date: iso(today_uk()),
                ..Default::default()
            },
            ..Default::default()
        })
    }

    /// `evidence:<key>`, `supervision:<key>`, `resource:<key>` or `event:<key>`; anything
    /// else is dropped.
    fn clean_source(source: Option<String>) -> Option<String> {
        let source = source?;
        let (table, id) = source.split_once(':')?;
        (matches!(table, "evidence" | "supervision" | "resource" | "event") && check_id(id).is_ok())
            .then_some(source)
    }

    pub async fn save_cpd(
        id: Option<String>,
        source: Option<String>,
        form: CpdForm,
    ) -> AppResult<i32> {
        let viewer = require_viewer().await?;
        let id = id
            .map(|id| id.trim().to_string())
            .filter(|id| !id.is_empty());
        if let Some(id) = &id {
            check_id(id)?;
        }
        let input = form.validate(today_uk()).map_err(AppError::Validation)?;
        let date = parse_date(&input.date).ok_or(AppError::field("date", "Enter a real date."))?;
        let state = api::state()?;
        let year = RegistrationYear::containing(date);
        store::save(
            &state.db,
            &viewer.org_id,
            &viewer.id,
            id.as_deref(),
            &input,
            year,
            clean_source(source),
        )
        .await?;
        leptos_axum::redirect(&format!("/cpd?year={}&done=saved", year.0));
        Ok(year.0)
    }

    pub async fn delete_cpd(id: String) -> AppResult<()> {
        let viewer = require_viewer().await?;
        check_id(&id)?;
        let state = api::state()?;
        store::delete(&state.db, &viewer.org_id, &viewer.id, &id).await?;
        leptos_axum::redirect("/cpd?done=deleted");
        Ok(())
    }
}
