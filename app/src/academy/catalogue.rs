//! The library's catalogue: what search needs to know about every resource of one council
//! (status, kind, levels, domains, criteria, tags, where it falls in title and date order,
//! and how useful people found it), held compactly so that filter counts, ordering and
//! paging over tens of thousands of resources take a millisecond or two.
//!
//! It is a cache, never the record: the database holds every resource, and before each
//! search the store reads the rows changed since the catalogue last looked (an indexed
//! range on `changed_at`), so a change made through any server shows in the next search on
//! every server. Pure, so the counting, ordering and merging are unit-tested; the store
//! does the reading.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicI64, Ordering as Atomic};

use super::ranking::usefulness;
use super::search::{FacetName, LibraryQuery, PER_PAGE, Sort, page_count, title_bonus};
use super::text_index::{FIELDS, TextIndex};

/// How far back each refresh looks again before the database's clock at the last refresh. A
/// write's `changed_at` is taken when its transaction runs, and it may commit a moment
/// later, after a search has already looked; looking this far back again catches it on the
/// next search. Re-reading a row is harmless: a row is applied only if it is newer.
pub const LOOK_BACK_NANOS: i64 = 30 * 1_000_000_000;

/// One resource as the database gives it to the catalogue.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CatalogueRow {
    pub key: String,
    pub status: String,
    pub kind: String,
    pub levels: Vec<String>,
    pub domains: Vec<String>,
    pub criteria: Vec<String>,
    pub tags: Vec<String>,
    pub sort_title: String,
    /// When it was published (or last edited, if never), in seconds: "newest first".
    pub newest: i64,
    /// When the row last changed, in nanoseconds.
    pub changed: i64,
    /// The analyzer's terms of the title, summary, tags and body.
    pub terms: [Vec<String>; FIELDS],
}

/// A resource's "was this useful?" counts as the database gives them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatRow {
    pub key: String,
    pub useful_yes: u32,
    pub useful_no: u32,
    pub changed: i64,
}

#[derive(Debug, Clone)]
struct Entry {
    key: String,
    status: String,
    /// Facet values, as numbers from the catalogue's table of values.
    kind: u32,
    levels: Box<[u32]>,
    domains: Box<[u32]>,
    criteria: Box<[u32]>,
    tags: Box<[u32]>,
    sort_title: String,
    newest: i64,
    changed: i64,
    useful_yes: u32,
    useful_no: u32,
    stat_changed: i64,
}

impl Entry {
    fn values(&self, name: FacetName) -> &[u32] {
        match name {
            FacetName::Kind => std::slice::from_ref(&self.kind),
            FacetName::Level => &self.levels,
            FacetName::Domain => &self.domains,
            FacetName::Criterion => &self.criteria,
            FacetName::Tag => &self.tags,
        }
    }
}

/// A filter as numbers: any value, one value, or a value no resource has.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Chosen {
    Any,
    Value(u32),
    Unknown,
}

/// What one search found: how many, the page's resources in order, and the filter counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    pub total: u32,
    /// The page shown: the one asked for, brought within the pages there are.
    pub page: u32,
    pub keys: Vec<String>,
    /// For each filter, how many results each value would give. A filter's own choice is
    /// left out of its counts, so people see what switching would give; the others apply.
    pub counts: BTreeMap<FacetName, BTreeMap<String, u32>>,
    /// Results written for no particular level, which every level's count includes: they
    /// are found whichever level is chosen.
    pub for_every_level: u32,
}

#[derive(Debug, Default)]
pub struct Catalogue {
    values: Vec<String>,
    lookup: HashMap<String, u32>,
    entries: Vec<Entry>,
    by_key: HashMap<String, usize>,
    /// Counts that arrived before their resource (they are written in one transaction, but
    /// a refresh may see one just before the other).
    early_stats: HashMap<String, StatRow>,
    /// The database's clock (nanoseconds) when resources, and counts, were last read; 0
    /// before the first load. Moved forward under a read lock, so a search that finds
    /// nothing new never waits for the write lock.
    synced: AtomicI64,
    stats_synced: AtomicI64,
    /// Each entry's place in title order and in "newest first" order, worked out again
    /// after titles or dates change.
    title_rank: Vec<u32>,
    newest_rank: Vec<u32>,
    ranks_stale: bool,
    /// The words of every resource, by entry.
    text: TextIndex,
}

