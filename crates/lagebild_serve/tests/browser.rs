//! End-to-end test in headless Chromium, driven through ChromeDriver: ingest three
//! articles, read one with its highlights, filter the event table, open the network
//! graph, and check that markup inside an article stays inert text.

mod common;
mod webdriver;

use webdriver::{Driver, browser_paths, http_raw};

#[test]
fn workbench_in_a_real_browser() {
    let Some((chromium, chromedriver)) = browser_paths() else {
        eprintln!(
            "skipping workbench_in_a_real_browser: chromium and chromedriver not installed (run .ci/setup)"
        );
        return;
    };
    let (_directory, server) = common::start(false);
    let port = server.addr.port();
    let (status, report) = http_raw(
        port,
        "POST",
        "/api/documents",
        Some(&common::articles()),
        &[
            ("Authorization", &format!("Bearer {}", common::TOKEN)),
            ("Content-Type", "application/x-ndjson"),
        ],
    );
    assert_eq!(status, 200, "{report}");

    let driver = Driver::start(&chromedriver);
    let session = driver.session(&chromium);
    let base = format!("http://127.0.0.1:{port}");

    // The document list shows all three articles.
    session.goto(&format!("{base}/#/documents"));
    let rows = session.wait_for("#documents tbody tr", 3);
    assert_eq!(rows.len(), 3);

    // The article view highlights actors, events and quotes of the German article.
    session.goto(&format!("{base}/#/doc/t-1"));
    session.wait_for("#article-text", 1);
    let events = session.wait_for("#article-text mark.event", 1);
    let tip = session
        .attribute(&events[0], "data-tip")
        .unwrap_or_default();
    assert!(
        tip.contains("de/") || tip.contains("en/") || tip.contains(".txt"),
        "hover names the rule: {tip}"
    );
    assert!(
        !session.find_all("#article-text mark.quote").is_empty(),
        "the direct quote is highlighted"
    );
    assert!(
        !session.find_all("#article-text mark.actor").is_empty(),
        "actors are highlighted"
    );
    assert!(
        !session.find_all("#doc-events tr").is_empty(),
        "the event list beside the text"
    );

    // The event table filters by actor.
    session.goto(&format!("{base}/#/events"));
    let all = session.wait_for("#events tbody tr", 1).len();
    let actor = session.wait_for("#event-filters input[name=actor]", 1);
    session.type_text(&actor[0], "CHN");
    let submit = session.find_all("#event-filters button[type=submit]");
    session.click(&submit[0]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let hash = session
            .script("return location.hash")
            .as_str()
            .unwrap_or("")
            .to_string();
        if hash.contains("actor=CHN") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "filter did not apply");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    std::thread::sleep(std::time::Duration::from_millis(500));
    let filtered = session.find_all("#events tbody tr");
    assert!(
        filtered.len() < all || all == 1,
        "filtering narrows the table ({} of {all})",
        filtered.len()
    );
    for row in &filtered {
        assert!(
            session.text(row).contains("CHN"),
            "every remaining row involves China"
        );
    }

    // The network graph draws nodes and edges.
    session.goto(&format!("{base}/#/network"));
    session.wait_for("#network-graph g.node", 2);
    assert!(!session.find_all("#network-graph line.edge").is_empty());

    // The timeline draws one bar segment per QuadClass and period.
    session.goto(&format!("{base}/#/timeline?interval=day"));
    session.wait_for("#timeline-chart rect", 1);

    // Markup from an article is shown as text and never runs.
    session.goto(&format!("{base}/#/doc/t-3"));
    let title = session.wait_for("#doc-title", 1);
    assert!(
        session.text(&title[0]).contains("<script>"),
        "the tag is visible as text"
    );
    session.wait_for("#article-text", 1);
    std::thread::sleep(std::time::Duration::from_millis(300));
    let injected = session.script("return window.__xss === undefined && document.querySelectorAll('#article-text img, #article-text script').length === 0");
    assert_eq!(
        injected,
        serde_json::Value::Bool(true),
        "no injected script ran and no injected element exists"
    );

    if let Ok(directory) = std::env::var("LAGEBILD_SCREENSHOTS") {
        for (name, hash) in [
            ("documents", "#/documents"),
            ("article", "#/doc/t-1"),
            ("events", "#/events"),
            ("network", "#/network"),
            ("timeline", "#/timeline"),
            ("quotes", "#/quotes"),
        ] {
            session.goto(&format!("{base}/{hash}"));
            std::thread::sleep(std::time::Duration::from_millis(800));
            let _ = std::fs::write(format!("{directory}/{name}.png"), session.screenshot_png());
        }
    }
}
