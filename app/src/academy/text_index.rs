//! The library's words: an inverted index from each term to the resources holding it, with
//! how often it appears in each field, and BM25 ranking. The terms are what the database's
//! `library_text` analyzer makes of the text (words split on spaces, punctuation and class
//! changes, lower-cased, folded to ASCII and stemmed), so "chronologies" finds
//! "chronology". Held beside the catalogue so a search over tens of thousands of resources
//! scores every match in a millisecond or two. Pure and unit-tested.

use std::collections::HashMap;

/// Title, summary, tags and body, in that order.
pub const FIELDS: usize = 4;
/// How much a match in each field counts: a word in the title says most about a resource.
pub const WEIGHTS: [f64; FIELDS] = [1.0, 0.5, 0.75, 0.25];
/// BM25's usual parameters: how quickly repeats stop adding, and how much length matters.
const K1: f64 = 1.2;
const B: f64 = 0.75;

#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    /// Occurrences in each field, saturating.
    tf: [u8; FIELDS],
}

#[derive(Debug, Default)]
pub struct TextIndex {
    ids: HashMap<String, u32>,
    /// For each term, its postings in document order.
    postings: Vec<Vec<Posting>>,
    /// For each document, its distinct terms (to take it out again) and field lengths.
    doc_terms: Vec<Box<[u32]>>,
    doc_len: Vec<[u32; FIELDS]>,
    total_len: [u64; FIELDS],
    docs: u32,
}

/// Whether an analyzer token is a word worth indexing (punctuation comes out as tokens too).
pub fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

impl TextIndex {
    fn term_id(&mut self, term: &str) -> u32 {
        if let Some(id) = self.ids.get(term) {
            return *id;
        }
        let id = self.postings.len() as u32;
        self.ids.insert(term.to_string(), id);
        self.postings.push(Vec::new());
        id
    }

    fn remove(&mut self, doc: u32) {
        let Some(terms) = self.doc_terms.get_mut(doc as usize) else {
            return;
        };
        let terms = std::mem::take(terms);
        for term in terms.iter() {
            let list = &mut self.postings[*term as usize];
            if let Ok(at) = list.binary_search_by_key(&doc, |p| p.doc) {
                list.remove(at);
            }
        }
        let len = self.doc_len[doc as usize];
        for (total, n) in self.total_len.iter_mut().zip(len) {
            *total -= u64::from(n);
        }
        if !terms.is_empty() || len.iter().any(|n| *n > 0) {
            self.docs -= 1;
        }
        self.doc_len[doc as usize] = [0; FIELDS];
    }

    /// Sets a document's terms, field by field, replacing any it had.
    pub fn set(&mut self, doc: u32, fields: [&[String]; FIELDS]) {
        if (doc as usize) >= self.doc_terms.len() {
            self.doc_terms.resize(doc as usize + 1, Box::default());
            self.doc_len.resize(doc as usize + 1, [0; FIELDS]);
        }
        self.remove(doc);
        let mut tf: HashMap<u32, [u8; FIELDS]> = HashMap::new();
        let mut len = [0u32; FIELDS];
        for (f, terms) in fields.iter().enumerate() {
            for term in terms.iter().filter(|t| is_word(t)) {
                len[f] += 1;
                let id = self.term_id(term);
                let counts = tf.entry(id).or_insert([0; FIELDS]);
                counts[f] = counts[f].saturating_add(1);
            }
        }
        let mut terms: Vec<u32> = tf.keys().copied().collect();
        terms.sort_unstable();
        for term in &terms {
            let list = &mut self.postings[*term as usize];
            let posting = Posting { doc, tf: tf[term] };
            match list.binary_search_by_key(&doc, |p| p.doc) {
                Ok(at) => list[at] = posting,
                Err(at) => list.insert(at, posting),
            }
        }
        for (total, n) in self.total_len.iter_mut().zip(len) {
            *total += u64::from(n);
        }
        if !terms.is_empty() {
            self.docs += 1;
        }
        self.doc_len[doc as usize] = len;
        self.doc_terms[doc as usize] = terms.into_boxed_slice();
    }