impl Catalogue {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether the catalogue has been loaded at least once.
    pub fn loaded(&self) -> bool {
        self.synced.load(Atomic::Acquire) != 0
    }

    fn since(clock: &AtomicI64) -> Option<i64> {
        match clock.load(Atomic::Acquire) {
            0 => None,
            at => Some(at.saturating_sub(LOOK_BACK_NANOS)),
        }
    }

    /// Resource rows changed at or after this instant (nanoseconds) are needed next; none
    /// means everything, for the first load.
    pub fn resources_since(&self) -> Option<i64> {
        Self::since(&self.synced)
    }

    pub fn stats_since(&self) -> Option<i64> {
        Self::since(&self.stats_synced)
    }

    /// Records that everything up to the database's clock `now` has been read.
    pub fn advance(&self, now: i64) {
        self.synced.fetch_max(now, Atomic::AcqRel);
        self.stats_synced.fetch_max(now, Atomic::AcqRel);
    }

    /// Of resources the database says changed (key and when), those newer than what the
    /// catalogue holds: only these need reading in full.
    pub fn newer<'a>(&self, changed: &'a [(String, i64)]) -> Vec<&'a str> {
        changed
            .iter()
            .filter(|(key, at)| match self.by_key.get(key) {
                Some(&i) => self.entries[i].changed < *at,
                None => true,
            })
            .map(|(key, _)| key.as_str())
            .collect()
    }

    /// Whether any of these counts is newer than what the catalogue holds.
    pub fn newer_stats(&self, stats: &[StatRow]) -> bool {
        stats.iter().any(|s| match self.by_key.get(&s.key) {
            Some(&i) => self.entries[i].stat_changed < s.changed,
            None => self
                .early_stats
                .get(&s.key)
                .is_none_or(|e| e.changed < s.changed),
        })
    }

    fn intern(&mut self, value: &str) -> u32 {
        if let Some(n) = self.lookup.get(value) {
            return *n;
        }
        let n = self.values.len() as u32;
        self.values.push(value.to_string());
        self.lookup.insert(value.to_string(), n);
        n
    }

    fn intern_all(&mut self, values: &[String]) -> Box<[u32]> {
        let mut out: Vec<u32> = values.iter().map(|v| self.intern(v)).collect();
        out.sort_unstable();
        out.dedup();
        out.into_boxed_slice()
    }

    /// Takes in resource rows read from the database when its clock said `now`. A row older
    /// than what the catalogue already holds for that resource is ignored, so rows may be
    /// read twice or out of order.
    pub fn apply(&mut self, rows: Vec<CatalogueRow>, now: i64) {
        for row in rows {
            if let Some(&i) = self.by_key.get(&row.key)
                && self.entries[i].changed > row.changed
            {
                continue;
            }
            let at = self
                .by_key
                .get(&row.key)
                .copied()
                .unwrap_or(self.entries.len());
            let [title, summary, tags, body] = &row.terms;
            self.text.set(at as u32, [title, summary, tags, body]);
            let entry = Entry {
                kind: self.intern(&row.kind),
                levels: self.intern_all(&row.levels),
                domains: self.intern_all(&row.domains),
                criteria: self.intern_all(&row.criteria),
                tags: self.intern_all(&row.tags),
                status: row.status,
                sort_title: row.sort_title,
                newest: row.newest,
                changed: row.changed,
                useful_yes: 0,
                useful_no: 0,
                stat_changed: i64::MIN,
                key: row.key,
            };
            match self.by_key.get(&entry.key) {
                Some(&i) => {
                    let old = &mut self.entries[i];
                    if old.sort_title != entry.sort_title || old.newest != entry.newest {
                        self.ranks_stale = true;
                    }
                    let (yes, no, stat_changed) = (old.useful_yes, old.useful_no, old.stat_changed);
                    *old = Entry {
                        useful_yes: yes,
                        useful_no: no,
                        stat_changed,
                        ..entry
                    };
                }
                None => {
                    let i = self.entries.len();
                    self.by_key.insert(entry.key.clone(), i);
                    self.entries.push(entry);
                    self.ranks_stale = true;
                    if let Some(stat) = self.early_stats.remove(&self.entries[i].key) {
                        self.apply_stat(stat);
                    }
                }
            }
        }
        self.synced.fetch_max(now, Atomic::AcqRel);
        self.refresh_ranks();
    }

    fn apply_stat(&mut self, stat: StatRow) {
        match self.by_key.get(&stat.key) {
            Some(&i) => {
                let entry = &mut self.entries[i];
                if entry.stat_changed <= stat.changed {
                    entry.useful_yes = stat.useful_yes;
                    entry.useful_no = stat.useful_no;
                    entry.stat_changed = stat.changed;
                }
            }
            None => {
                let keep = self
                    .early_stats
                    .get(&stat.key)
                    .is_none_or(|s| s.changed <= stat.changed);
                if keep {
                    self.early_stats.insert(stat.key.clone(), stat);
                }
            }
        }
    }

    /// Takes in usefulness counts read from the database, as `apply` does resources.
    pub fn apply_stats(&mut self, rows: Vec<StatRow>, now: i64) {
        for row in rows {
            self.apply_stat(row);
        }
        self.stats_synced.fetch_max(now, Atomic::AcqRel);
    }

    fn refresh_ranks(&mut self) {
        if !self.ranks_stale && self.title_rank.len() == self.entries.len() {
            return;
        }
        let n = self.entries.len();
        let mut order: Vec<usize> = (0..n).collect();
        let entries = &self.entries;
        order.sort_unstable_by(|&a, &b| {
            let (a, b) = (&entries[a], &entries[b]);
            a.sort_title
                .cmp(&b.sort_title)
                .then_with(|| a.key.cmp(&b.key))
        });
        let mut title_rank = vec![0u32; n];
        for (rank, &i) in order.iter().enumerate() {
            title_rank[i] = rank as u32;
        }
        order.sort_unstable_by(|&a, &b| {
            entries[b]
                .newest
                .cmp(&entries[a].newest)
                .then_with(|| title_rank[a].cmp(&title_rank[b]))
        });
        let mut newest_rank = vec![0u32; n];
        for (rank, &i) in order.iter().enumerate() {
            newest_rank[i] = rank as u32;
        }
        self.title_rank = title_rank;
        self.newest_rank = newest_rank;
        self.ranks_stale = false;
    }

    fn chosen(&self, query: &LibraryQuery, name: FacetName) -> Chosen {
        match query.facet(name) {
            "" => Chosen::Any,
            value => self
                .lookup
                .get(value)
                .map_or(Chosen::Unknown, |n| Chosen::Value(*n)),
        }
    }

    /// The tags most used among resources the viewer may see, most used first: what to
    /// suggest when a search finds nothing.
    pub fn popular_tags(&self, statuses: &[String], n: usize) -> Vec<String> {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for entry in self.entries.iter().filter(|e| statuses.contains(&e.status)) {
            for tag in entry.tags.iter() {
                *counts.entry(*tag).or_default() += 1;
            }
        }
        let mut counts: Vec<(&str, u32)> = counts
            .into_iter()
            .map(|(t, n)| (self.values[t as usize].as_str(), n))
            .collect();
        counts.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        counts
            .into_iter()
            .take(n)
            .map(|(t, _)| t.to_string())
            .collect()
    }

    /// Searches the catalogue. `terms` are the analyzer's terms of the words asked for, or
    /// none to list the whole library; `statuses` are the ones the viewer may see.
    pub fn find(
        &self,
        query: &LibraryQuery,
        statuses: &[String],
        terms: Option<&[String]>,
    ) -> Found {
        let chosen: Vec<(FacetName, Chosen)> = FacetName::ALL
            .iter()
            .map(|&name| (name, self.chosen(query, name)))
            .collect();
        // Counts by value number: the values are few, so a slot for each is cheapest.
        let mut counts: Vec<Vec<u32>> = vec![vec![0; self.values.len()]; FacetName::ALL.len()];
        let mut matched: Vec<(usize, f64)> = Vec::new();
        let mut everyone = 0u32;
        let mut consider = |i: usize, score: f64, matched: &mut Vec<(usize, f64)>| {
            let entry = &self.entries[i];
            if !statuses.contains(&entry.status) {
                return;
            }
            // One bit for each filter the entry fails.
            let mut fails = 0u32;
            for (bit, (name, want)) in chosen.iter().enumerate() {
                let passes = match want {
                    Chosen::Any => true,
                    // A resource for no particular level is for everyone.
                    _ if *name == FacetName::Level && entry.levels.is_empty() => true,
                    Chosen::Unknown => false,
                    Chosen::Value(v) => entry.values(*name).binary_search(v).is_ok(),
                };
                if !passes {
                    fails |= 1 << bit;
                }
            }
            match fails.count_ones() {
                0 => {
                    matched.push((i, score));
                    if entry.levels.is_empty() {
                        everyone += 1;
                    }
                    for (bit, name) in FacetName::ALL.iter().enumerate() {
                        for v in entry.values(*name) {
                            counts[bit][*v as usize] += 1;
                        }
                    }
                }
                1 => {
                    let bit = fails.trailing_zeros() as usize;
                    for v in entry.values(FacetName::ALL[bit]) {
                        counts[bit][*v as usize] += 1;
                    }
                }
                _ => {}
            }
        };
        match terms {
            Some(terms) => {
                for (doc, score) in self.text.search(terms) {
                    consider(doc as usize, score, &mut matched);
                }
            }
            None => {
                for i in 0..self.entries.len() {
                    consider(i, 0.0, &mut matched);
                }
            }
        }

        let sort = query.sort();
        if sort == Sort::Relevance {
            let words = query.words().unwrap_or_default();
            for (i, score) in matched.iter_mut() {
                *score += title_bonus(&self.entries[*i].sort_title, &words);
            }
        }
        if sort == Sort::Useful {
            for (i, score) in matched.iter_mut() {
                let e = &self.entries[*i];
                // Among equally useful, more answers first.
                *score = usefulness(e.useful_yes, e.useful_no) + f64::from(e.useful_yes) * 1e-6;
            }
        }
        let title_rank = &self.title_rank;
        let newest_rank = &self.newest_rank;
        let order = |a: &(usize, f64), b: &(usize, f64)| -> Ordering {
            match sort {
                Sort::Relevance | Sort::Useful => {
                    b.1.total_cmp(&a.1)
                        .then_with(|| title_rank[a.0].cmp(&title_rank[b.0]))
                }
                Sort::Newest => newest_rank[a.0].cmp(&newest_rank[b.0]),
                Sort::Title => title_rank[a.0].cmp(&title_rank[b.0]),
            }
        };

        let total = matched.len() as u32;
        let page = query.page.clamp(1, page_count(total));
        let start = ((page - 1) * PER_PAGE) as usize;
        let end = (start + PER_PAGE as usize).min(matched.len());
        // Only the pages up to this one need ordering, and only this one in full.
        if end < matched.len() {
            matched.select_nth_unstable_by(end, order);
            matched.truncate(end);
        }
        if start > 0 && start < matched.len() {
            matched.select_nth_unstable_by(start, order);
        }
        let mut shown: Vec<(usize, f64)> = matched.get(start..end).unwrap_or_default().to_vec();
        shown.sort_unstable_by(order);

        let counts = FacetName::ALL
            .iter()
            .zip(counts)
            .map(|(name, found)| {
                let named = found
                    .into_iter()
                    .enumerate()
                    .filter(|(_, n)| *n > 0)
                    .map(|(v, n)| (self.values[v].clone(), n))
                    .collect();
                (*name, named)
            })
            .collect();
        Found {
            total,
            page,
            keys: shown
                .into_iter()
                .map(|(i, _)| self.entries[i].key.clone())
                .collect(),
            counts,
            for_every_level: everyone,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    fn row(
        key: &str,
        kind: &str,
        levels: &[&str],
        domains: &[&str],
        tags: &[&str],
    ) -> CatalogueRow {
        CatalogueRow {
            key: key.into(),
            status: "published".into(),
            kind: kind.into(),
            levels: s(levels),
            domains: s(domains),
            criteria: Vec::new(),
            tags: s(tags),
            sort_title: key.into(),
            newest: 0,
            changed: 1,
            terms: [
                vec![key.to_string()],
                Vec::new(),
                tags.iter().map(|t| t.to_string()).collect(),
                Vec::new(),
            ],
        }
    }

    fn catalogue() -> Catalogue {
        let mut c = Catalogue::default();
        c.apply(
            vec![
                row("a", "guide", &["nqsw"], &["values"], &["court"]),
                row(
                    "b",
                    "guide",
                    &["social_worker"],
                    &["values"],
                    &["court", "writing"],
                ),
                row("c", "video", &[], &["assessment"], &["neglect"]),
                row("d", "tool", &["nqsw"], &["assessment"], &[]),
            ],
            10,
        );
        c
    }

    fn published() -> Vec<String> {
        s(&["published"])
    }

    fn query(f: impl FnOnce(&mut LibraryQuery)) -> LibraryQuery {
        let mut q = LibraryQuery {
            page: 1,
            sort: "title".into(),
            ..Default::default()
        };
        f(&mut q);
        q
    }

    #[test]
    fn counts_leave_out_their_own_filter_but_apply_the_others() {
        let found = catalogue().find(&query(|q| q.kind = "guide".into()), &published(), None);
        assert_eq!(found.keys, s(&["a", "b"]));
        let kinds = &found.counts[&FacetName::Kind];
        // Kind counts ignore the kind filter: switching to video would give one.
        assert_eq!(kinds["guide"], 2);
        assert_eq!(kinds["video"], 1);
        assert_eq!(kinds["tool"], 1);
        // Tag counts apply it: only guides count.
        assert_eq!(found.counts[&FacetName::Tag]["court"], 2);
        assert_eq!(found.counts[&FacetName::Tag].get("neglect"), None);
    }

    #[test]
    fn a_resource_for_everyone_passes_any_level_filter_and_counts_for_every_level() {
        let found = catalogue().find(
            &query(|q| q.level = "senior_social_worker".into()),
            &published(),
            None,
        );
        assert_eq!(found.keys, s(&["c"]));
        let all = catalogue().find(&query(|_| {}), &published(), None);
        assert_eq!(all.for_every_level, 1);
        assert_eq!(all.counts[&FacetName::Level]["nqsw"], 2);
        // Other filters apply to it: no video is for everyone among guides.
        let guides = catalogue().find(&query(|q| q.kind = "guide".into()), &published(), None);
        assert_eq!(guides.for_every_level, 0);
    }

    #[test]
    fn several_filters_narrow_together_and_unknown_values_match_nothing() {
        let c = catalogue();
        let found = c.find(
            &query(|q| {
                q.level = "nqsw".into();
                q.domain = "assessment".into();
            }),
            &published(),
            None,
        );
        assert_eq!(found.keys, s(&["c", "d"]));
        let found = c.find(&query(|q| q.tag = "nowhere".into()), &published(), None);
        assert_eq!(found.total, 0);
        assert_eq!(found.page, 1);
        // Every other filter still counts what the unknown tag would be switched for.
        assert_eq!(found.counts[&FacetName::Tag]["court"], 2);
    }

    #[test]
    fn only_the_statuses_the_viewer_may_see_are_found() {
        let mut c = catalogue();
        let mut draft = row("e", "guide", &[], &[], &[]);
        draft.status = "draft".into();
        c.apply(vec![draft], 20);
        assert_eq!(c.find(&query(|_| {}), &published(), None).total, 4);
        let curator = s(&["draft", "published"]);
        assert_eq!(c.find(&query(|_| {}), &curator, None).total, 5);
    }

    #[test]
    fn a_newer_row_replaces_an_older_one_and_an_older_row_is_ignored() {
        let mut c = catalogue();
        let mut retired = row("a", "guide", &["nqsw"], &["values"], &["court"]);
        retired.status = "retired".into();
        retired.changed = 5;
        c.apply(vec![retired.clone()], 30);
        assert_eq!(c.find(&query(|_| {}), &published(), None).total, 3);
        // The same row read again after an older one: still the newer.
        let mut stale = retired.clone();
        stale.status = "published".into();
        stale.changed = 2;
        c.apply(vec![stale, retired], 30);
        assert_eq!(c.find(&query(|_| {}), &published(), None).total, 3);
        assert_eq!(c.len(), 4);
    }

    #[test]
    fn refreshes_look_back_from_the_database_clock_and_skip_what_is_known() {
        const S: i64 = 1_000_000_000;
        let mut c = Catalogue::default();
        assert_eq!(c.resources_since(), None, "the first load reads everything");
        assert!(!c.loaded());
        let mut r = row("x", "guide", &[], &[], &[]);
        r.changed = 900 * S;
        c.apply(vec![r.clone()], 1_000 * S);
        c.apply_stats(Vec::new(), 1_000 * S);
        assert!(c.loaded());
        assert_eq!(c.resources_since(), Some(1_000 * S - LOOK_BACK_NANOS));
        // A later search that reads nothing new only moves the clock on.
        assert!(c.newer(&[("x".to_string(), 900 * S)]).is_empty());
        c.advance(2_000 * S);
        assert_eq!(c.resources_since(), Some(2_000 * S - LOOK_BACK_NANOS));
        assert_eq!(c.stats_since(), Some(2_000 * S - LOOK_BACK_NANOS));
        // The clock never goes back.
        c.advance(10 * S);
        assert_eq!(c.resources_since(), Some(2_000 * S - LOOK_BACK_NANOS));
        // A newer version of the row, an unknown row or newer counts are news.
        let changed = [
            ("x".to_string(), 1_990 * S),
            ("y".to_string(), 1),
            ("x".to_string(), 5),
        ];
        assert_eq!(c.newer(&changed), vec!["x", "y"]);
        let stat = StatRow {
            key: "x".into(),
            useful_yes: 1,
            useful_no: 0,
            changed: 5,
        };
        assert!(c.newer_stats(std::slice::from_ref(&stat)));
        c.apply_stats(vec![stat.clone()], 2_000 * S);
        assert!(!c.newer_stats(&[stat]));
    }

    #[test]
    fn orders_by_title_newest_usefulness_and_relevance() {
        let mut c = Catalogue::default();
        let mut rows = Vec::new();
        for (key, title, newest) in [("k1", "b", 3), ("k2", "a", 1), ("k3", "c", 2)] {
            let mut r = row(key, "guide", &[], &[], &[]);
            r.sort_title = title.into();
            r.newest = newest;
            rows.push(r);
        }
        c.apply(rows, 0);
        let keys = |c: &mut Catalogue, sort: &str, text: Option<&[String]>| {
            c.find(&query(|q| q.sort = sort.into()), &published(), text)
                .keys
        };
        assert_eq!(keys(&mut c, "title", None), s(&["k2", "k1", "k3"]));
        assert_eq!(keys(&mut c, "newest", None), s(&["k1", "k3", "k2"]));
        c.apply_stats(
            vec![
                StatRow {
                    key: "k3".into(),
                    useful_yes: 9,
                    useful_no: 0,
                    changed: 1,
                },
                StatRow {
                    key: "k2".into(),
                    useful_yes: 0,
                    useful_no: 5,
                    changed: 1,
                },
            ],
            0,
        );
        assert_eq!(keys(&mut c, "useful", None), s(&["k3", "k1", "k2"]));
        // Words: k1 has "court" in its title, k3 only among its tags.
        let mut k1 = row("k1", "guide", &[], &[], &[]);
        k1.sort_title = "b".into();
        k1.newest = 3;
        k1.changed = 2;
        k1.terms[0] = s(&["court", "skill"]);
        let mut k3 = row("k3", "guide", &[], &[], &["court"]);
        k3.sort_title = "c".into();
        k3.newest = 2;
        k3.changed = 2;
        c.apply(vec![k1, k3], 0);
        let found = c.find(
            &query(|q| {
                q.q = "court".into();
                q.sort = "relevance".into();
            }),
            &published(),
            Some(&s(&["court"])),
        );
        assert_eq!(found.keys, s(&["k1", "k3"]), "the title match first");
        assert!(
            c.find(&query(|_| {}), &published(), Some(&s(&["zebra"])))
                .keys
                .is_empty()
        );
        // A title change moves it in title order.
        let mut renamed = row("k3", "guide", &[], &[], &[]);
        renamed.sort_title = "0 first".into();
        renamed.changed = 9;
        renamed.newest = 2;
        c.apply(vec![renamed], 0);
        assert_eq!(keys(&mut c, "title", None), s(&["k3", "k2", "k1"]));
        // Its counts were kept through the change.
        assert_eq!(keys(&mut c, "useful", None)[0], "k3");
    }

    #[test]
    fn counts_that_arrive_before_their_resource_are_kept_for_it() {
        let mut c = Catalogue::default();
        c.apply_stats(
            vec![StatRow {
                key: "late".into(),
                useful_yes: 3,
                useful_no: 0,
                changed: 1,
            }],
            0,
        );
        c.apply(
            vec![
                row("late", "guide", &[], &[], &[]),
                row("other", "guide", &[], &[], &[]),
            ],
            0,
        );
        let found = c.find(&query(|q| q.sort = "useful".into()), &published(), None);
        assert_eq!(found.keys[0], "late");
    }

    #[test]
    fn popular_tags_count_only_what_the_viewer_may_see() {
        let mut c = catalogue();
        let mut draft = row("e", "guide", &[], &[], &["neglect", "neglect", "secret"]);
        draft.status = "draft".into();
        c.apply(vec![draft], 20);
        assert_eq!(c.popular_tags(&published(), 2), s(&["court", "neglect"]));
        assert!(
            !c.popular_tags(&published(), 10)
                .contains(&"secret".to_string())
        );
    }

    #[test]
    fn pages_are_cut_after_ordering_and_a_page_past_the_end_shows_the_last() {
        let mut c = Catalogue::default();
        let rows: Vec<CatalogueRow> = (0..45)
            .map(|i| {
                let mut r = row(&format!("r{i:02}"), "guide", &[], &[], &[]);
                // Titles in the opposite order to the keys, so order is not insertion order.
                r.sort_title = format!("t{:02}", 44 - i);
                r
            })
            .collect();
        c.apply(rows, 0);
        let page = |c: &mut Catalogue, n: u32| {
            c.find(
                &query(|q| {
                    q.page = n;
                }),
                &published(),
                None,
            )
        };
        let first = page(&mut c, 1);
        assert_eq!(first.total, 45);
        assert_eq!(first.keys.len(), 20);
        assert_eq!(first.keys[0], "r44");
        assert_eq!(first.keys[19], "r25");
        let second = page(&mut c, 2);
        assert_eq!(second.keys[0], "r24");
        let last = page(&mut c, 9);
        assert_eq!(last.page, 3);
        assert_eq!(last.keys, s(&["r04", "r03", "r02", "r01", "r00"]));
    }
}
