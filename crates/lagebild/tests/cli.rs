//! End-to-end tests of the `lagebild` binary: the contract's commands, exit codes and
//! one-line errors for bad input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn lagebild() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lagebild"))
}

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shared() -> Option<PathBuf> {
    let path = std::env::var_os("LAGEBILD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repository().join("../shared"));
    path.join("corpus").is_dir().then_some(path)
}

fn run(command: &mut Command, stdin: Option<&[u8]>) -> Output {
    command.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command.spawn().expect("the binary starts");
    if let Some(bytes) = stdin {
        child
            .stdin
            .take()
            .expect("piped stdin")
            .write_all(bytes)
            .expect("write stdin");
    }
    child.wait_with_output().expect("the binary finishes")
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("every stdout line is JSON"))
        .collect()
}

/// Checks the fields CONTRACT.md promises and that every span's text matches its offsets.
fn check_contract(object: &serde_json::Value) {
    assert_eq!(object["schema"], "lagebild/1");
    let text: Vec<char> = object["text"].as_str().expect("text").chars().collect();
    for key in [
        "sentences",
        "actors",
        "events",
        "quotes",
        "times",
        "places",
        "diagnostics",
    ] {
        assert!(object[key].is_array(), "{key} is a list");
    }
    let check_span = |value: &serde_json::Value| {
        let start = value["start"].as_u64().expect("start") as usize;
        let end = value["end"].as_u64().expect("end") as usize;
        assert!(
            start <= end && end <= text.len(),
            "span {start}..{end} in bounds"
        );
        if let Some(expected) = value["text"].as_str() {
            let actual: String = text[start..end].iter().collect();
            assert_eq!(actual, expected, "span text matches offsets");
        }
    };
    for key in ["sentences", "actors", "events", "quotes", "times", "places"] {
        for item in object[key].as_array().expect("list") {
            check_span(item);
        }
    }
    for event in object["events"].as_array().expect("events") {
        check_span(&event["source"]);
        assert!(event["cameo"].is_string(), "CAMEO codes are strings");
        assert!(
            event["rule"].as_str().is_some_and(|rule| !rule.is_empty()),
            "every event names its rule"
        );
    }
}

#[test]
fn codes_the_example_article() {
    let path = repository().join("examples/de/nato.txt");
    let output = run(
        lagebild()
            .args(["code", "--published", "2024-11-26"])
            .arg(&path),
        None,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let objects = json_lines(&output);
    assert_eq!(objects.len(), 1);
    let object = &objects[0];
    check_contract(object);
    let file = std::fs::read_to_string(&path).expect("example exists");
    assert_eq!(object["text"].as_str(), Some(file.as_str()));
    assert_eq!(
        object["title"],
        "Baerbock wirft Moskau Drohungen gegen die Ostsee-Staaten vor"
    );
    assert_eq!(object["published"], "2024-11-26");
    assert_eq!(object["lang"], "de");
    // The example's events: the accusation in headline and lead, and the promised support
    // for the three Baltic states, reported and future.
    let events: Vec<String> = object["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|event| {
            format!(
                "{}->{} {}",
                event["source"]["code"].as_str().unwrap_or(""),
                event["target"]["code"].as_str().unwrap_or(""),
                event["cameo"].as_str().unwrap_or("")
            )
        })
        .collect();
    for expected in [
        "DEUGOV->RUS 112",
        "DEUGOV->LTU 070",
        "DEUGOV->LVA 070",
        "DEUGOV->EST 070",
    ] {
        assert!(
            events.iter().any(|event| event == expected),
            "{expected} not in {events:?}"
        );
    }
}

