//! Every input format and every kind of bad input, generated into a temporary directory.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use lagebild_doc::{Document, Lang};
use lagebild_ingest::{
    InputError, InputErrorKind, InputFormat, Position, ReadOptions, read_bytes, read_path,
};

/// Reads a path and checks the invariants every document must hold.
fn check(path: &Path, options: &ReadOptions) -> (Vec<Document>, Vec<InputError>) {
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    for result in read_path(path, options) {
        match result {
            Ok(document) => {
                check_document(&document);
                documents.push(document);
            }
            Err(error) => {
                let message = error.to_string();
                assert!(
                    !message.contains('\n'),
                    "error must be one line: {message:?}"
                );
                assert!(
                    message.starts_with(&error.origin),
                    "error must name the input first: {message}"
                );
                errors.push(error);
            }
        }
    }
    (documents, errors)
}

fn check_document(document: &Document) {
    let text = &document.text;
    assert!(!text.trim().is_empty(), "{}: empty text", document.origin);
    assert!(!document.id.is_empty(), "{}: no id", document.origin);
    assert!(!document.origin.is_empty());
    assert!((0.0..=1.0).contains(&document.lang_confidence));
    if let Some(span) = document.title_span {
        assert!(
            text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize)
        );
        assert_eq!(
            Some(span.slice(text)),
            document.title.as_deref(),
            "{}: title span",
            document.origin
        );
    }
    if let Some(byline) = &document.byline {
        assert!(byline.span.end as usize <= text.len());
        assert!(!byline.span.slice(text).is_empty());
        assert!(
            document
                .title_span
                .is_none_or(|title| title.end <= byline.span.start)
        );
    }
    assert!(document.body_span().end as usize <= text.len());
}

fn write(directory: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = directory.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create directory");
    }
    std::fs::write(&path, bytes).expect("write test input");
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("compress");
    encoder.finish().expect("compress")
}

fn defaults() -> ReadOptions {
    ReadOptions::default()
}

const STORY: &str = "Regierung kündigt Reform der Rente an\n\
Die Bundesregierung will das Rentensystem grundlegend umbauen. Das kündigte die Ministerin am Dienstag in Berlin an.\n\
Kritik kam von den Gewerkschaften, die vor Kürzungen warnten.\n\
K. Beispiel--ABC";

#[test]
fn wire_text_with_sidecar() {
    let directory = tempfile::tempdir().expect("temp dir");
    let path = write(directory.path(), "story.txt", STORY.as_bytes());
    write(
        directory.path(),
        "story.meta.json",
        br#"{"id": "abc-1", "published": "2024-03-05", "lang": "de", "source": "ABC"}"#,
    );
    let (documents, errors) = check(&path, &defaults());
    assert!(errors.is_empty(), "{errors:?}");
    let [document] = documents.as_slice() else {
        panic!("one document expected, got {}", documents.len())
    };
    assert_eq!(document.text, STORY);
    assert_eq!(document.id, "abc-1");
    assert_eq!(document.published, NaiveDate::from_ymd_opt(2024, 3, 5));
    assert_eq!((document.lang, document.lang_confidence), (Lang::De, 1.0));
    assert_eq!(document.source.as_deref(), Some("ABC"));
    assert_eq!(
        document.title.as_deref(),
        Some("Regierung kündigt Reform der Rente an")
    );
    let byline = document.byline.as_ref().expect("byline");
    assert_eq!(
        (byline.author.as_deref(), byline.agency.as_deref()),
        (Some("K. Beispiel"), Some("ABC"))
    );
    assert_eq!(byline.span.slice(&document.text), "K. Beispiel--ABC");
}

