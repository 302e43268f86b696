//! Evaluation of person resolution against hand-annotated articles (`*.gold.json` with
//! `persons: [{name, actor}]` and `dct`, beside the article `*.txt`), as in
//! `../shared/corpus/seed`. A gold person counts as found when a person mention with that
//! canonical name exists, and as correctly coded when every such mention's code starts
//! with the gold actor's code root (`NATO` = `IGOWSTNAT`, `UN` = `IGOUNO`, `EU` =
//! `IGOEUREEC`, else the ISO alpha-3 code), with the code valid at the article's date.

use std::fmt;
use std::path::Path;

use chrono::NaiveDate;
use lagebild_doc::{Document, Lang, TextAnalysis};

use crate::{ActorKb, ActorKind, KbError};

/// Counts over all gold persons of a directory.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PersonReport {
    pub documents: usize,
    pub gold_persons: usize,
    pub found: usize,
    pub correctly_coded: usize,
    /// Person mentions (all forms) in the documents.
    pub person_mentions: usize,
    /// Of those, mentions resolved to an antecedent (surnames, descriptions, pronouns).
    pub resolved_mentions: usize,
}

impl fmt::Display for PersonReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let percent = |part: usize, whole: usize| {
            if whole == 0 {
                0.0
            } else {
                100.0 * part as f64 / whole as f64
            }
        };
        writeln!(
            f,
            "| documents | gold persons | found | correctly coded | person mentions | with antecedent |"
        )?;
        writeln!(
            f,
            "|-----------|--------------|-------|-----------------|-----------------|-----------------|"
        )?;
        writeln!(
            f,
            "| {} | {} | {} ({:.0}%) | {} ({:.0}%) | {} | {} |",
            self.documents,
            self.gold_persons,
            self.found,
            percent(self.found, self.gold_persons),
            self.correctly_coded,
            percent(self.correctly_coded, self.gold_persons),
            self.person_mentions,
            self.resolved_mentions
        )
    }
}

fn code_root(actor: &str) -> &str {
    match actor {
        "NATO" => "IGOWSTNAT",
        "UN" => "IGOUNO",
        "EU" => "IGOEUREEC",
        other => other,
    }
}

fn io(path: &Path, source: std::io::Error) -> KbError {
    KbError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Evaluates every `*.gold.json` in `dir` that has a `persons` list.
pub fn evaluate_gold_persons(kb: &ActorKb, dir: &Path) -> Result<PersonReport, KbError> {
    let mut report = PersonReport::default();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|error| io(dir, error))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    entries.sort();
    for gold_path in entries
        .iter()
        .filter(|path| path.to_string_lossy().ends_with(".gold.json"))
    {
        let gold_text = std::fs::read_to_string(gold_path).map_err(|error| io(gold_path, error))?;
        let gold: serde_json::Value = serde_json::from_str(&gold_text).map_err(|error| {
            KbError::syntax(
                &gold_path.display().to_string(),
                error.line(),
                error.to_string(),
            )
        })?;
        let Some(persons) = gold["persons"].as_array() else {
            continue;
        };
        let text_path = gold_path.with_file_name(gold["doc"].as_str().unwrap_or_default());
        let text = std::fs::read_to_string(&text_path).map_err(|error| io(&text_path, error))?;
        let date = gold["dct"]
            .as_str()
            .and_then(|dct| NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok());
        let lang = Lang::parse(gold["lang"].as_str().unwrap_or("de"));
        let doc = Document {
            text,
            lang,
            published: date,
            ..Document::default()
        };
        let mentions = kb.annotate(&doc, &TextAnalysis::default(), date);
        report.documents += 1;
        let people: Vec<_> = mentions
            .iter()
            .filter(|mention| mention.kind == ActorKind::Person)
            .collect();
        report.person_mentions += people.len();
        report.resolved_mentions += people
            .iter()
            .filter(|mention| mention.antecedent.is_some())
            .count();
        for person in persons {
            let name = person["name"].as_str().unwrap_or_default();
            let root = code_root(person["actor"].as_str().unwrap_or_default());
            let found: Vec<_> = people
                .iter()
                .filter(|mention| mention.name == name)
                .collect();
            report.gold_persons += 1;
            if !found.is_empty() {
                report.found += 1;
                if found.iter().all(|mention| mention.code.starts_with(root)) {
                    report.correctly_coded += 1;
                }
            }
        }
    }
    Ok(report)
}
