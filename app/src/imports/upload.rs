//! The upload itself (server only): a plain multipart form post, so it works before the
//! wasm loads. The file is kept and the admin is sent to its dry run; nothing else changes.

use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::api::server::permission;
use super::model::{ImportKind, columns};
use super::store;
use super::table::{MAX_BYTES, decode};
use crate::error::AppError;
use crate::export::{download, error_response, viewer};
use crate::state::AppState;

/// Room for the form's other fields and the multipart boundaries around the largest file.
pub fn body_limit() -> DefaultBodyLimit {
    DefaultBodyLimit::max(MAX_BYTES + 64 * 1024)
}

fn back(problem: &str) -> Response {
    Redirect::to(&format!("/admin/imports?problem={problem}")).into_response()
}

/// Only the last part of a name a browser sends, and nothing that could break a header.
fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let kept: String = base
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ' | '(' | ')'))
        .take(120)
        .collect();
    if kept.trim().is_empty() {
        "upload.csv".into()
    } else {
        kept.trim().to_string()
    }
}

pub async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    match receive(&state, &headers, multipart).await {
        Ok(response) => response,
        Err(AppError::Unauthenticated) => {
            Redirect::to("/login?next=/admin/imports").into_response()
        }
        Err(error) => error_response(error),
    }
}

async fn receive(
    state: &AppState,
    headers: &HeaderMap,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let viewer = viewer(state, headers).await?;
    let mut kind = None;
    let mut file: Option<(String, Vec<u8>)> = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            // A body over the limit, or a broken form, ends here rather than as a 500.
            Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Ok(back("too_large"));
            }
            Err(_) => return Ok(back("unreadable")),
        };
        match field.name() {
            Some("kind") => {
                kind = field
                    .text()
                    .await
                    .ok()
                    .and_then(|k| ImportKind::from_key(k.trim()))
            }
            Some("file") => {
                let name = clean_name(field.file_name().unwrap_or("upload.csv"));
                match field.bytes().await {
                    Ok(bytes) => file = Some((name, bytes.to_vec())),
                    Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                        return Ok(back("too_large"));
                    }
                    Err(_) => return Ok(back("unreadable")),
                }
            }
            _ => {}
        }
    }
    let Some(kind) = kind else {
        return Ok(back("no_kind"));
    };
    viewer.require(permission(kind))?;
    let Some((name, bytes)) = file.filter(|(_, bytes)| !bytes.is_empty()) else {
        return Ok(back(&format!("no_file&kind={}", kind.key())));
    };
    let (content, problem) = match decode(&bytes) {
        Ok(text) => (text, None),
        Err(problem) => (String::new(), Some(problem)),
    };
    let id = store::create(
        &state.db,
        &viewer.org_id,
        &viewer.id,
        kind,
        &name,
        content,
        problem,
    )
    .await?;
    Ok(Redirect::to(&format!("/admin/imports/{id}")).into_response())
}

/// A file with the header row and one example row, to fill in.
pub async fn template(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(name): Path<String>,
) -> Response {
    let kind = match name.as_str() {
        "staff.csv" => ImportKind::Staff,
        "figures.csv" => ImportKind::Figures,
        _ => return error_response(AppError::NotFound),
    };
    let allowed = match viewer(&state, &headers).await {
        Ok(viewer) => viewer.require(permission(kind)),
        Err(error) => Err(error),
    };
    if let Err(error) = allowed {
        return error_response(error);
    }
    let header: Vec<&str> = columns(kind).iter().map(|(name, ..)| *name).collect();
    let example: Vec<String> = match kind {
        ImportKind::Staff => vec![
            "amira.khan@council.gov.uk",
            "Amira Khan",
            "social_worker",
            "practitioner",
            "Locality North",
            "daniel.okafor@council.gov.uk",
            "Social Worker",
            "2024-09-02",
            "SW123456",
        ],
        ImportKind::Figures => vec![
            "Locality North",
            "2026-Q3",
            "14.6",
            "16",
            "2.4",
            "1.2",
            "1",
            "0.8",
            "190",
            "13.2",
            "28.5",
        ],
    }
    .into_iter()
    .map(str::to_string)
    .collect();
    match crate::export::to_csv(&header, vec![example]) {
        Ok(body) => {
            let mut response = download(format!("pathway-{}-template.csv", kind.key()), body);
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(error) => error_response(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_from_browsers_are_made_safe() {
        assert_eq!(
            clean_name("C:\\Users\\sam\\staff list.csv"),
            "staff list.csv"
        );
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("a\"b\r\n.csv"), "ab.csv");
        assert_eq!(clean_name(""), "upload.csv");
    }
}
