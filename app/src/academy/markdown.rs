//! A resource's body, written in plain text or Markdown, as HTML that is safe to put on the
//! page: `pulldown-cmark` renders it and `ammonia` keeps only harmless tags and attributes,
//! so a curator's paste can never run script in a practitioner's browser.

use pulldown_cmark::{Options, Parser, html};

/// Safe HTML for a body. Links open as ordinary links, with `rel="noopener noreferrer"`;
/// raw HTML in the Markdown is cleaned like everything else.
pub fn to_safe_html(body: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut rendered = String::new();
    html::push_html(&mut rendered, Parser::new_ext(body, options));
    ammonia::Builder::default()
        .url_schemes(["https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .clean(&rendered)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_headings_lists_and_emphasis() {
        let html = to_safe_html("## Why it matters\n\n- **Patterns** show\n- _harm_ over time");
        assert!(html.contains("<h2>Why it matters</h2>"), "{html}");
        assert!(
            html.contains("<li><strong>Patterns</strong> show</li>"),
            "{html}"
        );
        assert!(html.contains("<em>harm</em>"), "{html}");
    }

    #[test]
    fn script_handlers_and_unsafe_links_are_removed() {
        let html = to_safe_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) [ok](https://www.gov.uk/)",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains(r#"href="https://www.gov.uk/""#), "{html}");
        assert!(html.contains("noopener"), "{html}");
    }

    #[test]
    fn plain_text_stays_readable() {
        let html = to_safe_html("Bring your chronology.\n\nAsk about the child's day.");
        assert_eq!(
            html.trim(),
            "<p>Bring your chronology.</p>\n<p>Ask about the child's day.</p>"
        );
    }
}
