//! Library search as the person sees it: what they asked for (words, filters, sort, page),
//! and how highlighted text is split for display. Pure and unit-tested; the catalogue
//! counts and orders, and the store supplies the matches.

use serde::{Deserialize, Serialize};

pub const PER_PAGE: u32 = 20;
/// Longer searches are cut here: nobody types more, and it bounds the work of one search.
pub const MAX_WORDS_LEN: usize = 200;

/// The filters a search can narrow by; each takes one value at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum FacetName {
    Kind,
    Level,
    Domain,
    Criterion,
    Tag,
}

impl FacetName {
    pub const ALL: [FacetName; 5] = [
        FacetName::Kind,
        FacetName::Level,
        FacetName::Domain,
        FacetName::Criterion,
        FacetName::Tag,
    ];

    /// The query-string parameter.
    pub fn param(self) -> &'static str {
        match self {
            FacetName::Kind => "kind",
            FacetName::Level => "level",
            FacetName::Domain => "domain",
            FacetName::Criterion => "criterion",
            FacetName::Tag => "tag",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FacetName::Kind => "Kind",
            FacetName::Level => "Level",
            FacetName::Domain => "Domain",
            FacetName::Criterion => "Criterion",
            FacetName::Tag => "Tag",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sort {
    Relevance,
    Newest,
    Title,
    Useful,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::Newest, Sort::Title, Sort::Useful];

    pub fn key(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Title => "title",
            Sort::Useful => "useful",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Relevance => "Best match",
            Sort::Newest => "Newest first",
            Sort::Title => "Title A to Z",
            Sort::Useful => "Most useful",
        }
    }
}

/// A search exactly as the address bar holds it. Unknown or missing values mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub domain: String,
    #[serde(default)]
    pub criterion: String,
    #[serde(default)]
    pub tag: String,
    #[serde(default)]
    pub sort: String,
    /// Curators only: "draft", "unpublished", "retired" or "all"; others always see published.
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub page: u32,
}

impl LibraryQuery {
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> LibraryQuery {
        let text = |name: &str| get(name).map(|v| v.trim().to_string()).unwrap_or_default();
        LibraryQuery {
            q: text("q"),
            kind: text("kind"),
            level: text("level"),
            domain: text("domain"),
            criterion: text("criterion"),
            tag: text("tag"),
            sort: text("sort"),
            status: text("status"),
            page: get("page").and_then(|p| p.parse().ok()).unwrap_or(1).max(1),
        }
    }

    pub fn facet(&self, name: FacetName) -> &str {
        match name {
            FacetName::Kind => &self.kind,
            FacetName::Level => &self.level,
            FacetName::Domain => &self.domain,
            FacetName::Criterion => &self.criterion,
            FacetName::Tag => &self.tag,
        }
    }

    /// The same search with one filter set (or cleared with ""), back on page 1.
    pub fn with(&self, name: FacetName, value: &str) -> LibraryQuery {
        let mut next = self.clone();
        let slot = match name {
            FacetName::Kind => &mut next.kind,
            FacetName::Level => &mut next.level,
            FacetName::Domain => &mut next.domain,
            FacetName::Criterion => &mut next.criterion,
            FacetName::Tag => &mut next.tag,
        };
        *slot = value.to_string();
        // A criterion belongs to a domain: changing the domain drops it.
        if name == FacetName::Domain {
            next.criterion.clear();
        }
        next.page = 1;
        next
    }

    pub fn on_page(&self, page: u32) -> LibraryQuery {
        LibraryQuery {
            page,
            ..self.clone()
        }
    }

    pub fn without_filters(&self) -> LibraryQuery {
        LibraryQuery {
            q: self.q.clone(),
            sort: self.sort.clone(),
            status: self.status.clone(),
            page: 1,
            ..Default::default()
        }
    }

    pub fn has_filters(&self) -> bool {
        FacetName::ALL.iter().any(|f| !self.facet(*f).is_empty())
    }

    /// The words to search for, or none when nothing searchable was typed (only spaces or
    /// punctuation), which lists the library instead.
    pub fn words(&self) -> Option<String> {
        let words: String = self
            .q
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(MAX_WORDS_LEN)
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        words.chars().any(char::is_alphanumeric).then_some(words)
    }

    /// The sort asked for; best match when searching and newest otherwise by default, and
    /// never best match without words to match.
    pub fn sort(&self) -> Sort {
        let asked = Sort::ALL.into_iter().find(|s| s.key() == self.sort);
        match (asked, self.words().is_some()) {
            (Some(Sort::Relevance), false) | (None, false) => Sort::Newest,
            (None, true) => Sort::Relevance,
            (Some(sort), _) => sort,
        }
    }

    /// The address of this search, for links and the browser history.
    pub fn href(&self) -> String {
        let mut url = form_urlencoded::Serializer::new(String::new());
        for (name, value) in [
            ("q", self.q.as_str()),
            ("kind", &self.kind),
            ("level", &self.level),
            ("domain", &self.domain),
            ("criterion", &self.criterion),
            ("tag", &self.tag),
            ("sort", &self.sort),
            ("status", &self.status),
        ] {
            if !value.is_empty() {
                url.append_pair(name, value);
            }
        }
        if self.page > 1 {
            url.append_pair("page", &self.page.to_string());
        }
        let query = url.finish();
        if query.is_empty() {
            "/library".to_string()
        } else {
            format!("/library?{query}")
        }
    }
}

