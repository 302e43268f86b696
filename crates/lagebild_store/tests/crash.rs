//! A killed ingest (`kill -9`) leaves whole documents only, and re-running the same input
//! ends with the same store as an uninterrupted run. The test re-executes its own binary
//! as the child process that is killed.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use lagebild_store::*;

const CHILD: &str = "LAGEBILD_STORE_TEST_CHILD";
const CHILD_DB: &str = "LAGEBILD_STORE_TEST_CHILD_DB";
const DOCUMENTS: usize = 4000;
const BATCH: usize = 64;

fn options() -> StoreOptions {
    StoreOptions {
        batch_size: BATCH,
        ..StoreOptions::default()
    }
}

fn child(test: &str, mode: &str) -> Command {
    let mut command = Command::new(std::env::current_exe().expect("test binary"));
    command
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(CHILD, mode);
    command
}

/// Everything a user can see of a store, minus the ingest timestamps.
fn dump(store: &Store) -> (Vec<DocumentRow>, Vec<EventRow>, Stats) {
    let mut documents = store.documents(&DocumentQuery::default()).unwrap();
    for row in &mut documents {
        row.ingested_at.clear();
    }
    let events = store
        .events(&EventQuery {
            sort: EventSort::Stored,
            ..EventQuery::default()
        })
        .unwrap();
    (documents, events, store.stats().unwrap())
}

#[test]
fn killed_ingest_leaves_whole_documents_and_a_rerun_completes_it() {
    if std::env::var(CHILD).as_deref() == Ok("ingest") {
        // The child: ingest in chunks, telling the parent after each commit.
        let path = std::env::var(CHILD_DB).expect("child database path");
        let mut store = Store::open(path).unwrap().with_options(options());
        let corpus = common::corpus(DOCUMENTS);
        let mut done = 0;
        for chunk in corpus.chunks(BATCH * 2) {
            store.ingest(chunk).unwrap();
            done += chunk.len();
            println!("committed {done}");
        }
        return;
    }

    let dir = tempfile::tempdir().unwrap();
    let killed_path = dir.path().join("killed.db");
    let mut process = child(
        "killed_ingest_leaves_whole_documents_and_a_rerun_completes_it",
        "ingest",
    )
    .env(CHILD_DB, &killed_path)
    .stdout(Stdio::piped())
    .stderr(Stdio::null())
    .spawn()
    .unwrap();
    let stdout = BufReader::new(process.stdout.take().unwrap());
    for line in stdout.lines() {
        let line = line.unwrap();
        // The harness may print its own words before ours on the same line.
        let count = line.rsplit_once("committed ").map(|(_, count)| count);
        if count
            .and_then(|count| count.trim().parse::<usize>().ok())
            .is_some_and(|done| done >= BATCH * 4)
        {
            break;
        }
    }
    process.kill().unwrap(); // SIGKILL
    process.wait().unwrap();

    let mut store = Store::open(&killed_path).unwrap().with_options(options());
    assert_eq!(store.verify().unwrap(), Vec::<String>::new());
    let survived = store.stats().unwrap().documents as usize;
    assert!(
        (BATCH * 4..DOCUMENTS).contains(&survived),
        "killed midway, {survived} documents survived"
    );
    assert_eq!(survived % BATCH, 0, "only whole transactions survive");
    eprintln!("killed after {survived} of {DOCUMENTS} documents");

    let corpus = common::corpus(DOCUMENTS);
    let summary = store.ingest(&corpus).unwrap();
    assert_eq!(summary.duplicate as usize, survived);
    assert_eq!(summary.stored as usize, DOCUMENTS - survived);
    assert_eq!(store.verify().unwrap(), Vec::<String>::new());

    let mut uninterrupted = Store::open(dir.path().join("whole.db"))
        .unwrap()
        .with_options(options());
    uninterrupted.ingest(&corpus).unwrap();
    let (documents, events, stats) = dump(&store);
    let expected = dump(&uninterrupted);
    assert_eq!(stats, expected.2);
    assert_eq!(documents, expected.0);
    assert_eq!(events, expected.1);
    assert_eq!(stats.documents as usize, DOCUMENTS);
    assert!(
        stats.stories < stats.documents,
        "near-duplicates share stories"
    );
}

#[test]
fn default_path_follows_the_environment() {
    if std::env::var(CHILD).as_deref() == Ok("default-path") {
        println!("default path {}", Store::default_path().unwrap().display());
        return;
    }
    let test = "default_path_follows_the_environment";
    let output = child(test, "default-path")
        .env(DB_ENV, "/tmp/elsewhere/x.db")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).contains("default path /tmp/elsewhere/x.db"));
    let output = child(test, "default-path")
        .env_remove(DB_ENV)
        .env("HOME", "/home/analyst")
        .env_remove("XDG_DATA_HOME")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    let line = stdout
        .lines()
        .find_map(|line| {
            line.rsplit_once("default path ")
                .map(|(_, path)| path.trim())
        })
        .unwrap_or_default()
        .to_string();
    assert!(
        line.ends_with("lagebild.db") && line.contains("lagebild"),
        "{stdout}"
    );
    #[cfg(target_os = "linux")]
    assert_eq!(line, "/home/analyst/.local/share/lagebild/lagebild.db");
}
