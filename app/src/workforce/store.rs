//! Workforce figures in the database (server only). Every query is scoped by the caller's org.

use surrealdb::types::{RecordId, SurrealValue};

use super::quarter::Quarter;
use super::rates::Counts;
use super::rollup::{Figures, Unit};
use crate::db::{Db, key};
use crate::error::AppResult;

#[derive(Debug, Clone, SurrealValue)]
struct FigureRow {
    team: RecordId,
    quarter: String,
    in_post_fte: i64,
    headcount: i64,
    vacancy_fte: i64,
    agency_fte: i64,
    starters_fte: i64,
    leavers_fte: i64,
    cases: i64,
    case_holding_fte: i64,
    days_lost: i64,
}

impl FigureRow {
    fn counts(&self) -> Counts {
        Counts {
            in_post_fte: self.in_post_fte,
            headcount: self.headcount,
            vacancy_fte: self.vacancy_fte,
            agency_fte: self.agency_fte,
            starters_fte: self.starters_fte,
            leavers_fte: self.leavers_fte,
            cases: self.cases,
            case_holding_fte: self.case_holding_fte,
            days_lost: self.days_lost,
        }
    }
}

/// A row to write: the team's key, the quarter and its counts.
#[derive(Debug, Clone, SurrealValue)]
pub(crate) struct FigureInput {
    team: String,
    quarter: String,
    in_post_fte: i64,
    headcount: i64,
    vacancy_fte: i64,
    agency_fte: i64,
    starters_fte: i64,
    leavers_fte: i64,
    cases: i64,
    case_holding_fte: i64,
    days_lost: i64,
}

impl FigureInput {
    fn new(team: &str, quarter: Quarter, c: &Counts) -> Self {
        FigureInput {
            team: team.to_string(),
            quarter: quarter.key(),
            in_post_fte: c.in_post_fte,
            headcount: c.headcount,
            vacancy_fte: c.vacancy_fte,
            agency_fte: c.agency_fte,
            starters_fte: c.starters_fte,
            leavers_fte: c.leavers_fte,
            cases: c.cases,
            case_holding_fte: c.case_holding_fte,
            days_lost: c.days_lost,
        }
    }
}

const FIGURES: &str = "
    SELECT team, quarter, in_post_fte, headcount, vacancy_fte, agency_fte, starters_fte,
           leavers_fte, cases, case_holding_fte, days_lost
    FROM workforce_figure
    WHERE org = type::record('org', $org) AND quarter >= $from AND quarter <= $to;
";

/// Every team's figures from `from` to `to`, inclusive (`2026-Q3` keys sort in time order).
pub async fn figures(db: &Db, org: &str, from: Quarter, to: Quarter) -> AppResult<Figures> {
    let mut response = db
        .query(FIGURES)
        .bind(("org", org.to_string()))
        .bind(("from", from.key()))
        .bind(("to", to.key()))
        .await?
        .check()?;
    let rows: Vec<FigureRow> = response.take(0)?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some((
                (key(&row.team), Quarter::parse(&row.quarter)?),
                row.counts(),
            ))
        })
        .collect())
}

const QUARTERS: &str = "
    SELECT quarter FROM workforce_figure WHERE org = type::record('org', $org) GROUP BY quarter;
";

/// The quarters that have any figures, oldest first.
pub async fn quarters(db: &Db, org: &str) -> AppResult<Vec<Quarter>> {
    #[derive(SurrealValue)]
    struct Row {
        quarter: String,
    }
    let mut response = db
        .query(QUARTERS)
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    let rows: Vec<Row> = response.take(0)?;
    let mut quarters: Vec<Quarter> = rows
        .iter()
        .filter_map(|r| Quarter::parse(&r.quarter))
        .collect();
    quarters.sort();
    Ok(quarters)
}

const UNITS: &str = "
    SELECT id, name, parent FROM team
    WHERE org = type::record('org', $org) AND archived = false ORDER BY name;
";

/// The council's current teams and services.
pub async fn units(db: &Db, org: &str) -> AppResult<Vec<Unit>> {
    #[derive(SurrealValue)]
    struct Row {
        id: RecordId,
        name: String,
        parent: Option<RecordId>,
    }
    let mut response = db
        .query(UNITS)
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    let rows: Vec<Row> = response.take(0)?;
    Ok(rows
        .into_iter()
        .map(|r| Unit {
            id: key(&r.id),
            name: r.name,
            parent: r.parent.as_ref().map(key),
        })
        .collect())
}

/// The statement that writes `$rows` of `FigureInput` for `$org` by `$actor`, for use inside a
/// transaction (the figures import marks its upload applied in the same one).
pub(crate) const UPSERT_ROWS: &str = "
    FOR $row IN $rows {
        UPSERT type::record('workforce_figure', [$row.team, $row.quarter]) CONTENT {
            org: type::record('org', $org),
            team: type::record('team', $row.team),
            quarter: $row.quarter,
            in_post_fte: $row.in_post_fte,
            headcount: $row.headcount,
            vacancy_fte: $row.vacancy_fte,
            agency_fte: $row.agency_fte,
            starters_fte: $row.starters_fte,
            leavers_fte: $row.leavers_fte,
            cases: $row.cases,
            case_holding_fte: $row.case_holding_fte,
            days_lost: $row.days_lost,
            updated_by: IF $actor != NONE { type::record('person', $actor) } ELSE { NONE },
        } RETURN NONE;
    };
";

pub(crate) fn inputs(rows: &[(String, Quarter, Counts)]) -> Vec<FigureInput> {
    rows.iter()
        .map(|(team, quarter, counts)| FigureInput::new(team, *quarter, counts))
        .collect()
}

/// Writes figures for teams already checked to be the org's, all or none.
pub async fn save(
    db: &Db,
    org: &str,
    actor: Option<&str>,
    rows: &[(String, Quarter, Counts)],
) -> AppResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let response = db
        .query(format!(
            "BEGIN TRANSACTION; {UPSERT_ROWS} COMMIT TRANSACTION;"
        ))
        .bind(("org", org.to_string()))
        .bind(("actor", actor.map(str::to_string)))
        .bind(("rows", inputs(rows)))
        .await?;
    crate::db::check_thrown(response)?;
    Ok(())
}