#[test]
fn wire_text_without_sidecar_gets_stem_and_detected_language() {
    let directory = tempfile::tempdir().expect("temp dir");
    let path = write(directory.path(), "001_story.txt", STORY.as_bytes());
    let options = ReadOptions {
        published: NaiveDate::from_ymd_opt(2020, 1, 2),
        ..defaults()
    };
    let (documents, _) = check(&path, &options);
    assert_eq!(documents[0].id, "001_story");
    assert_eq!(documents[0].lang, Lang::De);
    assert!(documents[0].lang_confidence < 1.0);
    assert_eq!(
        documents[0].published,
        NaiveDate::from_ymd_opt(2020, 1, 2),
        "--published fills a missing date"
    );
    assert_eq!(documents[0].origin, path.display().to_string());
}

#[test]
fn directories_are_walked_sorted_skipping_hidden_and_sidecars() {
    let directory = tempfile::tempdir().expect("temp dir");
    write(
        directory.path(),
        "b.txt",
        b"Zweiter Titel\nDer zweite Text steht hier.",
    );
    write(
        directory.path(),
        "a/c.txt",
        b"Dritter Titel\nDer dritte Text steht hier.",
    );
    write(
        directory.path(),
        "a.txt",
        b"Erster Titel\nDer erste Text steht hier.",
    );
    write(
        directory.path(),
        ".hidden.txt",
        b"Versteckt\nDas darf nicht gelesen werden.",
    );
    write(
        directory.path(),
        ".git/config.txt",
        b"Versteckt\nDas auch nicht.",
    );
    write(directory.path(), "a.gold.json", br#"{"events": []}"#);
    write(
        directory.path(),
        "b.meta.json",
        br#"{"published": "2023-07-08"}"#,
    );
    let (documents, errors) = check(directory.path(), &defaults());
    assert!(errors.is_empty(), "{errors:?}");
    let ids: Vec<&str> = documents
        .iter()
        .map(|document| document.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["c", "a", "b"],
        "entries sort by name: a/ before a.txt"
    );
    assert_eq!(documents[2].published, NaiveDate::from_ymd_opt(2023, 7, 8));
}

#[test]
fn jsonl_with_malformed_lines_between_good_ones() {
    let directory = tempfile::tempdir().expect("temp dir");
    let input = concat!(
        r#"{"id": "one", "text": "Der Minister trat am Montag zurück.", "title": "Rücktritt", "published": "2024-12-04T23:30:00+01:00", "section": "Politik"}"#,
        "\n",
        r#"{"id": "two", "text": "#,
        "\n\n",
        r#"{"id": "three", "text": "The minister resigned on Monday after the scandal.", "title": "The minister", "lang": "en"}"#,
        "\n",
        r#"{"title": "no text here"}"#,
        "\n",
        r#"["not", "an", "object"]"#,
        "\n",
        r#"{"text": "Eine Meldung ohne Kennung und ohne Datum, aber mit Inhalt."}"#,
        "\n",
    );
    let path = write(directory.path(), "news.jsonl", input.as_bytes());
    let options = ReadOptions {
        published: NaiveDate::from_ymd_opt(2000, 1, 1),
        ..defaults()
    };
    let (documents, errors) = check(&path, &options);
    assert_eq!(documents.len(), 3);
    assert_eq!(errors.len(), 3);
    let lines: Vec<Option<Position>> = errors.iter().map(|error| error.position).collect();
    assert_eq!(
        lines,
        [
            Some(Position::Line(2)),
            Some(Position::Line(5)),
            Some(Position::Line(6))
        ]
    );
    assert!(
        errors[0]
            .to_string()
            .starts_with(&format!("{}: line 2: invalid JSON: ", path.display())),
        "{}",
        errors[0]
    );
    assert!(errors[1].to_string().contains("missing field \"text\""));

    let one = &documents[0];
    assert_eq!(one.id, "one");
    assert_eq!(
        one.published,
        NaiveDate::from_ymd_opt(2024, 12, 4),
        "the date in the timestamp's own offset"
    );
    assert_eq!(one.title.as_deref(), Some("Rücktritt"));
    assert_eq!(
        one.title_span, None,
        "the text does not start with the title"
    );
    assert_eq!(
        one.meta.get("section").and_then(|value| value.as_str()),
        Some("Politik")
    );
    assert_eq!(one.lang, Lang::De);
    assert_eq!(one.origin, format!("{}:1", path.display()));

    let three = &documents[1];
    assert_eq!(
        three.title_span.map(|span| span.slice(&three.text)),
        Some("The minister")
    );
    assert_eq!((three.lang, three.lang_confidence), (Lang::En, 1.0));
    assert_eq!(three.published, NaiveDate::from_ymd_opt(2000, 1, 1));

    let anonymous = &documents[2];
    assert_eq!(anonymous.id.len(), 16, "content hash id");
    assert_eq!(anonymous.origin, format!("{}:7", path.display()));
}

#[test]
fn input_language_and_option_language() {
    let line = br#"{"id": "x", "text": "Der Minister trat am Montag zurueck, sagte ein Sprecher.", "lang": "fr"}"#;
    let documents = read_bytes("upload.jsonl", line, &defaults());
    let document = documents[0].as_ref().expect("document");
    assert_eq!(
        (document.lang, document.lang_confidence),
        (Lang::Other, 1.0),
        "the input's lang wins"
    );
    let line =
        br#"{"id": "x", "text": "Der Minister trat am Montag zurueck, sagte ein Sprecher."}"#;
    let options = ReadOptions {
        lang: Some(Lang::En),
        ..defaults()
    };
    let documents = read_bytes("upload.jsonl", line, &options);
    let document = documents[0].as_ref().expect("document");
    assert_eq!(
        (document.lang, document.lang_confidence),
        (Lang::En, 1.0),
        "--lang applies when the input states none"
    );
}

#[test]
fn empty_file() {
    let directory = tempfile::tempdir().expect("temp dir");
    for name in ["empty.txt", "empty.jsonl", "empty.html", "empty.csv"] {
        let path = write(directory.path(), name, b"");
        let (documents, errors) = check(&path, &defaults());
        assert!(documents.is_empty());
        assert_eq!(errors.len(), 1, "{name}");
        assert!(
            matches!(errors[0].kind, InputErrorKind::Empty),
            "{name}: {}",
            errors[0]
        );
    }
    let path = write(directory.path(), "blank.txt", b" \n\n \t\n");
    let (_, errors) = check(&path, &defaults());
    assert_eq!(errors.len(), 1);
}

#[test]
fn random_binary_is_rejected() {
    let directory = tempfile::tempdir().expect("temp dir");
    // A simple deterministic byte generator (xorshift), like an image or archive.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let bytes: Vec<u8> = (0..20_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    for name in ["image.txt", "blob", "data.jsonl", "page.html", "table.csv"] {
        let path = write(directory.path(), name, &bytes);
        let (documents, errors) = check(&path, &defaults());
        assert!(documents.is_empty(), "{name}");
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        assert!(
            matches!(errors[0].kind, InputErrorKind::Binary(_)),
            "{name}: {}",
            errors[0]
        );
        assert!(
            matches!(errors[0].position, Some(Position::Byte(_))),
            "{name}"
        );
    }
}