/// One piece of highlighted text: a matched word is `mark`ed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
    pub mark: bool,
}

/// The words of a text: runs of letters, or of digits, as the analyzer splits them.
pub fn words_of(text: &str) -> impl Iterator<Item = &str> {
    pieces(text)
        .filter(|(_, word)| *word)
        .map(|(piece, _)| piece)
}

/// The text cut into words and what lies between them, in order.
fn pieces(text: &str) -> impl Iterator<Item = (&str, bool)> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Letter,
        Digit,
        Other,
    }
    let class = |c: char| {
        if c.is_alphabetic() {
            Class::Letter
        } else if c.is_numeric() {
            Class::Digit
        } else {
            Class::Other
        }
    };
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let kind = class(first);
        let end = rest
            .char_indices()
            .find(|(_, c)| class(*c) != kind)
            .map_or(rest.len(), |(i, _)| i);
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some((piece, kind != Class::Other))
    })
}

/// Splits text into plain and matched pieces, marking each word `marked` says matched. The
/// text is shown as text, never as HTML, so a title can hold any characters safely.
pub fn highlight(text: &str, marked: impl Fn(&str) -> bool) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for (piece, word) in pieces(text) {
        let mark = word && marked(piece);
        match out.last_mut() {
            Some(last) if last.mark == mark => last.text.push_str(piece),
            _ => out.push(Segment {
                text: piece.to_string(),
                mark,
            }),
        }
    }
    out
}

/// Ranks hits: the database's relevance score first, then a bonus when every word appears
/// in the title (people search for what a resource is called), then the title.
pub fn title_bonus(title: &str, words: &str) -> f64 {
    let title = title.to_lowercase();
    let all = words
        .to_lowercase()
        .split_whitespace()
        .all(|w| title.contains(w));
    if all { 1.0 } else { 0.0 }
}

/// The number of pages for `total` results, at least one.
pub fn page_count(total: u32) -> u32 {
    total.div_ceil(PER_PAGE).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matched_words_are_marked_and_everything_else_kept_as_text() {
        let s = highlight("Writing <b>chronologies</b>, well", |w| w == "chronologies");
        assert_eq!(
            s,
            vec![
                Segment {
                    text: "Writing <b>".into(),
                    mark: false
                },
                Segment {
                    text: "chronologies".into(),
                    mark: true
                },
                Segment {
                    text: "</b>, well".into(),
                    mark: false
                },
            ]
        );
        assert_eq!(highlight("", |_| true), vec![]);
        // Letters and digits are separate words, as the analyzer splits them.
        assert_eq!(
            words_of("ASYE2027: social-workers’ café").collect::<Vec<_>>(),
            vec!["ASYE", "2027", "social", "workers", "café"]
        );
        let marked: Vec<bool> = highlight("court court", |w| w == "court")
            .iter()
            .map(|s| s.mark)
            .collect();
        assert_eq!(marked, vec![true, false, true]);
    }

    #[test]
    fn only_searchable_words_count_as_a_search() {
        let q = |q: &str| LibraryQuery {
            q: q.into(),
            ..Default::default()
        };
        assert_eq!(q("  ").words(), None);
        assert_eq!(q("?!").words(), None);
        assert_eq!(
            q("  court   skills ").words().as_deref(),
            Some("court skills")
        );
        assert_eq!(
            q("a\u{1}b").words().as_deref(),
            Some("a b"),
            "control characters are spaces"
        );
        assert_eq!(q(&"x".repeat(500)).words().unwrap().len(), MAX_WORDS_LEN);
    }

    #[test]
    fn best_match_needs_words_and_is_the_default_when_searching() {
        let mut q = LibraryQuery::default();
        assert_eq!(q.sort(), Sort::Newest);
        q.sort = "relevance".into();
        assert_eq!(q.sort(), Sort::Newest);
        q.q = "court".into();
        assert_eq!(q.sort(), Sort::Relevance);
        q.sort = "title".into();
        assert_eq!(q.sort(), Sort::Title);
        q.sort = "nonsense".into();
        assert_eq!(q.sort(), Sort::Relevance);
    }

    #[test]
    fn addresses_encode_words_and_changing_a_filter_goes_back_to_page_one() {
        let q = LibraryQuery {
            q: "court & care".into(),
            domain: "values".into(),
            criterion: "c1".into(),
            page: 3,
            ..Default::default()
        };
        assert_eq!(
            q.href(),
            "/library?q=court+%26+care&domain=values&criterion=c1&page=3"
        );
        let next = q.with(FacetName::Domain, "assessment");
        assert_eq!(next.page, 1);
        assert_eq!(next.criterion, "", "a criterion belongs to its domain");
        assert_eq!(LibraryQuery::default().href(), "/library");
        let parsed = LibraryQuery::from_params(|k| match k {
            "q" => Some(" court ".into()),
            "page" => Some("0".into()),
            _ => None,
        });
        assert_eq!(parsed.q, "court");
        assert_eq!(parsed.page, 1);
    }

    #[test]
    fn page_count_rounds_up_and_is_never_zero() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(20), 1);
        assert_eq!(page_count(21), 2);
    }

    #[test]
    fn a_title_holding_every_word_earns_the_bonus() {
        assert_eq!(
            title_bonus("Writing chronologies", "chronologies writing"),
            1.0
        );
        assert_eq!(title_bonus("Writing chronologies", "court"), 0.0);
    }
}