    /// The documents holding every one of the terms (in any field), each with its BM25
    /// score summed over terms and weighted fields. No terms, or a term no document has,
    /// finds nothing.
    pub fn search(&self, terms: &[String]) -> Vec<(u32, f64)> {
        let mut ids: Vec<u32> = Vec::new();
        for term in terms.iter().filter(|t| is_word(t)) {
            match self.ids.get(term.as_str()) {
                Some(id) if !self.postings[*id as usize].is_empty() => {
                    if !ids.contains(id) {
                        ids.push(*id);
                    }
                }
                _ => return Vec::new(),
            }
        }
        if ids.is_empty() {
            return Vec::new();
        }
        // The rarest term first: every other is looked up in its list.
        ids.sort_by_key(|id| self.postings[*id as usize].len());
        let n = f64::from(self.docs.max(1));
        let avg: [f64; FIELDS] = std::array::from_fn(|f| (self.total_len[f] as f64 / n).max(1.0));
        let idf: Vec<f64> = ids
            .iter()
            .map(|id| {
                let df = self.postings[*id as usize].len() as f64;
                (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
            })
            .collect();
        let score = |doc: u32, tf: [u8; FIELDS], idf: f64| -> f64 {
            let len = self.doc_len[doc as usize];
            (0..FIELDS)
                .filter(|f| tf[*f] > 0)
                .map(|f| {
                    let tf = f64::from(tf[f]);
                    let norm = 1.0 - B + B * f64::from(len[f]) / avg[f];
                    WEIGHTS[f] * idf * tf * (K1 + 1.0) / (tf + K1 * norm)
                })
                .sum()
        };
        let first = &self.postings[ids[0] as usize];
        let mut found = Vec::with_capacity(first.len());
        'docs: for p in first {
            let mut total = score(p.doc, p.tf, idf[0]);
            for (k, id) in ids.iter().enumerate().skip(1) {
                let list = &self.postings[*id as usize];
                match list.binary_search_by_key(&p.doc, |q| q.doc) {
                    Ok(at) => total += score(p.doc, list[at].tf, idf[k]),
                    Err(_) => continue 'docs,
                }
            }
            found.push((p.doc, total));
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_string).collect()
    }

    fn index(docs: &[(&str, &str, &str, &str)]) -> TextIndex {
        let mut index = TextIndex::default();
        for (i, (title, summary, tags, body)) in docs.iter().enumerate() {
            let fields = [terms(title), terms(summary), terms(tags), terms(body)];
            index.set(i as u32, [&fields[0], &fields[1], &fields[2], &fields[3]]);
        }
        index
    }

    fn docs(found: &[(u32, f64)]) -> Vec<u32> {
        let mut d: Vec<u32> = found.iter().map(|(d, _)| *d).collect();
        d.sort();
        d
    }

    #[test]
    fn every_term_must_appear_in_some_field() {
        let index = index(&[
            ("court statement", "", "", "writing"),
            ("court", "", "", "a statement for the court"),
            ("court skills", "", "", "evidence"),
            ("visits", "", "", ""),
        ]);
        assert_eq!(docs(&index.search(&terms("court statement"))), vec![0, 1]);
        assert_eq!(docs(&index.search(&terms("court"))), vec![0, 1, 2]);
        assert!(index.search(&terms("court zebra")).is_empty());
        assert!(index.search(&[]).is_empty());
        // Punctuation tokens are not words, and repeats are one term.
        assert_eq!(docs(&index.search(&terms("court , court"))), vec![0, 1, 2]);
    }

    #[test]
    fn a_match_in_the_title_outranks_one_in_the_body() {
        let index = index(&[
            ("neglect", "", "", "about families"),
            ("families", "", "", "about neglect and more"),
            ("other", "", "", "unrelated"),
        ]);
        let found = index.search(&terms("neglect"));
        let score = |doc: u32| found.iter().find(|(d, _)| *d == doc).unwrap().1;
        assert!(score(0) > score(1), "{found:?}");
    }

    #[test]
    fn rarer_terms_count_for_more() {
        let index = index(&[
            ("plan", "", "", "family"),
            ("plan", "", "", "family kinship"),
            ("plan", "", "", "family"),
            ("plan", "", "", "family"),
        ]);
        let found = index.search(&terms("family kinship"));
        assert_eq!(docs(&found), vec![1]);
        let common = index.search(&terms("family"));
        let rare = index.search(&terms("kinship"));
        assert!(rare[0].1 > common[1].1);
    }

    #[test]
    fn a_document_set_again_loses_its_old_terms() {
        let mut index = index(&[("chronology", "", "", ""), ("visits", "", "", "")]);
        let new = [terms("genogram"), Vec::new(), Vec::new(), Vec::new()];
        index.set(0, [&new[0], &new[1], &new[2], &new[3]]);
        assert!(index.search(&terms("chronology")).is_empty());
        assert_eq!(docs(&index.search(&terms("genogram"))), vec![0]);
        // A document added with a gap before it, and one emptied.
        let far = [terms("visits"), Vec::new(), Vec::new(), Vec::new()];
        index.set(9, [&far[0], &far[1], &far[2], &far[3]]);
        assert_eq!(docs(&index.search(&terms("visits"))), vec![1, 9]);
        let empty: [Vec<String>; 4] = Default::default();
        index.set(1, [&empty[0], &empty[1], &empty[2], &empty[3]]);
        assert_eq!(docs(&index.search(&terms("visits"))), vec![9]);
        assert_eq!(index.docs, 2);
    }
}