#[test]
fn invalid_utf8_falls_back_to_windows_1252() {
    let directory = tempfile::tempdir().expect("temp dir");
    let latin1 = b"Gr\xfc\xdfe aus K\xf6ln\nDer B\xfcrgermeister sagte: \x84Wir sind stolz.\x93\n";
    let path = write(directory.path(), "latin1.txt", latin1);
    let (documents, errors) = check(&path, &defaults());
    assert!(errors.is_empty());
    assert_eq!(
        documents[0].text,
        "Grüße aus Köln\nDer Bürgermeister sagte: „Wir sind stolz.“\n"
    );
    assert_eq!(documents[0].title.as_deref(), Some("Grüße aus Köln"));
    // UTF-8 with a BOM, and UTF-16 with a BOM.
    let path = write(
        directory.path(),
        "bom.txt",
        "\u{feff}Titel\nText über Köln.".as_bytes(),
    );
    assert_eq!(
        check(&path, &defaults()).0[0].text,
        "Titel\nText über Köln."
    );
    let utf16: Vec<u8> = std::iter::once(0xfeff_u16)
        .chain("Titel\nText über Köln.".encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let path = write(directory.path(), "utf16.txt", &utf16);
    let (documents, errors) = check(&path, &defaults());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(documents[0].text, "Titel\nText über Köln.");
}

#[test]
fn gzip_inputs_and_truncated_gzip() {
    let directory = tempfile::tempdir().expect("temp dir");
    let path = write(directory.path(), "story.txt.gz", &gzip(STORY.as_bytes()));
    let (documents, errors) = check(&path, &defaults());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(documents[0].text, STORY);
    assert_eq!(documents[0].id, "story");

    let mut lines = String::new();
    for index in 0..2000 {
        lines.push_str(&format!("{{\"id\": \"n{index}\", \"text\": \"Meldung Nummer {index} über die Lage in der Stadt und im Land.\"}}\n"));
    }
    let compressed = gzip(lines.as_bytes());
    let truncated = &compressed[..compressed.len() / 2];
    let path = write(directory.path(), "news.jsonl.gz", truncated);
    let (documents, errors) = check(&path, &defaults());
    assert!(
        !documents.is_empty() && documents.len() < 2000,
        "documents before the cut are kept: {}",
        documents.len()
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        matches!(errors[0].kind, InputErrorKind::Gzip(_)),
        "{}",
        errors[0]
    );
    let Some(Position::Byte(offset)) = errors[0].position else {
        panic!("byte offset expected: {}", errors[0])
    };
    assert!(offset <= truncated.len() as u64);
    for (index, document) in documents.iter().enumerate() {
        assert_eq!(document.id, format!("n{index}"), "documents stay in order");
    }

    let compressed = gzip(STORY.as_bytes());
    let path = write(
        directory.path(),
        "cut.txt.gz",
        &compressed[..compressed.len() - 12],
    );
    let (documents, errors) = check(&path, &defaults());
    assert!(documents.is_empty());
    assert_eq!(errors.len(), 1);
    assert!(errors[0].to_string().contains("gzip"), "{}", errors[0]);
}

#[test]
fn html_article_and_html_without_body() {
    let directory = tempfile::tempdir().expect("temp dir");
    let page = "<!DOCTYPE html><html lang=\"de\"><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\
        <title>Seite</title><meta property=\"article:published_time\" content=\"2024-02-03T08:00:00+01:00\"></head>\
        <body><nav><a href=\"/\">Start</a></nav><article><h1>Streit um den Haushalt</h1>\
        <p>Die Koalition hat sich am Freitag nicht auf einen Haushalt f\u{fc}r das kommende Jahr geeinigt.</p>\
        <p>Die Gespr\u{e4}che sollen in der n\u{e4}chsten Woche weitergehen, hie\u{df} es.</p></article>\
        <div id=\"cookie-notice\"><p>Diese Seite verwendet Cookies, um Ihnen das beste Erlebnis zu bieten.</p></div></body></html>";
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(page);
    let path = write(directory.path(), "artikel.html", &latin1);
    let (documents, errors) = check(&path, &defaults());
    assert!(errors.is_empty(), "{errors:?}");
    let document = &documents[0];
    assert_eq!(
        document.text,
        "Streit um den Haushalt\n\
         Die Koalition hat sich am Freitag nicht auf einen Haushalt für das kommende Jahr geeinigt.\n\
         Die Gespräche sollen in der nächsten Woche weitergehen, hieß es."
    );
    assert_eq!(document.title.as_deref(), Some("Streit um den Haushalt"));
    assert_eq!(document.published, NaiveDate::from_ymd_opt(2024, 2, 3));
    assert_eq!(document.id, "artikel");
    assert_eq!(document.lang, Lang::De);

    for (name, page) in [
        (
            "nobody.html",
            "<html><head><title>Nur ein Titel</title></head></html>",
        ),
        (
            "scripts.html",
            "<html><body><script>document.write('x')</script><nav><a href='/'>Start</a></nav></body></html>",
        ),
    ] {
        let path = write(directory.path(), name, page.as_bytes());
        let (documents, errors) = check(&path, &defaults());
        assert!(documents.is_empty(), "{name}");
        assert_eq!(errors.len(), 1, "{name}");
        assert!(
            errors[0].to_string().contains("no article text"),
            "{}",
            errors[0]
        );
    }
}

#[test]
fn deeply_nested_html() {
    let depth = 100_000;
    let mut page = String::from("<html><body>");
    for _ in 0..depth {
        page.push_str("<div><span>");
    }
    page.push_str("<p>Ganz unten steht ein Absatz, der lang genug ist, um als Text zu zählen.</p>");
    for _ in 0..depth {
        page.push_str("</span></div>");
    }
    page.push_str("</body></html>");
    let options = ReadOptions {
        format: InputFormat::Html,
        ..defaults()
    };
    let results = read_bytes("deep.html", page.as_bytes(), &options);
    assert_eq!(results.len(), 1);
    let document = results[0].as_ref().expect("deep page reads");
    assert!(
        document.text.contains("Ganz unten steht ein Absatz"),
        "{:?}",
        document.text
    );
}

#[test]
fn feeds_with_broken_items() {
    let directory = tempfile::tempdir().expect("temp dir");
    let rss = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Beispiel-Nachrichten</title>
<item>
  <title>Wahl in Thüringen</title>
  <link>https://example.invalid/wahl</link>
  <guid>wahl-1</guid>
  <pubDate>Sun, 01 Sep 2024 18:00:00 +0200</pubDate>
  <description><![CDATA[<p>Die Wahllokale haben geschlossen.</p><p>Erste Prognosen werden erwartet.</p>]]></description>
</item>
<item>
  <guid>leer</guid>
</item>
<item>
  <title>Hochwasser&nbsp;in Bayern</title>
  <description>Die Pegel steigen weiter &amp; die Feuerwehr ist im Einsatz.</description>
</item>
</channel></rss>"#;
    let path = write(directory.path(), "feed.xml", rss.as_bytes());
    let (documents, errors) = check(&path, &defaults());
    assert_eq!(documents.len(), 2, "{errors:?}");
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].position,
        Some(Position::Line(11)),
        "{}",
        errors[0]
    );
    let first = &documents[0];
    assert_eq!(first.id, "wahl-1");
    assert_eq!(
        first.text,
        "Wahl in Thüringen\nDie Wahllokale haben geschlossen.\nErste Prognosen werden erwartet."
    );
    assert_eq!(first.published, NaiveDate::from_ymd_opt(2024, 9, 1));
    assert_eq!(first.source.as_deref(), Some("Beispiel-Nachrichten"));
    assert_eq!(first.url.as_deref(), Some("https://example.invalid/wahl"));
    assert_eq!(first.origin, format!("{}:4", path.display()));
    let second = &documents[1];
    assert_eq!(
        second.text,
        "Hochwasser in Bayern\nDie Pegel steigen weiter & die Feuerwehr ist im Einsatz."
    );
    assert_eq!(second.id.len(), 16);

    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom-Quelle</title>
