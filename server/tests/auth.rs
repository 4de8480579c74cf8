//! Signing in and out, sessions, passwords, throttling and cross-site refusal, over HTTP.

mod common;

use common::{DEMO_PASSWORD, json, session_cookie, start, start_with};
use reqwest::StatusCode;

#[tokio::test]
async fn sign_in_sets_a_safe_cookie_and_sign_out_ends_the_session() {
    let server = start().await;
    let client = server.client();
    let response = server
        .sign_in(&client, "practitioner@demo.test", DEMO_PASSWORD)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = response
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(cookie.starts_with("pathway_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );

    let (_, me) = json(server.call(&client, "auth/current_viewer", &[]).await).await;
    assert_eq!(me["email"], "practitioner@demo.test");
    assert_eq!(me["career_level"], "nqsw");
    assert_eq!(me["org_name"], "Demo Borough Council");

    let response = server.call(&client, "auth/sign_out", &[]).await;
    assert!(response.status().is_success());
    let (_, me) = json(server.call(&client, "auth/current_viewer", &[]).await).await;
    assert!(me.is_null());
}

#[tokio::test]
async fn a_stolen_cookie_is_useless_after_sign_out() {
    let server = start().await;
    let client = server.client();
    let response = server
        .sign_in(&client, "leader@demo.test", DEMO_PASSWORD)
        .await;
    let pair = session_cookie(&response);
    server.call(&client, "auth/sign_out", &[]).await;

    let thief = reqwest::Client::new();
    let response = thief
        .post(server.url("/api/people/council_overview"))
        .header("cookie", pair)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn signing_in_again_rotates_the_session() {
    let server = start().await;
    let client = server.client();
    let first = server
        .sign_in(&client, "leader@demo.test", DEMO_PASSWORD)
        .await;
    let first = session_cookie(&first);
    let second = server
        .sign_in(&client, "leader@demo.test", DEMO_PASSWORD)
        .await;
    let second = session_cookie(&second);
    assert_ne!(first, second);
    let old = reqwest::Client::new()
        .post(server.url("/api/people/council_overview"))
        .header("cookie", first)
        .send()
        .await
        .unwrap();
    assert_eq!(
        old.status(),
        StatusCode::UNAUTHORIZED,
        "the old session must end at sign-in"
    );
}

#[tokio::test]
async fn wrong_credentials_get_one_generic_message() {
    let server = start().await;
    let client = server.client();
    let (status, wrong_password) = json(
        server
            .sign_in(&client, "admin@demo.test", "not the password")
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, unknown) = json(
        server
            .sign_in(&client, "nobody@demo.test", "not the password")
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        wrong_password, unknown,
        "the answer must not reveal whether an account exists"
    );
    assert!(
        wrong_password["Validation"]["form"]
            .as_str()
            .unwrap()
            .contains("not right")
    );

    let (status, empty) = json(server.sign_in(&client, "", "").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        empty["Validation"]["email"].is_string() && empty["Validation"]["password"].is_string()
    );
}

#[tokio::test]
async fn repeated_failures_are_throttled_per_account() {
    let server = start().await;
    let client = server.client();
    for _ in 0..5 {
        let response = server
            .sign_in(&client, "leader@demo.test", "wrong wrong wrong")
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let (status, body) = json(
        server
            .sign_in(&client, "leader@demo.test", DEMO_PASSWORD)
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert!(
        body["TooManyRequests"]
            .as_str()
            .unwrap()
            .contains("Try again in")
    );
    // Another account from the same address is not yet blocked.
    let response = server
        .sign_in(&client, "admin@demo.test", DEMO_PASSWORD)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn repeated_failures_are_throttled_per_address() {
    let server = start_with(app::state::AuthSettings {
        max_failures_per_address: 3,
        ..Default::default()
    })
    .await;
    let client = server.client();
    for email in ["a@demo.test", "b@demo.test", "c@demo.test"] {
        server.sign_in(&client, email, "wrong wrong wrong").await;
    }
    let response = server
        .sign_in(&client, "admin@demo.test", DEMO_PASSWORD)
        .await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn changing_password_checks_the_rules_and_ends_other_sessions() {
    let server = start().await;
    let laptop = server.as_user("practitioner@demo.test").await;
    let phone = server.as_user("practitioner@demo.test").await;

    let (status, body) = json(
        server
            .call(
                &laptop,
                "auth/change_password",
                &[
                    ("current_password", "wrong"),
                    ("new_password", "short"),
                    ("confirm_password", "other"),
                ],
            )
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["Validation"]["new_password"].is_string());
    assert!(body["Validation"]["confirm_password"].is_string());

    let (status, body) = json(
        server
            .call(
                &laptop,
                "auth/change_password",
                &[
                    ("current_password", "wrong password"),
                    ("new_password", "lantern kettle orchard"),
                    ("confirm_password", "lantern kettle orchard"),
                ],
            )
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["Validation"]["current_password"].is_string());

    let response = server
        .call(
            &laptop,
            "auth/change_password",
            &[
                ("current_password", DEMO_PASSWORD),
                ("new_password", "lantern kettle orchard"),
                ("confirm_password", "lantern kettle orchard"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);

    let (_, me) = json(server.call(&laptop, "auth/current_viewer", &[]).await).await;
    assert_eq!(
        me["email"], "practitioner@demo.test",
        "this browser stays signed in"
    );
    let (_, me) = json(server.call(&phone, "auth/current_viewer", &[]).await).await;
    assert!(me.is_null(), "other sessions end");

    let response = server
        .sign_in(
            &server.client(),
            "practitioner@demo.test",
            "lantern kettle orchard",
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let server = start().await;
    let client = server.client();
    let response = client
        .post(server.url("/api/auth/sign_in"))
        .header("origin", "https://evil.example")
        .form(&[("email", "admin@demo.test"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = client
        .post(server.url("/api/auth/sign_in"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("email", "admin@demo.test"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = client
        .post(server.url("/api/auth/sign_in"))
        .header("origin", server.base.as_str())
        .form(&[("email", "admin@demo.test"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_plain_form_post_redirects_instead_of_showing_json() {
    let server = start().await;
    let client = server.client();
    let response = client
        .post(server.url("/api/auth/sign_in"))
        .header("accept", "text/html")
        .header("referer", server.url("/login"))
        .form(&[
            ("email", "admin@demo.test"),
            ("password", DEMO_PASSWORD),
            ("next", "/admin/people"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers().get("location").unwrap(), "/admin/people");
}

#[tokio::test]
async fn pages_render_on_the_server_and_unknown_paths_are_404() {
    let server = start().await;
    let client = server.client();
    let response = client.get(server.url("/login")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers().get("x-frame-options").unwrap(), "DENY");
    let html = response.text().await.unwrap();
    assert!(html.contains("Sign in to Pathway"));
    assert!(
        html.contains("<label for=\"field-email\">Email</label>"),
        "labelled email field"
    );

    let response = client
        .get(server.url("/no/such/page"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(response.text().await.unwrap().contains("Page not found"));

    let admin = server.as_user("admin@demo.test").await;
    let html = admin
        .get(server.url("/admin/people"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Daniel Okafor"),
        "the people list renders on the server"
    );
}

#[tokio::test]
async fn idle_and_absolute_timeouts_end_sessions() {
    use std::time::Duration;
    let idle = start_with(app::state::AuthSettings {
        idle_timeout: Duration::from_secs(1),
        ..Default::default()
    })
    .await;
    let client = idle.as_user("leader@demo.test").await;
    let (_, me) = json(idle.call(&client, "auth/current_viewer", &[]).await).await;
    assert_eq!(me["email"], "leader@demo.test");
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let (_, me) = json(idle.call(&client, "auth/current_viewer", &[]).await).await;
    assert!(me.is_null(), "idle session should have ended: {me}");

    let absolute = start_with(app::state::AuthSettings {
        absolute_timeout: Duration::from_secs(1),
        ..Default::default()
    })
    .await;
    let client = absolute.as_user("leader@demo.test").await;
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let (_, me) = json(absolute.call(&client, "auth/current_viewer", &[]).await).await;
    assert!(
        me.is_null(),
        "session past its absolute limit should have ended: {me}"
    );
}

#[tokio::test]
async fn secure_cookies_use_the_host_prefix_and_secure_flag() {
    let server = start_with(app::state::AuthSettings {
        secure_cookies: true,
        ..Default::default()
    })
    .await;
    let response = server
        .sign_in(&server.client(), "leader@demo.test", DEMO_PASSWORD)
        .await;
    let cookie = response
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(cookie.starts_with("__Host-pathway_session="), "{cookie}");
    assert!(
        cookie.contains("Secure") && cookie.contains("Path=/"),
        "{cookie}"
    );
}
