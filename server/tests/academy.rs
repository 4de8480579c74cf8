//! The learning academy over HTTP against a real SurrealDB with the demo council seeded: the
//! library's search, visibility and curation rights, the learner's actions, and CPD made from
//! a resource.

mod common;

use common::{TestServer, start};
use reqwest::StatusCode;
use serde_json::Value;

async fn search(server: &TestServer, client: &common::Browser, form: &[(&str, &str)]) -> Value {
    let (status, body) = server
        .call_json(client, "academy/search_library", form)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

fn hit_ids(results: &Value) -> Vec<String> {
    results["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

fn facet_count(results: &Value, facet: &str, value: &str) -> Option<u64> {
    results["facets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == facet)?["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["value"] == value)
        .map(|v| v["count"].as_u64().unwrap())
}

fn text_of(segments: &Value) -> String {
    segments
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn search_ranks_highlights_filters_and_counts() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;

    let all = search(&server, &priya, &[("query[q]", "")]).await;
    assert!(all["total"].as_u64().unwrap() >= 60, "{}", all["total"]);
    assert_eq!(all["hits"].as_array().unwrap().len(), 20, "a page of 20");
    assert!(all["page_count"].as_u64().unwrap() >= 3);

    // Stemming: "chronologies" finds the chronology resources, best match first, with the
    // matched word marked in the title.
    let found = search(&server, &priya, &[("query[q]", "chronologies")]).await;
    let first = &found["hits"][0];
    assert!(
        text_of(&first["title"])
            .to_lowercase()
            .contains("chronolog"),
        "{first}"
    );
    assert!(
        first["title"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["mark"] == true),
        "the match is marked: {first}"
    );
    let total = found["total"].as_u64().unwrap();
    assert!(total >= 2, "{found}");

    // A filter narrows the results, and its counts say what each choice would give.
    let guide_count = facet_count(&found, "Kind", "guide").unwrap_or(0);
    let filtered = search(
        &server,
        &priya,
        &[("query[q]", "chronologies"), ("query[kind]", "guide")],
    )
    .await;
    assert_eq!(filtered["total"].as_u64().unwrap(), guide_count);
    assert!(
        filtered["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["kind"]["key"] == "guide")
    );
    // The kind counts ignore the kind filter, so other kinds can still be chosen.
    assert_eq!(
        facet_count(&filtered, "Kind", "guide"),
        facet_count(&found, "Kind", "guide")
    );

    // Nothing found: an empty state with suggestions, never an error.
    let none = search(&server, &priya, &[("query[q]", "zzqxv unfindable")]).await;
    assert_eq!(none["total"], 0);
    assert!(!none["suggestions"].as_array().unwrap().is_empty());
    // Punctuation only is no search at all: the whole library.
    let punct = search(&server, &priya, &[("query[q]", "?!*&")]).await;
    assert_eq!(punct["total"], all["total"]);
    // Out-of-range pages land on the last page.
    let far = search(&server, &priya, &[("query[q]", ""), ("query[page]", "999")]).await;
    assert_eq!(far["page"], far["page_count"]);
}

#[tokio::test]
async fn unpublished_resources_are_invisible_to_practitioners() {
    let server = start().await;
    let helen = server.as_user("learning.lead@demo.test").await;
    let priya = server.as_user("practitioner@demo.test").await;

    // A curator drafts a resource with a word nobody else uses.
    let (status, id) = server
        .call_json(
            &helen,
            "academy/save_resource",
            &[
                ("form[title]", "Quokkanomics for supervisors"),
                ("form[summary]", "A draft about quokkanomics."),
                ("form[body]", "# Quokkanomics\n\nDraft text."),
                ("form[kind]", "guide"),
                ("form[tags]", "Supervision, quokka"),
                ("form[criteria][0]", "nqsw_professionalism_2"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let id = id.as_str().unwrap().to_string();

    let seen_by = |results: &Value| hit_ids(results).contains(&id);
    let curator_view = search(
        &server,
        &helen,
        &[("query[q]", "quokkanomics"), ("query[status]", "draft")],
    )
    .await;
    assert!(seen_by(&curator_view), "the curator finds the draft");
    // The practitioner cannot find it, even asking for drafts, nor open it.
    for status in ["", "draft", "all"] {
        let results = search(
            &server,
            &priya,
            &[("query[q]", "quokkanomics"), ("query[status]", status)],
        )
        .await;
        assert!(!seen_by(&results), "status {status:?}");
    }
    let (status, _) = server
        .call_json(&priya, "academy/get_resource", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = server
        .call_json(
            &priya,
            "academy/bookmark_resource",
            &[("id", &id), ("on", "true")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Published, it appears for everyone, with its domain from the criterion.
    let (status, _) = server
        .call_json(
            &helen,
            "academy/set_resource_status",
            &[("id", &id), ("to", "published")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let results = search(&server, &priya, &[("query[q]", "quokkanomics")]).await;
    assert!(seen_by(&results));
    assert_eq!(facet_count(&results, "Domain", "professionalism"), Some(1));
    assert_eq!(facet_count(&results, "Tag", "quokka"), Some(1));

    // Unpublished again, it disappears; retired is final.
    for to in ["unpublished", "retired"] {
        let (status, body) = server
            .call_json(
                &helen,
                "academy/set_resource_status",
                &[("id", &id), ("to", to)],
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let results = search(&server, &priya, &[("query[q]", "quokkanomics")]).await;
        assert!(!seen_by(&results), "{to}");
    }
    let (status, body) = server
        .call_json(
            &helen,
            "academy/set_resource_status",
            &[("id", &id), ("to", "published")],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
}

#[tokio::test]
async fn only_curators_create_edit_or_change_status() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    let daniel = server.as_user("supervisor@demo.test").await;
    let form = [
        ("id", "asye_survival_guide"),
        ("form[title]", "Hijacked"),
        ("form[summary]", "x"),
        ("form[body]", "x"),
        ("form[kind]", "guide"),
    ];
    for client in [&priya, &daniel] {
        let (status, _) = server
            .call_json(client, "academy/save_resource", &form)
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = server
            .call_json(
                client,
                "academy/set_resource_status",
                &[("id", "asye_survival_guide"), ("to", "retired")],
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = server.call_json(client, "academy/library_board", &[]).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (status, resource) = server
        .call_json(
            &priya,
            "academy/get_resource",
            &[("id", "asye_survival_guide")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(resource["title"], "Hijacked");
    assert_eq!(resource["status"], "published");
    assert_eq!(resource["can_curate"], false);

    // Another council's admin cannot see this council's library at all.
    let other = server.as_user("admin@other.test").await;
    let results = search(&server, &other, &[("query[q]", "")]).await;
    assert_eq!(results["total"], 0);
}

#[tokio::test]
async fn curator_input_is_checked_field_by_field() {
    let server = start().await;
    let helen = server.as_user("learning.lead@demo.test").await;
    let (status, body) = server
        .call_json(
            &helen,
            "academy/save_resource",
            &[
                ("form[title]", "  "),
                ("form[summary]", ""),
                ("form[link]", "javascript:alert(1)"),
                ("form[kind]", "poster"),
                ("form[levels][0]", "wizard"),
                ("form[criteria][0]", "not_a_criterion"),
                ("form[review_by]", "2026-02-30"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let text = body.to_string();
    for field in [
        "title",
        "summary",
        "link",
        "kind",
        "levels",
        "criteria",
        "review_by",
    ] {
        assert!(text.contains(&format!("\"{field}\"")), "{field}: {text}");
    }
    // Unsafe Markdown is stored but never rendered.
    let (status, id) = server
        .call_json(
            &helen,
            "academy/save_resource",
            &[
                ("form[title]", "Safe rendering"),
                ("form[summary]", "Checks the sanitiser."),
                (
                    "form[body]",
                    "Hello <script>alert(1)</script> [x](javascript:alert(1)) **bold**",
                ),
                ("form[kind]", "guide"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let (_, resource) = server
        .call_json(
            &helen,
            "academy/get_resource",
            &[("id", id.as_str().unwrap())],
        )
        .await;
    let html = resource["body_html"].as_str().unwrap();
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("javascript:"), "{html}");
    assert!(html.contains("<strong>bold</strong>"), "{html}");
}

#[tokio::test]
async fn marking_done_offers_cpd_prefilled_and_feedback_counts() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    let id = "omg_section_47_enquiries";
    let (status, _) = server
        .call_json(
            &priya,
            "academy/mark_resource_done",
            &[("id", id), ("done", "true")],
        )
        .await;
    assert!(status.is_success() || status.is_redirection(), "{status}");
    let (_, resource) = server
        .call_json(&priya, "academy/get_resource", &[("id", id)])
        .await;
    assert!(resource["done_on"].is_string(), "{resource}");

    let (status, draft) = server
        .call_json(&priya, "cpd/prefill_cpd", &[("resource", id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{draft}");
    assert_eq!(draft["form"]["title"], resource["title"]);
    assert_eq!(draft["form"]["date"], resource["done_on"]);
    assert_eq!(draft["source"], format!("resource:{id}"));

    let (status, evidence) = server
        .call_json(&priya, "portfolio/prefill_evidence", &[("resource", id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{evidence}");
    assert!(
        evidence["title"]
            .as_str()
            .unwrap()
            .contains(resource["title"].as_str().unwrap())
    );
    assert_eq!(evidence["criteria"], resource["form"]["criteria"]);

    // Feedback: one answer per person, changeable, counted once.
    let before = resource["useful_yes"].as_u64().unwrap() + resource["useful_no"].as_u64().unwrap();
    for useful in ["no", "yes"] {
        let (status, body) = server
            .call_json(
                &priya,
                "academy/rate_resource",
                &[
                    ("id", id),
                    ("useful", useful),
                    ("comment", "Clear and short."),
                ],
            )
            .await;
        assert!(status.is_success() || status.is_redirection(), "{body}");
    }
    let (_, resource) = server
        .call_json(&priya, "academy/get_resource", &[("id", id)])
        .await;
    let after = resource["useful_yes"].as_u64().unwrap() + resource["useful_no"].as_u64().unwrap();
    assert_eq!(after, before + 1);
    assert_eq!(resource["feedback"]["useful"], true);
    let (status, body) = server
        .call_json(
            &priya,
            "academy/rate_resource",
            &[("id", id), ("useful", "maybe")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

    // The curator sees the comment.
    let helen = server.as_user("learning.lead@demo.test").await;
    let (status, board) = server.call_json(&helen, "academy/library_board", &[]).await;
    assert_eq!(status, StatusCode::OK, "{board}");
    assert!(board.to_string().contains("Clear and short."));
    assert!(!board["needs_review"].as_array().unwrap().is_empty());
    assert!(!board["never_opened"].as_array().unwrap().is_empty());
    assert!(!board["most_used"].as_array().unwrap().is_empty());
    assert!(!board["least_useful"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn recommendations_cover_what_is_still_needed() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    let (status, learning) = server.call_json(&priya, "academy/learning_hub", &[]).await;
    assert_eq!(status, StatusCode::OK, "{learning}");
    let recommended = learning["recommended"].as_array().unwrap();
    assert!(!recommended.is_empty(), "{learning}");
    assert!(
        recommended
            .iter()
            .all(|r| !r["because"].as_array().unwrap().is_empty())
    );
    // Already done: never recommended.
    assert!(
        recommended
            .iter()
            .all(|r| r["id"] != "asye_survival_guide" && r["id"] != "tool_supervision_agenda")
    );
    // Her level's path is assigned, with progress from what she has done.
    let paths = learning["paths"].as_array().unwrap();
    let first90 = paths
        .iter()
        .find(|p| p["title"] == "NQSW: first 90 days")
        .expect("the NQSW path");
    assert!(first90["done"].as_u64().unwrap() >= 2, "{first90}");
    assert!(
        paths
            .iter()
            .all(|p| p["title"] != "Aspiring practice supervisors")
    );
}

// ----- Live events -----

fn in_days(days: i64) -> String {
    app::dates::iso(app::dates::today_uk() + time::Duration::days(days))
}

/// A learning lead creates an event through the form's server function; answers its key.
async fn create_event(server: &TestServer, capacity: &str, approval: bool) -> String {
    let helen = server.as_user("learning.lead@demo.test").await;
    let date = in_days(5);
    let mut form = vec![
        ("form[title]", "Relationship-based practice"),
        (
            "form[summary]",
            "A workshop on building trust with families.",
        ),
        ("form[facilitator]", "Helen Marsh"),
        ("form[capacity]", capacity),
        ("form[sessions][0][date]", date.as_str()),
        ("form[sessions][0][start]", "09:30"),
        ("form[sessions][0][end]", "12:30"),
        ("form[sessions][0][place]", "Training Room 1"),
    ];
    if approval {
        form.push(("form[needs_approval]", "on"));
    }
    let (status, id) = server.call_json(&helen, "academy/save_event", &form).await;
    assert_eq!(status, StatusCode::OK, "{id}");
    id.as_str().unwrap().to_string()
}

async fn event(server: &TestServer, client: &common::Browser, id: &str) -> Value {
    let (status, body) = server
        .call_json(client, "academy/get_event", &[("id", id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

async fn notifications(server: &TestServer, client: &common::Browser) -> String {
    let (_, body) = server
        .call_json(client, "notify/my_notifications", &[])
        .await;
    body.to_string()
}

#[tokio::test]
async fn fifty_simultaneous_bookings_for_ten_places_book_exactly_ten() {
    let server = start().await;
    let db = server.state.db.clone();
    let id = create_event(&server, "10", false).await;
    // Fifty people in the council, each asking at the same moment.
    let people: Vec<String> = (0..50).map(|i| format!("crowd_{i}")).collect();
    for person in &people {
        db.query(
            "CREATE type::record('person', $key) SET org = org:demo_borough, name = $key,
                email = $key + '@demo.test', roles = ['practitioner'], career_level = 'social_worker';",
        )
        .bind(("key", person.clone()))
        .await
        .unwrap()
        .check()
        .unwrap();
    }
    let tasks: Vec<_> = people
        .iter()
        .map(|person| {
            let db = db.clone();
            let (person, id) = (person.clone(), id.clone());
            tokio::spawn(async move {
                app::academy::event_store::book(&db, "demo_borough", &person, &id).await
            })
        })
        .collect();
    let mut booked = 0;
    let mut waiting = 0;
    for task in tasks {
        match task.await.unwrap().expect("every request is answered") {
            app::academy::event_store::Booked::Booked => booked += 1,
            app::academy::event_store::Booked::Waitlisted => waiting += 1,
            other => panic!("{other:?}"),
        }
    }
    assert_eq!((booked, waiting), (10, 40));
    // The stored bookings and the event's counters agree.
    let mut response = db
        .query(
            "SELECT status, count() AS n FROM booking WHERE event = type::record('event', $id)
                GROUP BY status;
             SELECT seats, waiting FROM type::record('event', $id);",
        )
        .bind(("id", id.clone()))
        .await
        .unwrap()
        .check()
        .unwrap();
    let counts: Vec<Value> = response.take(0).unwrap();
    let count = |status: &str| {
        counts
            .iter()
            .find(|r| r["status"] == status)
            .map(|r| r["n"].as_u64().unwrap())
    };
    assert_eq!(count("booked"), Some(10));
    assert_eq!(count("waitlisted"), Some(40));
    let counters: Vec<Value> = response.take(1).unwrap();
    assert_eq!(counters[0]["seats"], 10);
    assert_eq!(counters[0]["waiting"], 40);
}

#[tokio::test]
async fn a_cancellation_promotes_the_first_person_waiting_who_is_told() {
    let server = start().await;
    let id = create_event(&server, "1", false).await;
    let priya = server.as_user("practitioner@demo.test").await;
    let aisha_manager = server.as_user("supervisor@demo.test").await;

    let (status, body) = server
        .call_json(&priya, "academy/book_event", &[("id", &id)])
        .await;
    assert!(status.is_success() || status.is_redirection(), "{body}");
    assert_eq!(
        event(&server, &priya, &id).await["booking"]["status"],
        "booked"
    );
    // Booking twice is refused, not double-counted.
    let (status, _) = server
        .call_json(&priya, "academy/book_event", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Full: Daniel joins the waitlist, first in line.
    server
        .call_json(&aisha_manager, "academy/book_event", &[("id", &id)])
        .await;
    let daniel_view = event(&server, &aisha_manager, &id).await;
    assert_eq!(daniel_view["booking"]["status"], "waitlisted");
    assert_eq!(daniel_view["booking"]["position"], 1);

    // Priya cancels: Daniel gets the place and a notification.
    let (status, body) = server
        .call_json(&priya, "academy/cancel_booking", &[("id", &id)])
        .await;
    assert!(status.is_success() || status.is_redirection(), "{body}");
    assert!(event(&server, &priya, &id).await["booking"].is_null());
    let daniel_view = event(&server, &aisha_manager, &id).await;
    assert_eq!(daniel_view["booking"]["status"], "booked");
    assert_eq!(daniel_view["event"]["seats"], 1);
    assert_eq!(daniel_view["event"]["waiting"], 0);
    assert!(
        notifications(&server, &aisha_manager)
            .await
            .contains("A place came up")
    );

    // Cancelling with no booking is a clear refusal.
    let (status, _) = server
        .call_json(&priya, "academy/cancel_booking", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn places_needing_approval_wait_for_the_line_manager() {
    let server = start().await;
    // Aisha (social worker, managed by Daniel) asked for a place on the court skills workshop.
    let daniel = server.as_user("supervisor@demo.test").await;
    let (status, page) = server.call_json(&daniel, "academy/list_events", &[]).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(
        page["approvals"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["person_name"] == "Aisha Begum"),
        "{page}"
    );
    // Another manager cannot decide for her.
    let marcus = server.as_user("marcus.bell@demo.test").await;
    let form = [
        ("id", "court_skills_workshop"),
        ("person", "ln_1"),
        ("approve", "true"),
    ];
    let (status, _) = server
        .call_json(&marcus, "academy/decide_booking", &form)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = server
        .call_json(&daniel, "academy/decide_booking", &form)
        .await;
    assert!(status.is_success() || status.is_redirection(), "{body}");
    let aisha = server.as_user("aisha.begum@demo.test").await;
    let view = event(&server, &aisha, "court_skills_workshop").await;
    assert_eq!(view["booking"]["status"], "booked");
    assert!(notifications(&server, &aisha).await.contains("approved"));
    // Deciding twice is refused.
    let (status, _) = server
        .call_json(&daniel, "academy/decide_booking", &form)
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Priya (an NQSW) is not in this workshop's audience.
    let priya = server.as_user("practitioner@demo.test").await;
    let view = event(&server, &priya, "court_skills_workshop").await;
    assert_eq!(view["can_book"], false);
    let (status, _) = server
        .call_json(
            &priya,
            "academy/book_event",
            &[("id", "court_skills_workshop")],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn attendance_is_marked_by_the_learning_team_and_becomes_cpd() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    let helen = server.as_user("learning.lead@demo.test").await;
    let form = [
        ("id", "chronology_workshop"),
        ("person", "ls_4"),
        ("attended", "true"),
    ];
    let (status, _) = server
        .call_json(&priya, "academy/record_attendance", &form)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = server
        .call_json(&helen, "academy/record_attendance", &form)
        .await;
    assert!(status.is_success() || status.is_redirection(), "{body}");
    let view = event(&server, &helen, "chronology_workshop").await;
    let kieran = view["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["person"] == "ls_4")
        .unwrap()
        .clone();
    assert_eq!(kieran["attended"], true);
    // Attendance cannot be marked before an event starts.
    let (status, _) = server
        .call_json(
            &helen,
            "academy/record_attendance",
            &[
                ("id", "asye_welcome_day"),
                ("person", "ln_4"),
                ("attended", "true"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Priya attended the chronology workshop: CPD starts from it; not from one she missed.
    let (status, draft) = server
        .call_json(
            &priya,
            "cpd/prefill_cpd",
            &[("event", "chronology_workshop")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{draft}");
    assert_eq!(draft["form"]["kind"], "event");
    assert!(
        draft["form"]["title"]
            .as_str()
            .unwrap()
            .contains("hronolog")
    );
    let (status, _) = server
        .call_json(
            &priya,
            "cpd/prefill_cpd",
            &[("event", "domestic_abuse_practice_day")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, learning) = server.call_json(&priya, "academy/learning_hub", &[]).await;
    assert!(
        learning["bookings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["event_id"] == "chronology_workshop" && b["attended"] == true),
        "{learning}"
    );
}

#[tokio::test]
async fn reminders_go_once_and_calendar_files_only_to_the_booked() {
    let server = start().await;
    let db = &server.state.db;
    // The ASYE welcome day is in four days, with four NQSWs booked.
    let mut response = db
        .query("SELECT VALUE <string> starts FROM event:asye_welcome_day;")
        .await
        .unwrap()
        .check()
        .unwrap();
    let starts: Vec<String> = response.take(0).unwrap();
    let starts =
        time::OffsetDateTime::parse(&starts[0], &time::format_description::well_known::Rfc3339)
            .unwrap();
    let early = app::academy::event_store::send_reminders(db, starts - time::Duration::hours(30))
        .await
        .unwrap();
    assert_eq!(early, 0, "too early to remind");
    let sent = app::academy::event_store::send_reminders(db, starts - time::Duration::hours(2))
        .await
        .unwrap();
    assert_eq!(sent, 4);
    let again = app::academy::event_store::send_reminders(db, starts - time::Duration::hours(1))
        .await
        .unwrap();
    assert_eq!(again, 0, "each reminder goes once");

    let oliver = server.as_user("oliver.brennan@demo.test").await;
    assert!(notifications(&server, &oliver).await.contains("Reminder"));
    let response = oliver
        .get(server.url("/events/asye_welcome_day/calendar.ics"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let body = response.text().await.unwrap();
    assert!(
        body.contains("BEGIN:VEVENT") && body.contains("ASYE welcome day"),
        "{body}"
    );
    // Someone without a place gets nothing.
    let priya = server.as_user("practitioner@demo.test").await;
    let response = priya
        .get(server.url("/events/asye_welcome_day/calendar.ics"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn event_input_is_checked_field_by_field() {
    let server = start().await;
    let helen = server.as_user("learning.lead@demo.test").await;
    let (status, body) = server
        .call_json(
            &helen,
            "academy/save_event",
            &[
                ("form[capacity]", "lots"),
                ("form[teams][0]", "team_of_nobody"),
                ("form[sessions][0][date]", "2020-01-01"),
                ("form[sessions][0][start]", "10:00"),
                ("form[sessions][0][end]", "09:00"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let text = body.to_string();
    for field in [
        "title",
        "summary",
        "facilitator",
        "capacity",
        "teams",
        "sessions.0.date",
        "sessions.0.end",
        "sessions.0.place",
    ] {
        assert!(text.contains(&format!("\"{field}\"")), "{field}: {text}");
    }
    let priya = server.as_user("practitioner@demo.test").await;
    let (status, _) = server
        .call_json(&priya, "academy/save_event", &[("form[title]", "x")])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

// ----- The catalogue keeps up with the database -----

#[tokio::test]
async fn search_sees_changes_written_by_another_server() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    // The first search loads the catalogue.
    let before = search(&server, &priya, &[("query[q]", "")]).await;
    let total = before["total"].as_u64().unwrap();
    let first = hit_ids(&before)[0].clone();
    // Another server (here, a query straight to the shared database) retires one resource
    // and publishes a new one; neither goes through this server's catalogue.
    let db = server.state.db.clone();
    db.query(
        "UPDATE type::record('resource', $first) SET status = 'retired';
         CREATE resource:elsewhere_made SET org = org:demo_borough, title = 'Zebrafication in practice',
            summary = 'Written on another server.', kind = 'guide', status = 'published',
            review_by = '2030-01-01', tags = ['zebra'], published_at = time::now();
         CREATE resource_stat:elsewhere_made SET org = org:demo_borough, resource = resource:elsewhere_made,
            useful_yes = 40;",
    )
    .bind(("first", first.clone()))
    .await
    .unwrap()
    .check()
    .unwrap();
    let after = search(&server, &priya, &[("query[q]", "")]).await;
    assert_eq!(after["total"].as_u64().unwrap(), total, "one out, one in");
    assert!(!hit_ids(&after).contains(&first));
    assert_eq!(
        hit_ids(&after)[0],
        "elsewhere_made",
        "newest first: {after}"
    );
    let found = search(&server, &priya, &[("query[q]", "zebrafication")]).await;
    assert_eq!(hit_ids(&found), vec!["elsewhere_made".to_string()]);
    assert_eq!(facet_count(&found, "Tag", "zebra"), Some(1));
    // Its counts arrived too: it is the most useful.
    let useful = search(&server, &priya, &[("query[sort]", "useful")]).await;
    assert_eq!(hit_ids(&useful)[0], "elsewhere_made");
    // Every write moves `changed_at`, so the next refresh reads it.
    let mut response = db
        .query(
            "LET $before = (SELECT VALUE changed_at FROM resource:elsewhere_made)[0];
             UPDATE resource:elsewhere_made SET summary = 'Changed.';
             RETURN (SELECT VALUE changed_at FROM resource:elsewhere_made)[0] > $before;",
        )
        .await
        .unwrap()
        .check()
        .unwrap();
    let moved: Option<bool> = response.take(2).unwrap();
    assert_eq!(moved, Some(true));
}

// ----- Changing and cancelling events -----

async fn book_as(server: &TestServer, email: &str, id: &str) -> common::Browser {
    let client = server.as_user(email).await;
    let (status, body) = server
        .call_json(&client, "academy/book_event", &[("id", id)])
        .await;
    assert!(status.is_success(), "{email}: {body}");
    client
}

fn event_form<'a>(date: &'a str, capacity: &'a str, place: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("form[title]", "Relationship-based practice"),
        (
            "form[summary]",
            "A workshop on building trust with families.",
        ),
        ("form[facilitator]", "Helen Marsh"),
        ("form[capacity]", capacity),
        ("form[sessions][0][date]", date),
        ("form[sessions][0][start]", "09:30"),
        ("form[sessions][0][end]", "12:30"),
        ("form[sessions][0][place]", place),
    ]
}

#[tokio::test]
async fn more_places_go_to_the_people_waiting_and_changed_times_are_told() {
    let server = start().await;
    let id = create_event(&server, "1", false).await;
    let helen = server.as_user("learning.lead@demo.test").await;
    let priya = book_as(&server, "practitioner@demo.test", &id).await;
    let daniel = book_as(&server, "supervisor@demo.test", &id).await;
    let aisha = book_as(&server, "aisha.begum@demo.test", &id).await;
    assert_eq!(event(&server, &aisha, &id).await["booking"]["position"], 2);

    // The form reads back what was saved.
    let (status, editing) = server
        .call_json(&helen, "academy/event_editing", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{editing}");
    assert_eq!(editing["form"]["capacity"], "1");
    assert_eq!(editing["form"]["sessions"][0]["start"], "09:30");
    assert_eq!(editing["seats"], 1);

    // Nobody else may change it.
    let date = in_days(5);
    let mut form = event_form(&date, "2", "Training Room 1");
    form.push(("id", id.as_str()));
    let (status, _) = server.call_json(&priya, "academy/save_event", &form).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Places cannot go below those taken.
    let mut below = event_form(&date, "0", "Training Room 1");
    below.push(("id", id.as_str()));
    let (status, body) = server.call_json(&helen, "academy/save_event", &below).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

    // One more place, same times: Daniel, first waiting, is booked and told; Aisha moves up
    // and is not told of a change that is not one.
    let (status, body) = server.call_json(&helen, "academy/save_event", &form).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        event(&server, &daniel, &id).await["booking"]["status"],
        "booked"
    );
    assert!(
        notifications(&server, &daniel)
            .await
            .contains("A place came up")
    );
    let view = event(&server, &aisha, &id).await;
    assert_eq!(view["booking"]["status"], "waitlisted");
    assert_eq!(view["booking"]["position"], 1);
    assert_eq!(view["event"]["seats"], 2);
    assert_eq!(view["event"]["waiting"], 1);
    assert!(
        !notifications(&server, &aisha)
            .await
            .contains("have changed")
    );

    // A new room: everyone booked or waiting is told; the session keeps its record, so
    // calendars update the entry they have (its sequence goes up) rather than add one.
    let session_before = event(&server, &priya, &id).await["sessions"][0]["id"].clone();
    let mut moved = event_form(&date, "2", "Council Chamber");
    moved.push(("id", id.as_str()));
    let (status, body) = server.call_json(&helen, "academy/save_event", &moved).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    for client in [&priya, &aisha] {
        assert!(
            notifications(&server, client)
                .await
                .contains("have changed")
        );
    }
    let view = event(&server, &priya, &id).await;
    assert_eq!(view["sessions"][0]["place"], "Council Chamber");
    assert_eq!(view["sessions"].as_array().unwrap().len(), 1);
    assert_eq!(view["sessions"][0]["id"], session_before);
    let ics = priya
        .get(server.url(&format!("/events/{id}/calendar.ics")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        ics.contains("SEQUENCE:1") && ics.contains("Council Chamber"),
        "{ics}"
    );
    // A second session can be added, and taken away again.
    let mut two = event_form(&date, "2", "Council Chamber");
    let later = in_days(6);
    two.extend([
        ("id", id.as_str()),
        ("form[sessions][1][date]", later.as_str()),
        ("form[sessions][1][start]", "09:30"),
        ("form[sessions][1][end]", "12:30"),
        ("form[sessions][1][place]", "Council Chamber"),
    ]);
    let (status, body) = server.call_json(&helen, "academy/save_event", &two).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        event(&server, &priya, &id).await["sessions"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let (status, _) = server.call_json(&helen, "academy/save_event", &moved).await;
    assert_eq!(status, StatusCode::OK);
    let view = event(&server, &priya, &id).await;
    assert_eq!(view["sessions"].as_array().unwrap().len(), 1);
    assert_eq!(view["sessions"][0]["id"], session_before);
}

#[tokio::test]
async fn cancelling_an_event_ends_every_place_and_tells_everyone_why() {
    let server = start().await;
    let id = create_event(&server, "1", false).await;
    let helen = server.as_user("learning.lead@demo.test").await;
    let priya = book_as(&server, "practitioner@demo.test", &id).await;
    let daniel = book_as(&server, "supervisor@demo.test", &id).await;

    let (status, _) = server
        .call_json(
            &priya,
            "academy/cancel_event",
            &[("id", &id), ("reason", "No")],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = server
        .call_json(
            &helen,
            "academy/cancel_event",
            &[("id", &id), ("reason", "  ")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.to_string().contains("\"reason\""), "{body}");
    let (status, body) = server
        .call_json(
            &helen,
            "academy/cancel_event",
            &[("id", &id), ("reason", "The facilitator is unwell.")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    for client in [&priya, &daniel] {
        let view = event(&server, client, &id).await;
        assert!(view["booking"].is_null(), "{view}");
        assert_eq!(view["can_book"], false);
        assert!(view["why_not"].as_str().unwrap().contains("unwell"));
        assert!(
            notifications(&server, client)
                .await
                .contains("has been cancelled: The facilitator is unwell.")
        );
    }
    let view = event(&server, &helen, &id).await;
    assert_eq!(
        (
            view["event"]["seats"].as_u64(),
            view["event"]["waiting"].as_u64()
        ),
        (Some(0), Some(0))
    );
    assert_eq!(view["can_edit"], false);
    // Nothing more can happen to it.
    let (status, _) = server
        .call_json(
            &helen,
            "academy/cancel_event",
            &[("id", &id), ("reason", "Again")],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = server
        .call_json(&priya, "academy/book_event", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = server
        .call_json(&helen, "academy/event_editing", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // It is in the audit log.
    let mut response = server
        .state
        .db
        .query("SELECT VALUE detail FROM audit WHERE action = 'event_cancelled';")
        .await
        .unwrap()
        .check()
        .unwrap();
    let details: Vec<String> = response.take(0).unwrap();
    assert_eq!(
        details,
        vec!["2 people told: The facilitator is unwell.".to_string()]
    );
}

// ----- Editing learning paths -----

#[tokio::test]
async fn learning_leads_build_paths_that_reach_the_people_they_are_for() {
    let server = start().await;
    let helen = server.as_user("learning.lead@demo.test").await;
    let priya = server.as_user("practitioner@demo.test").await;
    let other = server.as_user("admin@other.test").await;

    let details = [
        ("form[title]", "Path: engaging fathers"),
        (
            "form[summary]",
            "Engaging fathers and male carers, in four steps.",
        ),
        ("form[levels][0]", "nqsw"),
        ("form[active]", "on"),
    ];
    let (status, _) = server
        .call_json(&priya, "academy/save_learning_path", &details)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = server
        .call_json(
            &helen,
            "academy/save_learning_path",
            &[("form[levels][0]", "wizard"), ("form[roles][0]", "admin")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["title", "summary", "levels", "roles"] {
        assert!(
            body.to_string().contains(&format!("\"{field}\"")),
            "{field}: {body}"
        );
    }
    let (status, id) = server
        .call_json(&helen, "academy/save_learning_path", &details)
        .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let id = id.as_str().unwrap().to_string();

    // Steps are found by searching the library and the events.
    let (status, editor) = server
        .call_json(
            &helen,
            "academy/path_editor",
            &[("id", &id), ("find", "chronology")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{editor}");
    let found: Vec<String> = editor["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["reference"].as_str().unwrap().to_string())
        .collect();
    let resource = found
        .iter()
        .find(|r| r.starts_with("resource/"))
        .expect("a resource")
        .clone();
    let step = |step: &str, change: &str| {
        vec![
            ("id".to_string(), id.clone()),
            ("step".to_string(), step.to_string()),
            ("change".to_string(), change.to_string()),
        ]
    };
    let call = |client: &common::Browser, form: Vec<(String, String)>| {
        let form: Vec<(String, String)> = form;
        let server = &server;
        let client = client.clone();
        async move {
            let pairs: Vec<(&str, &str)> =
                form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            server
                .call_json(&client, "academy/change_path_step", &pairs)
                .await
        }
    };
    let upcoming = "event/graded_care_profile_training";
    for s in [resource.as_str(), upcoming] {
        let (status, body) = call(&helen, step(s, "add")).await;
        assert_eq!(status, StatusCode::OK, "{s}: {body}");
    }
    // Twice is refused; so are another council's people, unknown kinds and retired things.
    let (status, _) = call(&helen, step(upcoming, "add")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = call(&other, step(upcoming, "add")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = call(&helen, step("person/ls_4", "add")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = call(&helen, step("resource/no_such_thing", "add")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = call(&helen, step(upcoming, "sideways")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = call(&priya, step(upcoming, "up")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The event moves first; the order holds.
    let (status, _) = call(&helen, step(upcoming, "up")).await;
    assert_eq!(status, StatusCode::OK);
    let (_, editor) = server
        .call_json(&helen, "academy/path_editor", &[("id", &id)])
        .await;
    let order: Vec<&str> = editor["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["reference"].as_str().unwrap())
        .collect();
    assert_eq!(order, vec![upcoming, resource.as_str()]);

    // Priya (an NQSW) has it on My learning, in that order; a social worker does not.
    let (_, hub) = server.call_json(&priya, "academy/learning_hub", &[]).await;
    let path = hub["paths"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"] == "Path: engaging fathers")
        .expect("the NQSW sees the path")
        .clone();
    assert_eq!(path["steps"].as_array().unwrap().len(), 2);
    assert!(
        path["steps"][0]["href"]
            .as_str()
            .unwrap()
            .starts_with("/events/")
    );
    let aisha = server.as_user("aisha.begum@demo.test").await;
    let (_, hub) = server.call_json(&aisha, "academy/learning_hub", &[]).await;
    assert!(!hub.to_string().contains("Path: engaging fathers"));

    // Removed and made inactive, it leaves My learning.
    let (status, _) = call(&helen, step(upcoming, "remove")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = server
        .call_json(
            &helen,
            "academy/save_learning_path",
            &[
                ("id", id.as_str()),
                ("form[title]", "Path: engaging fathers"),
                ("form[summary]", "Engaging fathers and male carers."),
                ("form[levels][0]", "nqsw"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, hub) = server.call_json(&priya, "academy/learning_hub", &[]).await;
    assert!(!hub.to_string().contains("Path: engaging fathers"));
    let (_, list) = server
        .call_json(&helen, "academy/list_learning_paths", &[])
        .await;
    let row = list
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id.as_str())
        .unwrap()
        .clone();
    assert_eq!(
        (row["steps"].as_u64(), row["active"].as_bool()),
        (Some(1), Some(false))
    );
    // Another council cannot see it.
    let (status, _) = server
        .call_json(&other, "academy/path_editor", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