<entry><id>urn:x:1</id><title type="html">Gipfel &lt;b&gt;vertagt&lt;/b&gt;</title>
<link rel="alternate" href="https://example.invalid/gipfel"/><updated>2024-05-06T10:00:00Z</updated>
<content type="html">&lt;p&gt;Der Gipfel wurde auf Juni vertagt.&lt;/p&gt;</content></entry>
<entry><id>urn:x:2</id><title>Abgeschnitten"#;
    let path = write(directory.path(), "atom.atom", atom.as_bytes());
    let (documents, errors) = check(&path, &defaults());
    assert_eq!(documents.len(), 1);
    assert_eq!(
        documents[0].text,
        "Gipfel vertagt\nDer Gipfel wurde auf Juni vertagt."
    );
    assert_eq!(documents[0].id, "urn:x:1");
    assert_eq!(
        documents[0].url.as_deref(),
        Some("https://example.invalid/gipfel")
    );
    assert_eq!(documents[0].published, NaiveDate::from_ymd_opt(2024, 5, 6));
    assert_eq!(errors.len(), 1, "the truncated entry is one error");
    assert_eq!(errors[0].position, Some(Position::Line(5)));
}

#[test]
fn petrarch_records() {
    let directory = tempfile::tempdir().expect("temp dir");
    let xml = r#"<Validation>
<Environment><Verbfile>x.txt</Verbfile></Environment>
<Sentences>
<!-- a comment with <Sentence> inside -->
<Sentence date="20010203" id="TEST-01" category="DEMO">
<EventCoding sourcecode="AAA" targetcode="BBB" eventcode="042"></EventCoding>
<Text>
Freedonia's president visited
Sylvania on Tuesday.
</Text>
<Parse>(ROOT (S (NP (NNP Freedonia))))</Parse>
</Sentence>
<Sentence date="2001xx03" id="TEST-02">
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence date="bad" id="TEST-03"><Text>Sylvania rejected the offer.</Text></Sentence>
</Sentences>
</Validation>"#;
    let path = write(directory.path(), "records.xml", xml.as_bytes());
    let options = ReadOptions {
        published: NaiveDate::from_ymd_opt(1999, 9, 9),
        ..defaults()
    };
    let (documents, errors) = check(&path, &options);
    assert_eq!(documents.len(), 2);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].position, Some(Position::Line(13)));
    assert!(errors[0].to_string().contains("TEST-02"));
    assert_eq!(documents[0].id, "TEST-01");
    assert_eq!(
        documents[0].text,
        "Freedonia's president visited Sylvania on Tuesday."
    );
    assert_eq!(documents[0].published, NaiveDate::from_ymd_opt(2001, 2, 3));
    assert_eq!(
        documents[0]
            .meta
            .get("category")
            .and_then(|value| value.as_str()),
        Some("DEMO")
    );
    assert_eq!(documents[0].lang, Lang::En);
    assert_eq!(
        documents[1].published,
        NaiveDate::from_ymd_opt(1999, 9, 9),
        "bad record date: the option fills in"
    );
}

