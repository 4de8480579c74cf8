//! What the academy's pages receive from the server: search results, a resource, the
//! curator's board, learning paths, events and bookings.

use serde::{Deserialize, Serialize};

use super::resource::{Freshness, ResourceForm};
use super::search::{FacetName, LibraryQuery, Segment};

/// A (key, label) pair for things shown by name and linked by key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceHit {
    pub id: String,
    pub title: Vec<Segment>,
    pub summary: Vec<Segment>,
    pub kind: Named,
    pub levels: Vec<Named>,
    pub tags: Vec<String>,
    /// Shown to curators when it is not published.
    pub status: String,
    pub external: bool,
    pub bookmarked: bool,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacetValue {
    pub value: String,
    pub label: String,
    pub count: u32,
    pub selected: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facet {
    pub name: FacetName,
    pub values: Vec<FacetValue>,
    /// Values left off the list (the long tail of tags).
    pub more: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub query: LibraryQuery,
    pub words: Option<String>,
    pub sort: String,
    pub hits: Vec<ResourceHit>,
    pub total: u32,
    pub page: u32,
    pub page_count: u32,
    pub facets: Vec<Facet>,
    /// What to try when nothing matched: popular tags.
    pub suggestions: Vec<String>,
    pub can_curate: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionRef {
    pub lineage: String,
    pub statement: String,
    pub domain: Named,
    pub level: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    pub useful: bool,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceDetail {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Sanitised when saved: safe to set as HTML.
    pub body_html: String,
    pub link: Option<String>,
    pub kind: Named,
    pub levels: Vec<Named>,
    pub tags: Vec<String>,
    pub criteria: Vec<CriterionRef>,
    pub status: String,
    pub curator: Option<String>,
    pub review_by: String,
    pub freshness: Freshness,
    pub edited_on: String,
    pub bookmarked: bool,
    pub done_on: Option<String>,
    pub feedback: Option<Feedback>,
    pub useful_yes: u32,
    pub useful_no: u32,
    pub can_curate: bool,
    /// The form as it would be posted, for the curator's edit page.
    pub form: ResourceForm,
    /// Where the curator may move it next.
    pub next_statuses: Vec<Named>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardRow {
    pub id: String,
    pub title: String,
    pub status: String,
    /// What the list is about: "due 3 Dec 2026", "41 opened, 12 done", "2 of 9 found it useful".
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedbackComment {
    pub resource_id: String,
    pub resource_title: String,
    pub useful: bool,
    pub comment: String,
    pub at: String,
}

/// The curator's view of the library.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CuratorBoard {
    pub counts: Vec<(String, u32)>,
    pub needs_review: Vec<BoardRow>,
    pub drafts: Vec<BoardRow>,
    pub most_used: Vec<BoardRow>,
    pub least_useful: Vec<BoardRow>,
    pub never_opened: Vec<BoardRow>,
    pub comments: Vec<FeedbackComment>,
}

/// What the curator's form offers to choose from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FormChoices {
    pub levels: Vec<Named>,
    pub criteria: Vec<CriterionRef>,
}

/// A recommended resource and why it is recommended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub kind: Named,
    /// The outstanding criteria it helps with, as statements.
    pub because: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathStep {
    pub href: String,
    pub title: String,
    /// "Guide", "Live event" and so on.
    pub kind: String,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathView {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Who it is for, in words: "Newly qualified social workers", "Supervisors".
    pub audience: String,
    pub steps: Vec<PathStep>,
    pub done: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: String,
    /// "Tuesday 1 December 2026, 09:30 to 12:30" in UK time.
    pub when: String,
    pub date: String,
    pub place: String,
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventSummary {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub facilitator: String,
    pub first: String,
    pub sessions: u32,
    pub place: String,
    pub online: bool,
    pub capacity: u32,
    pub seats: u32,
    pub waiting: u32,
    pub audience: String,
    pub needs_approval: bool,
    pub past: bool,
    pub cancelled: bool,
    /// The viewer's booking status, if any.
    pub my_status: Option<String>,
}

impl EventSummary {
    pub fn places_left(&self) -> u32 {
        super::booking::free_seats(self.capacity, self.seats)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attendee {
    pub booking: String,
    pub person: String,
    pub name: String,
    pub team: String,
    pub status: String,
    pub attended: Option<bool>,
    pub position: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyBooking {
    pub status: String,
    /// Place in the waitlist, 1 being next.
    pub position: Option<u32>,
    pub attended: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDetail {
    pub event: EventSummary,
    pub sessions: Vec<SessionView>,
    pub criteria: Vec<CriterionRef>,
    pub booking: Option<MyBooking>,
    /// Whether the viewer is in the audience and the event is still to come.
    pub can_book: bool,
    /// Learning leads change or cancel an event until it starts.
    pub can_edit: bool,
    /// ... and cancel it until it ends.
    pub can_cancel: bool,
    pub why_not: Option<String>,
    /// Learning leads and the facilitator see the list and mark attendance.
    pub can_manage: bool,
    pub attendees: Vec<Attendee>,
    pub started: bool,
}

/// The viewer's bookings, for "my bookings" and their learning record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookingRow {
    pub booking: String,
    pub event_id: String,
    pub title: String,
    pub first: String,
    pub status: String,
    pub position: Option<u32>,
    pub attended: Option<bool>,
    pub past: bool,
}

/// A booking waiting for the viewer's approval as line manager.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApprovalRow {
    pub booking: String,
    pub event_id: String,
    pub event_title: String,
    pub first: String,
    pub person_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventsPage {
    pub upcoming: Vec<EventSummary>,
    pub mine: Vec<BookingRow>,
    pub approvals: Vec<ApprovalRow>,
    pub can_curate: bool,
}

/// The learner's hub: what to do next, their paths, bookmarks, completions and events.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MyLearning {
    pub next_level: Option<String>,
    pub recommended: Vec<Recommendation>,
    pub paths: Vec<PathView>,
    pub bookmarks: Vec<Named>,
    pub done: Vec<(Named, String)>,
    pub bookings: Vec<BookingRow>,
}

/// A learning path as the learning lead's list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathListRow {
    pub id: String,
    pub title: String,
    pub audience: String,
    pub steps: u32,
    pub active: bool,
}

/// One step of a path in the editor, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditorStep {
    /// `resource/<key>` or `event/<key>`, as the step forms post it.
    pub reference: String,
    pub title: String,
    pub kind: String,
    pub href: String,
    /// Why learners do not see it just now, if they do not: "Draft", "Cancelled".
    pub note: Option<String>,
}

/// A resource or event that could be added as a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepCandidate {
    pub reference: String,
    pub title: String,
    pub kind: String,
    /// Already a step of this path.
    pub added: bool,
}

/// The learning lead's path editor: the form, the steps, and what a search found to add.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PathEditor {
    pub id: Option<String>,
    pub form: super::path_form::PathForm,
    pub steps: Vec<EditorStep>,
    pub find: String,
    pub candidates: Vec<StepCandidate>,
    pub levels: Vec<Named>,
    pub roles: Vec<Named>,
}
