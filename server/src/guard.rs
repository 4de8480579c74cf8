//! Request guards that sit in front of every route: cross-site request refusal and
//! security headers.

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{HeaderValue, Method, StatusCode, header};

/// Refuses state-changing requests that come from another site. SameSite=Lax cookies already
/// stop most of these; this closes the gap for older browsers and same-site subdomains.
pub async fn refuse_cross_site(request: Request, next: Next) -> Response {
    if is_cross_site(&request) {
        return (StatusCode::FORBIDDEN, "Cross-site request refused.").into_response();
    }
    next.run(request).await
}

fn is_cross_site(request: &Request<Body>) -> bool {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return false;
    }
    let headers = request.headers();
    if headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|site| site.eq_ignore_ascii_case("cross-site"))
    {
        return true;
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        // Non-browser clients (and some old browsers) send no Origin; cookies are Lax.
        return false;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    match (origin.to_str().ok().and_then(origin_host), host) {
        (Some(origin_host), Some(host)) => !origin_host.eq_ignore_ascii_case(host),
        _ => true,
    }
}

/// `https://example.org:8443` -> `example.org:8443`; `null` and garbage -> None.
fn origin_host(origin: &str) -> Option<&str> {
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))?;
    let host = rest.split('/').next()?;
    (!host.is_empty()).then_some(host)
}

pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    response
}

/// A bug must never show a stack trace or drop the connection: log it, apologise plainly.
pub fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    tracing::error!(detail, "request handler panicked");
    let page = "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">\
        <title>Something went wrong – Pathway</title></head><body><main>\
        <h1>Something went wrong</h1><p>Something went wrong on our side. Please try again, \
        and tell your Pathway admin if it keeps happening.</p><p><a href=\"/\">Go to your home \
        page</a></p></main></body></html>";
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: Method, origin: Option<&str>, fetch_site: Option<&str>) -> Request<Body> {
        let mut builder = Request::builder()
            .method(method)
            .uri("/api/x")
            .header("host", "127.0.0.1:3000");
        if let Some(origin) = origin {
            builder = builder.header("origin", origin);
        }
        if let Some(site) = fetch_site {
            builder = builder.header("sec-fetch-site", site);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn same_origin_posts_pass() {
        assert!(!is_cross_site(&request(
            Method::POST,
            Some("http://127.0.0.1:3000"),
            Some("same-origin")
        )));
        assert!(!is_cross_site(&request(Method::POST, None, None)));
    }

    #[test]
    fn foreign_origins_are_refused() {
        assert!(is_cross_site(&request(
            Method::POST,
            Some("https://evil.example"),
            None
        )));
        assert!(is_cross_site(&request(Method::POST, Some("null"), None)));
        assert!(is_cross_site(&request(
            Method::POST,
            None,
            Some("cross-site")
        )));
    }

    #[tokio::test]
    async fn panics_become_a_plain_500_page_without_details() {
        let response = panic_response(Box::new("database exploded at line 42"));
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        let body = String::from_utf8_lossy(&body);
        assert!(body.contains("Something went wrong"));
        assert!(
            !body.contains("exploded"),
            "internals must not reach the browser"
        );
    }

    #[test]
    fn reads_are_never_refused() {
        assert!(!is_cross_site(&request(
            Method::GET,
            Some("https://evil.example"),
            Some("cross-site")
        )));
    }
}