#[test]
fn csv_in_the_10kgnad_layout() {
    let directory = tempfile::tempdir().expect("temp dir");
    let csv = "Inland;'Der Landtag hat am Mittwoch ein neues Gesetz beschlossen; es tritt im Mai in Kraft.'\r\n\
               Sport;Die Mannschaft gewann das Spiel mit \"drei zu eins\" und ist nun Tabellenführer.\r\n\
               Kultur;'Das Museum zeigt Werke aus dem ''goldenen'' Zeitalter der Malerei.'\r\n";
    let path = write(directory.path(), "articles.csv", csv.as_bytes());
    let (documents, errors) = check(&path, &defaults());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(documents.len(), 3);
    assert_eq!(
        documents[0].text,
        "Der Landtag hat am Mittwoch ein neues Gesetz beschlossen; es tritt im Mai in Kraft."
    );
    assert_eq!(
        documents[0]
            .meta
            .get("label")
            .and_then(|value| value.as_str()),
        Some("Inland")
    );
    assert_eq!(
        documents[1].text,
        "Die Mannschaft gewann das Spiel mit \"drei zu eins\" und ist nun Tabellenführer."
    );
    assert_eq!(
        documents[2].text,
        "Das Museum zeigt Werke aus dem 'goldenen' Zeitalter der Malerei."
    );
    let origins: Vec<&str> = documents
        .iter()
        .map(|document| document.origin.as_str())
        .collect();
    assert_eq!(
        origins,
        [1, 2, 3].map(|line| format!("{}:{line}", path.display()))
    );
    assert!(
        documents
            .iter()
            .all(|document| document.lang == Lang::De && document.id.len() == 16)
    );

    let csv =
        "id,title,text,published\nr1,Titel,\"Titel und ein Satz, der folgt.\",2021-04-05\nr2,,,\n";
    let path = write(directory.path(), "header.csv", csv.as_bytes());
    let (documents, errors) = check(&path, &defaults());
    assert_eq!(documents.len(), 1);
    assert_eq!(documents[0].id, "r1");
    assert_eq!(documents[0].published, NaiveDate::from_ymd_opt(2021, 4, 5));
    assert_eq!(
        documents[0]
            .title_span
            .map(|span| span.slice(&documents[0].text)),
        Some("Titel")
    );
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].position, Some(Position::Line(3)));
}

