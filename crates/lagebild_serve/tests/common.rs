//! Shared set-up for the server tests: a temporary store, a running server, articles.

#![allow(dead_code)]

use std::sync::Arc;

use lagebild_pipeline::Pipeline;
use lagebild_serve::{Running, ServeConfig};

pub const TOKEN: &str = "test-token-0123456789";

/// Three short articles written for these tests; the third carries markup that must stay text.
pub fn articles() -> String {
    let articles = [
        serde_json::json!({"id": "t-1", "lang": "de", "published": "2025-03-12",
            "title": "Russland greift Kiew an",
            "text": "Russland greift Kiew an\nRussland hat die Ukraine in der Nacht mit Raketen angegriffen. \"Wir werden uns verteidigen\", sagte der ukrainische Präsident Wolodymyr Selenskyj am Mittwoch in Kiew. Die Nato verurteilte den Angriff."}),
        serde_json::json!({"id": "t-2", "lang": "en", "published": "2025-03-13",
            "title": "China criticises Japan",
            "text": "China criticises Japan\nChina on Thursday criticised Japan over its new defence budget. \"This is a dangerous step,\" the Chinese foreign ministry said in Beijing. Japan rejected the criticism."}),
        serde_json::json!({"id": "t-3", "lang": "de", "published": "2025-03-14",
            "title": "Frankreich kritisiert <script>window.__xss = 1</script> Iran",
            "text": "Frankreich kritisiert <script>window.__xss = 1</script> Iran\nFrankreich hat den Iran scharf kritisiert. <img src=x onerror=\"window.__xss = 2\"> Paris warf Teheran vor, gegen internationale Abkommen zu verstoßen."}),
    ];
    articles
        .iter()
        .map(|article| format!("{article}\n"))
        .collect()
}

pub fn start(read_only: bool) -> (tempfile::TempDir, Running) {
    let directory = tempfile::tempdir().expect("temp dir");
    let mut config = ServeConfig::new(directory.path().join("test.db"));
    config.bind = "127.0.0.1:0".parse().expect("address");
    config.token = Some(TOKEN.to_string());
    config.read_only = read_only;
    config.max_body = 1024 * 1024;
    if read_only {
        // A read-only server needs an existing store.
        drop(lagebild_store::Store::open(&config.db).expect("create store"));
    }
    let running =
        lagebild_serve::spawn(config, Arc::new(Pipeline::embedded())).expect("server starts");
    (directory, running)
}
