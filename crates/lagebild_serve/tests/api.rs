//! The HTTP API on a real server over loopback.

mod common;
mod webdriver;

use serde_json::Value;
use webdriver::{http, http_raw};

fn ingest(port: u16, token: Option<&str>, body: &str) -> (u16, Value) {
    let authorization = token.map(|token| format!("Bearer {token}"));
    let mut headers = vec![("Content-Type", "application/x-ndjson")];
    if let Some(value) = &authorization {
        headers.push(("Authorization", value.as_str()));
    }
    let (status, text) = http_raw(port, "POST", "/api/documents", Some(body), &headers);
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

#[test]
fn health_ingest_and_queries() {
    let (_directory, server) = common::start(false);
    let port = server.addr.port();
    let (status, health) = http(port, "GET", "/api/health", None, &[]);
    assert_eq!(status, 200);
    assert_eq!(health["documents"], 0);

    let (status, _) = ingest(port, None, &common::articles());
    assert_eq!(status, 401, "writes need the token");
    let (status, _) = ingest(port, Some("wrong-token-0123456789"), &common::articles());
    assert_eq!(status, 401);

    let (status, report) = ingest(port, Some(common::TOKEN), &common::articles());
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["stored"], 3);
    let (_, report) = ingest(port, Some(common::TOKEN), &common::articles());
    assert_eq!(
        report["duplicate"], 3,
        "the same articles again store nothing"
    );

    let (status, documents) = http(port, "GET", "/api/documents", None, &[]);
    assert_eq!(status, 200);
    assert_eq!(documents["total"], 3);
    let (status, document) = http(port, "GET", "/api/documents/t-3", None, &[]);
    assert_eq!(status, 200);
    assert!(
        document["text"]
            .as_str()
            .is_some_and(|text| text.contains("<script>")),
        "text is stored as it came"
    );
    let (status, _) = http(port, "GET", "/api/documents/unknown", None, &[]);
    assert_eq!(status, 404);

    for path in [
        "/api/events?limit=5",
        "/api/actors",
        "/api/quotes",
        "/api/timeseries?interval=day",
        "/api/network",
        "/api/stats",
        "/api/openapi.json",
    ] {
        let (status, answer) = http(port, "GET", path, None, &[]);
        assert_eq!(status, 200, "{path}: {answer}");
    }
    let (status, _) = http(port, "GET", "/api/events?from=yesterday", None, &[]);
    assert_eq!(status, 400, "a bad date is a client error");
    let (status, _) = http(
        port,
        "GET",
        "/api/events?actor=%27%20OR%201%3D1%20--",
        None,
        &[],
    );
    assert_eq!(status, 200, "SQL in a parameter is just a value");
}

#[test]
fn limits_and_read_only() {
    let (_directory, server) = common::start(false);
    let port = server.addr.port();
    let big = "x".repeat(2 * 1024 * 1024);
    let (status, _) = ingest(port, Some(common::TOKEN), &big);
    assert_eq!(status, 413, "bodies over the limit are refused");

    let (_directory, server) = common::start(true);
    let (status, _) = ingest(server.addr.port(), Some(common::TOKEN), &common::articles());
    assert_eq!(status, 403, "a read-only server takes no writes");
    let (status, _) = http(server.addr.port(), "GET", "/api/events", None, &[]);
    assert_eq!(status, 200);
}

#[test]
fn ui_is_served_with_a_content_security_policy() {
    let (_directory, server) = common::start(false);
    let port = server.addr.port();
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    use std::io::{Read, Write};
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    assert!(response.starts_with("HTTP/1.1 200"));
    let lower = response.to_ascii_lowercase();
    assert!(lower.contains("content-security-policy: default-src 'self'; script-src 'self'"));
    assert!(response.contains("/assets/app.js"));
    let (status, script) = http_raw(port, "GET", "/assets/app.js", None, &[]);
    assert_eq!(status, 200);
    assert!(!script.contains("innerHTML"), "the UI never inserts HTML");
}

#[test]
fn bounded_concurrent_load_has_no_errors() {
    let (_directory, server) = common::start(false);
    let port = server.addr.port();
    let authorization = format!("Bearer {}", common::TOKEN);
    let (status, _) = http_raw(
        port,
        "POST",
        "/api/documents",
        Some(&common::articles()),
        &[
            ("Authorization", &authorization),
            ("Content-Type", "application/x-ndjson"),
        ],
    );
    assert_eq!(status, 200);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(3);
    let clients: Vec<_> = (0..40)
        .map(|client| {
            std::thread::spawn(move || {
                let paths = [
                    "/api/events?limit=20",
                    "/api/events?actor=RUS",
                    "/api/timeseries?interval=day",
                    "/api/network",
                ];
                let (mut ok, mut failed) = (0u32, 0u32);
                let mut index = client;
                while std::time::Instant::now() < deadline {
                    let (status, _) = http_raw(port, "GET", paths[index % paths.len()], None, &[]);
                    index += 1;
                    if status == 200 { ok += 1 } else { failed += 1 }
                }
                (ok, failed)
            })
        })
        .collect();
    let (mut ok, mut failed) = (0, 0);
    for client in clients {
        let (good, bad) = client.join().expect("client thread");
        ok += good;
        failed += bad;
    }
    assert_eq!(failed, 0, "{failed} failed requests of {}", ok + failed);
    assert!(ok > 40, "every client got answers");
}