#[test]
fn large_text_file() {
    let directory = tempfile::tempdir().expect("temp dir");
    let paragraph = "Die Regierung hat am Dienstag in Berlin ein umfangreiches Paket beschlossen, das viele Bereiche betrifft.\n";
    let target = 100 * 1024 * 1024;
    let mut text = String::with_capacity(target + paragraph.len() + 64);
    text.push_str("Ein sehr langer Text\n");
    while text.len() < target {
        text.push_str(paragraph);
    }
    text.push_str("A. Autor--XYZ\n");
    let path = write(directory.path(), "huge.txt", text.as_bytes());
    let (documents, errors) = check(&path, &defaults());
    assert!(documents.is_empty());
    assert_eq!(errors.len(), 1);
    assert!(
        matches!(errors[0].kind, InputErrorKind::TooLarge { .. }),
        "{}",
        errors[0]
    );
    assert_eq!(
        errors[0].position,
        Some(Position::Byte(
            lagebild_ingest::DEFAULT_MAX_DOCUMENT_BYTES as u64
        ))
    );

    let options = ReadOptions {
        max_document_bytes: 128 * 1024 * 1024,
        ..defaults()
    };
    let (documents, errors) = check(&path, &options);
    assert!(errors.is_empty());
    assert_eq!(documents[0].text.len(), text.len());
    assert_eq!(
        documents[0]
            .byline
            .as_ref()
            .and_then(|byline| byline.agency.as_deref()),
        Some("XYZ")
    );
    assert_eq!(documents[0].lang, Lang::De);
}