#[test]
fn codes_the_seed_article() {
    let Some(shared) = shared() else {
        eprintln!("skipping codes_the_seed_article: ../shared not found");
        return;
    };
    let path = shared.join("corpus/seed/000_1a96f7a8f7710a39.txt");
    let output = run(
        lagebild()
            .args(["code", "--published", "2024-12-04"])
            .arg(&path),
        None,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let objects = json_lines(&output);
    assert_eq!(objects.len(), 1);
    check_contract(&objects[0]);
    let file = std::fs::read_to_string(&path).expect("seed exists");
    assert_eq!(objects[0]["text"].as_str(), Some(file.as_str()));
    assert_eq!(
        objects[0]["title"],
        "Nato wirft Russland Hilfe für Nordkoreas Atomprogramm vor"
    );
    assert_eq!(objects[0]["byline"]["agency"], "BTZ");
}

#[test]
fn reads_jsonl_from_stdin_and_reports_bad_lines() {
    let input = b"{\"id\": \"a\", \"text\": \"Die Regierung in Berlin kritisierte Moskau.\", \"lang\": \"de\"}\n\
{not json\n\
{\"id\": \"b\", \"text\": \"The government in London criticised Moscow.\", \"published\": \"2024-03-05T10:00:00Z\"}\n";
    let output = run(
        lagebild().args(["code", "--input-format", "jsonl", "-"]),
        Some(input),
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "a failed line gives exit status 1"
    );
    let objects = json_lines(&output);
    let ids: Vec<&str> = objects
        .iter()
        .filter_map(|object| object["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        ["a", "b"],
        "good lines around the bad one are processed"
    );
    assert_eq!(objects[1]["published"], "2024-03-05");
    assert_eq!(objects[1]["lang"], "en");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "one line per failure: {stderr}");
    assert!(
        stderr.contains("line 2"),
        "the error names the line: {stderr}"
    );
}

#[test]
fn missing_path_is_one_error_and_the_rest_is_processed() {
    let good = repository().join("examples/de/gipfel.txt");
    let output = run(
        lagebild()
            .args(["code", "/nonexistent/article.txt"])
            .arg(&good),
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json_lines(&output).len(), 1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("/nonexistent/article.txt"), "{stderr}");
}

#[test]
fn usage_errors_exit_with_two() {
    let output = run(
        lagebild().args(["code", "--published", "yesterday", "x.txt"]),
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    let output = run(lagebild().args(["code", "--no-such-flag"]), None);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn help_has_examples_on_every_command() {
    for command in [
        "code",
        "ingest",
        "reprocess",
        "stats",
        "events",
        "export",
        "analyze",
        "explain",
        "serve",
    ] {
        let output = run(lagebild().args([command, "--help"]), None);
        assert!(output.status.success());
        let help = String::from_utf8_lossy(&output.stdout);
        assert!(help.contains("Example"), "{command} --help shows examples");
    }
}

fn stats(db: &Path) -> serde_json::Value {
    let output = run(
        lagebild()
            .args(["stats", "--format", "json", "--db"])
            .arg(db),
        None,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stats is JSON")
}

fn export_sorted(db: &Path) -> Vec<String> {
    let output = run(
        lagebild()
            .args(["export", "--format", "jsonl", "--db"])
            .arg(db),
        None,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut lines: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

#[test]
fn ingest_twice_stores_once_and_a_killed_ingest_completes_on_rerun() {
    let Some(shared) = shared() else {
        eprintln!(
            "skipping ingest_twice_stores_once_and_a_killed_ingest_completes_on_rerun: ../shared not found"
        );
        return;
    };
    let csv = shared.join("data/news/10kgnad/test.csv");
    let directory = tempfile::tempdir().expect("temp dir");
    let whole = directory.path().join("whole.db");
    for _ in 0..2 {
        let output = run(
            lagebild()
                .args(["ingest", "--quiet", "--db"])
                .arg(&whole)
                .arg(&csv),
            None,
        );
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let expected = stats(&whole);
    assert_eq!(
        expected["documents"], 1028,
        "the same articles twice are stored once"
    );

    // Kill an ingest midway (SIGKILL), then run it again to the end.
    let killed = directory.path().join("killed.db");
    let mut child = lagebild()
        .args(["ingest", "--quiet", "--db"])
        .arg(&killed)
        .arg(&csv)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("ingest starts");
    let started = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let partial = killed.exists().then(|| {
            let output = run(
                lagebild()
                    .args(["stats", "--format", "json", "--db"])
                    .arg(&killed),
                None,
            );
            serde_json::from_slice::<serde_json::Value>(&output.stdout).ok()
        });
        let stored = partial
            .flatten()
            .and_then(|stats| stats["documents"].as_u64())
            .unwrap_or(0);
        if stored > 0 || started.elapsed() > std::time::Duration::from_secs(60) {
            break;
        }
    }
    child.kill().expect("kill -9");
    let _ = child.wait();
    let partial = stats(&killed);
    assert!(partial["documents"].as_u64().unwrap_or(0) <= 1028);
    let output = run(
        lagebild()
            .args(["ingest", "--quiet", "--db"])
            .arg(&killed)
            .arg(&csv),
        None,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let after = stats(&killed);
    for key in [
        "documents",
        "document_versions",
        "events",
        "events_deduplicated",
        "actors",
        "quotes",
        "stories",
    ] {
        assert_eq!(after[key], expected[key], "{key} after kill and re-run");
    }
    assert_eq!(
        export_sorted(&killed),
        export_sorted(&whole),
        "the same events, the same ids"
    );
}

#[test]
fn bad_inputs_each_give_one_line_and_the_rest_is_processed() {
    let directory = tempfile::tempdir().expect("temp dir");
    let path = |name: &str| directory.path().join(name);
    std::fs::write(path("empty.txt"), b"").expect("write");
    std::fs::write(
        path("binary.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0, 255, 254].repeat(50),
    )
    .expect("write");
    std::fs::write(
        path("latin1.txt"),
        b"Die Regierung in M\xfcnchen kritisierte die Entscheidung.\n",
    )
    .expect("write");
    let mut gzip = Vec::new();
    {
        use std::io::Write as _;
        let mut encoder = flate2::write::GzEncoder::new(&mut gzip, flate2::Compression::default());
        encoder
            .write_all("Der Kanzler traf den Präsidenten.\n".repeat(200).as_bytes())
            .expect("compress");
        encoder.finish().expect("finish");
    }
    gzip.truncate(gzip.len() / 2);
    std::fs::write(path("truncated.txt.gz"), &gzip).expect("write");
    std::fs::write(
        path("nobody.html"),
        b"<html><head><title>x</title></head></html>",
    )
    .expect("write");
    std::fs::write(
        path("good.txt"),
        "Polen kritisiert Belarus\nDie polnische Regierung hat Belarus scharf kritisiert.\n",
    )
    .expect("write");
    let output = run(
        lagebild()
            .args(["code", "--format", "jsonl"])
            .arg(directory.path()),
        None,
    );
    assert_eq!(output.status.code(), Some(1), "some inputs failed");
    let objects = json_lines(&output);
    let ids: Vec<&str> = objects
        .iter()
        .filter_map(|object| object["id"].as_str())
        .collect();
    assert!(ids.contains(&"good"), "the good file is coded: {ids:?}");
    assert!(
        ids.contains(&"latin1"),
        "Latin-1 is decoded, not rejected: {ids:?}"
    );
    let latin1 = objects
        .iter()
        .find(|object| object["id"] == "latin1")
        .expect("latin1");
    assert!(
        latin1["text"]
            .as_str()
            .is_some_and(|text| text.contains("München")),
        "no mojibake"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    for name in ["empty.txt", "binary.txt", "truncated.txt.gz", "nobody.html"] {
        let lines: Vec<&str> = stderr.lines().filter(|line| line.contains(name)).collect();
        assert_eq!(lines.len(), 1, "one line for {name}: {stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn stored_events_query_export_and_reprocess() {
    let directory = tempfile::tempdir().expect("temp dir");
    let db = directory.path().join("store.db");
    let examples = repository().join("examples");
    let output = run(
        lagebild()
            .args(["ingest", "--quiet", "--published", "2024-11-26", "--db"])
            .arg(&db)
            .arg(&examples),
        None,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let before = stats(&db);
    assert!(before["documents"].as_u64().unwrap_or(0) >= 4);
    assert!(
        before["events"].as_u64().unwrap_or(0) > 0,
        "the examples hold events: {before}"
    );

    let output = run(
        lagebild()
            .args([
                "events",
                "--format",
                "jsonl",
                "--all-mentions",
                "--limit",
                "1000",
                "--db",
            ])
            .arg(&db),
        None,
    );
    assert!(output.status.success());
    let rows = json_lines(&output);
    assert_eq!(
        rows.len() as u64,
        before["events"].as_u64().unwrap_or(0),
        "every mention is listed"
    );
    let cameos: Vec<String> = rows
        .iter()
        .filter_map(|row| row["cameo"].as_str().map(str::to_string))
        .collect();
    assert!(
        cameos
            .iter()
            .all(|code| code.len() >= 2 && code.bytes().all(|byte| byte.is_ascii_digit()))
    );

    // CSV keeps codes as text: the same codes, leading zeros included.
    let output = run(
        lagebild()
            .args(["export", "--format", "csv", "--all-mentions", "--db"])
            .arg(&db),
        None,
    );
    assert!(output.status.success());
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let column = reader
        .headers()
        .expect("header")
        .iter()
        .position(|name| name == "cameo")
        .expect("a cameo column");
    let mut exported: Vec<String> = reader
        .records()
        .map(|record| {
            record
                .expect("a CSV record")
                .get(column)
                .unwrap_or("")
                .to_string()
        })
        .collect();
    let mut expected = cameos.clone();
    exported.sort();
    expected.sort();
    assert_eq!(exported, expected);

    // Filters narrow the result.
    let first_source = rows[0]["source_code"]
        .as_str()
        .expect("a source code")
        .to_string();
    let output = run(
        lagebild()
            .args([
                "events",
                "--format",
                "jsonl",
                "--all-mentions",
                "--actor",
                &first_source,
                "--db",
            ])
            .arg(&db),
        None,
    );
    let filtered = json_lines(&output);
    assert!(!filtered.is_empty());
    assert!(
        filtered
            .iter()
            .all(|row| row["source_code"] == first_source.as_str()
                || row["target_code"] == first_source.as_str())
    );

    // Re-analysis keeps the store consistent.
    let output = run(lagebild().args(["reprocess", "--db"]).arg(&db), None);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let after = stats(&db);
    assert_eq!(after["documents"], before["documents"]);
    assert_eq!(
        after["events"], before["events"],
        "the same dictionaries give the same events"
    );
}

#[test]
fn analyze_pretokenized_keeps_the_tokens() {
    let input = "Die Nato wirft Russland Hilfe vor .\n\nRutte traf Trump in Florida .\n";
    let output = run(
        lagebild().args([
            "analyze",
            "--format",
            "conllu",
            "--pretokenized",
            "--lang",
            "de",
            "-",
        ]),
        Some(input.as_bytes()),
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let conllu = String::from_utf8_lossy(&output.stdout);
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for block in conllu.split("\n\n").filter(|block| {
        block
            .lines()
            .any(|line| !line.starts_with('#') && !line.is_empty())
    }) {
        let mut forms = Vec::new();
        for line in block
            .lines()
            .filter(|line| !line.starts_with('#') && !line.is_empty())
        {
            let columns: Vec<&str> = line.split('\t').collect();
            assert_eq!(columns.len(), 10, "ten columns: {line}");
            assert!(
                columns[6].parse::<usize>().is_ok(),
                "a numeric head: {line}"
            );
            forms.push(columns[1].to_string());
        }
        sentences.push(forms);
    }
    let expected: Vec<Vec<String>> = input
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.split(' ').map(str::to_string).collect())
        .collect();
    assert_eq!(sentences, expected);
    let verb = conllu
        .lines()
        .find(|line| line.split('\t').nth(1) == Some("wirft"))
        .expect("the verb");
    assert!(
        verb.contains("VerbForm=Fin"),
        "finite verbs carry VerbForm: {verb}"
    );
}

#[test]
fn eval_gold_codes_with_the_users_petrarch_dictionaries() {
    // Invented states and an invented verb: only the given dictionaries know them.
    let directory = tempfile::tempdir().expect("temp dir");
    let dir = directory.path();
    let text = "Veloria scolded Marundia on Tuesday.\n";
    std::fs::write(dir.join("story.txt"), text).expect("write text");
    std::fs::write(
        dir.join("story.meta.json"),
        r#"{"id":"story","published":"2020-03-04","lang":"en"}"#,
    )
    .expect("write meta");
    let gold = serde_json::json!({
        "doc": "story.txt", "lang": "en", "dct": "2020-03-04", "title": "",
        "events": [{"quote": "Veloria scolded Marundia", "source": "VLR", "target": "MRD",
                    "cameo": "111", "status": "core", "modality": "asserted",
                    "start": 0, "end": 24}],
        "quotes": [], "times": [], "places": [], "persons": []
    });
    std::fs::write(dir.join("story.gold.json"), gold.to_string()).expect("write gold");
    std::fs::write(dir.join("verbs.txt"), "--- SCOLD [111] ---\nSCOLD\n").expect("verbs");
    std::fs::write(dir.join("actors.txt"), "VELORIA [VLR]\nMARUNDIA [MRD]\n").expect("actors");
    let found = |extra: &[&str]| {
        let output = run(
            lagebild()
                .args(["eval", "gold", "--json"])
                .args(extra)
                .arg(dir.join("story.gold.json")),
            None,
        );
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let report: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("the report is JSON");
        report["categories"][0]["found"].as_u64()
    };
    assert_eq!(found(&[]), Some(0));
    let verbs = dir.join("verbs.txt");
    let actors = dir.join("actors.txt");
    assert_eq!(
        found(&[
            "--petrarch-verbs",
            verbs.to_str().expect("utf-8 path"),
            "--petrarch-actors",
            actors.to_str().expect("utf-8 path"),
        ]),
        Some(1)
    );
}