#[test]
fn missing_path() {
    let directory = tempfile::tempdir().expect("temp dir");
    let path = directory.path().join("does-not-exist.txt");
    let (documents, errors) = check(&path, &defaults());
    assert!(documents.is_empty());
    assert_eq!(errors.len(), 1);
    assert!(matches!(errors[0].kind, InputErrorKind::NotFound));
    assert_eq!(
        errors[0].to_string(),
        format!("{}: no such file or directory", path.display())
    );
}

#[test]
fn bad_inputs_in_a_directory_do_not_stop_the_good_ones() {
    let directory = tempfile::tempdir().expect("temp dir");
    write(directory.path(), "1.txt", STORY.as_bytes());
    write(directory.path(), "2.txt", b"");
    write(directory.path(), "3.bin", b"\x00\x01\x02\x03binary");
    write(directory.path(), "4.html", b"<html><head></head></html>");
    write(
        directory.path(),
        "5.jsonl",
        b"{\"text\": \"Ein guter Eintrag mit etwas Text.\"}\n{oops\n",
    );
    write(
        directory.path(),
        "6.txt.gz",
        &gzip(b"Titel\nNoch ein guter Text.")[..10],
    );
    write(directory.path(), "7.txt", b"Titel\nDer letzte gute Text.");
    let (documents, errors) = check(directory.path(), &defaults());
    let ids: Vec<&str> = documents
        .iter()
        .map(|document| document.id.as_str())
        .collect();
    assert_eq!(ids.len(), 3);
    assert_eq!((ids[0], ids[2]), ("1", "7"));
    let failed: Vec<String> = errors
        .iter()
        .map(|error| {
            Path::new(&error.origin)
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        failed,
        ["2.txt", "3.bin", "4.html", "5.jsonl", "6.txt.gz"],
        "{errors:?}"
    );
}

#[test]
fn documents_can_move_to_worker_threads() {
    fn assert_send<T: Send>(_: &T) {}
    let directory = tempfile::tempdir().expect("temp dir");
    let documents = read_path(directory.path(), &defaults());
    assert_send(&documents);
}

#[test]
fn format_names_round_trip() {
    for format in [
        InputFormat::Auto,
        InputFormat::Text,
        InputFormat::Jsonl,
        InputFormat::Html,
        InputFormat::Feed,
        InputFormat::PetrarchXml,
        InputFormat::Csv,
    ] {
        assert_eq!(format.name().parse::<InputFormat>(), Ok(format));
    }
    assert!("yaml".parse::<InputFormat>().is_err());
}

#[test]
fn forced_format_overrides_detection() {
    let bytes = b"{\"text\": \"kein JSON, sondern Text\"}\nzweite Zeile";
    let options = ReadOptions {
        format: InputFormat::Text,
        ..defaults()
    };
    let results = read_bytes("x.jsonl", bytes, &options);
    let document = results[0].as_ref().expect("text");
    assert_eq!(document.text.as_bytes(), bytes);
    assert_eq!(
        read_bytes(
            "-",
            b"<rss><channel><item><title>T</title></item></channel></rss>",
            &defaults()
        )
        .len(),
        1
    );
}

#[test]
fn content_detection() {
    let options = defaults();
    let first = |name: &str, bytes: &[u8]| {
        read_bytes(name, bytes, &options)
            .into_iter()
            .next()
            .expect("one result")
    };
    let text = first(
        "-",
        b"[Update] Lage in der Stadt\nDie Lage hat sich am Abend beruhigt.",
    )
    .expect("text");
    assert_eq!(text.title.as_deref(), Some("[Update] Lage in der Stadt"));
    let json = first("-", b"  {\"id\": \"j\", \"text\": \"Ein Text.\"}\n").expect("jsonl");
    assert_eq!(json.id, "j");
    let array = first("-", b"[{\"id\": \"a\", \"text\": \"Ein Text.\"}]").expect("json array");
    assert_eq!(array.id, "a");
    let page = first(
        "-",
        b"<!doctype html><p>Ein Absatz im Netz, lang genug, um zu z\xc3\xa4hlen.</p>",
    )
    .expect("html");
    assert_eq!(page.text, "Ein Absatz im Netz, lang genug, um zu zählen.");
    let feed = first("-", b"<?xml version=\"1.0\"?>\n<!-- c -->\n<rss><channel><item><title>Eine Meldung</title></item></channel></rss>").expect("feed");
    assert_eq!(feed.text, "Eine Meldung");
    let record = first("-", b"<Sentences><Sentence id=\"r\" date=\"20200101\"><Text>A text.</Text></Sentence></Sentences>").expect("records");
    assert_eq!(record.id, "r");
}

#[test]
fn read_wire_text_keeps_working() {
    let document = lagebild_ingest::read_wire_text("doc-7", STORY);
    check_document(&document);
    assert_eq!(document.id, "doc-7");
    assert_eq!(document.text, STORY);
    assert_eq!(document.lang, Lang::De);
    assert!(document.byline.is_some());
}
