//! PETRARCH validation records coded from raw text through the whole pipeline.
//!
//! Records are read with [`lagebild_events::eval::read_petrarch_records`] (`<Sentence>`
//! with `<Text>`, `<EventCoding sourcecode targetcode eventcode>` or `noevents`,
//! `<Config>` overrides); each text becomes an English document dated as the record
//! ([`lagebild_events::eval::petrarch_document`]) and goes through
//! [`Pipeline::with_dictionaries`] — the gold parses are not used. Produced codings are
//! `(source, target, code)` strings (a missing target is `---`), deduplicated per record
//! and compared exactly with the expected ones. `<Config>` elements between records
//! change a PETRARCH option for the records after them; records coded while an option
//! differs from `PETR_config.ini`'s default are scored like the others and counted
//! apart (lagebild does not apply the overrides).

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use lagebild_pipeline::{DictionaryFiles, Pipeline};
use serde::Serialize;

use crate::{EvalError, ratio};

type Coding = (String, String, String);

/// One record's outcome.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PetrarchRecordResult {
    pub id: String,
    pub category: String,
    pub text: String,
    pub has_config: bool,
    /// PETRARCH options in force that differ from the defaults (`require_dyad=false`).
    pub config: Vec<String>,
    pub expected: Vec<Coding>,
    pub produced: Vec<Coding>,
    /// Expected codings not produced, and produced codings not expected.
    pub missed: Vec<Coding>,
    pub extra: Vec<Coding>,
    /// The dictionary rules behind the extras, in order.
    pub extra_rules: Vec<String>,
}

impl PetrarchRecordResult {
    pub fn matched(&self) -> usize {
        self.expected.len() - self.missed.len()
    }

    pub fn correct(&self) -> bool {
        self.missed.is_empty() && self.extra.is_empty()
    }
}

/// The result of [`petrarch`].
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PetrarchReport {
    pub source: String,
    pub dictionaries: Vec<String>,
    pub records: Vec<PetrarchRecordResult>,
    /// Print every record in `Display`, not only the wrong ones.
    pub verbose: bool,
    /// Missed codings by what went wrong (`nothing coded`, `source wrong`, ...).
    pub miss_kinds: std::collections::BTreeMap<String, usize>,
}

impl PetrarchReport {
    fn sum(
        &self,
        filter: impl Fn(&PetrarchRecordResult) -> bool,
        count: impl Fn(&PetrarchRecordResult) -> usize,
    ) -> usize {
        self.records
            .iter()
            .filter(|record| filter(record))
            .map(count)
            .sum()
    }

    pub fn expected(&self) -> usize {
        self.sum(|_| true, |record| record.expected.len())
    }

    pub fn produced(&self) -> usize {
        self.sum(|_| true, |record| record.produced.len())
    }

    pub fn matched(&self) -> usize {
        self.sum(|_| true, PetrarchRecordResult::matched)
    }

    pub fn extra(&self) -> usize {
        self.sum(|_| true, |record| record.extra.len())
    }

    pub fn records_correct(&self) -> usize {
        self.records
            .iter()
            .filter(|record| record.correct())
            .count()
    }

    /// Matched over expected codings.
    pub fn recall(&self) -> f64 {
        ratio(self.matched(), self.expected())
    }

    /// Extras over expected codings (the target's denominator).
    pub fn extra_rate(&self) -> f64 {
        ratio(self.extra(), self.expected())
    }

    /// Matched over produced codings.
    pub fn precision(&self) -> f64 {
        ratio(self.matched(), self.produced())
    }

    fn row(
        &self,
        out: &mut fmt::Formatter<'_>,
        name: &str,
        filter: impl Fn(&PetrarchRecordResult) -> bool + Copy,
    ) -> fmt::Result {
        let records = self.records.iter().filter(|record| filter(record)).count();
        let correct = self
            .records
            .iter()
            .filter(|record| filter(record) && record.correct())
            .count();
        let expected = self.sum(filter, |record| record.expected.len());
        let produced = self.sum(filter, |record| record.produced.len());
        let matched = self.sum(filter, PetrarchRecordResult::matched);
        let extra = self.sum(filter, |record| record.extra.len());
        writeln!(
            out,
            "{name:<22} {records:>7} {correct:>8} {expected:>9} {produced:>9} {matched:>8} {:>8.1} {extra:>6} {:>10.1} {:>6.1}",
            100.0 * ratio(matched, expected),
            100.0 * ratio(extra, expected),
            100.0 * ratio(matched, produced),
        )
    }
}

fn coding(coding: &Coding) -> String {
    format!("{} {} {}", coding.0, coding.1, coding.2)
}

impl fmt::Display for PetrarchReport {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(out, "PETRARCH validation from raw text: {}", self.source)?;
        writeln!(
            out,
            "dictionaries: {}",
            if self.dictionaries.is_empty() {
                "embedded".to_string()
            } else {
                self.dictionaries.join(", ")
            }
        )?;
        for record in &self.records {
            if !self.verbose && record.correct() {
                continue;
            }
            writeln!(
                out,
                "{} [{}]{} expected {} produced {} matched {}",
                record.id,
                record.category,
                if record.has_config {
                    format!(" (config {})", record.config.join(" "))
                } else {
                    String::new()
                },
                record.expected.len(),
                record.produced.len(),
                record.matched()
            )?;
            writeln!(out, "    text: {}", crate::clip(&record.text, 300))?;
            for missed in &record.missed {
                writeln!(out, "    missed {}", coding(missed))?;
            }
            for (index, extra) in record.extra.iter().enumerate() {
                writeln!(
                    out,
                    "    extra  {}  ({})",
                    coding(extra),
                    record.extra_rules.get(index).map_or("", String::as_str)
                )?;
            }
            for produced in record
                .produced
                .iter()
                .filter(|produced| !record.extra.contains(produced))
            {
                writeln!(out, "    ok     {}", coding(produced))?;
            }
        }
        writeln!(out)?;
        writeln!(
            out,
            "{:<22} {:>7} {:>8} {:>9} {:>9} {:>8} {:>8} {:>6} {:>10} {:>6}",
            "records",
            "count",
            "correct",
            "expected",
            "produced",
            "matched",
            "recall%",
            "extra",
            "extra/exp%",
            "prec%"
        )?;
        self.row(out, "all", |_| true)?;
        self.row(out, "without <Config>", |record| !record.has_config)?;
        self.row(out, "with <Config>", |record| record.has_config)?;
        self.row(out, "expecting events", |record| {
            !record.expected.is_empty()
        })?;
        self.row(out, "noevents", |record| record.expected.is_empty())?;
        if !self.miss_kinds.is_empty() {
            let mut kinds: Vec<_> = self.miss_kinds.iter().collect();
            kinds.sort_by(|a, b| b.1.cmp(a.1));
            let kinds: Vec<String> = kinds
                .iter()
                .map(|(kind, count)| format!("{kind} {count}"))
                .collect();
            writeln!(out, "missed codings by kind: {}", kinds.join(", "))?;
        }
        writeln!(
            out,
            "target: recall >= 70% with extras <= 15% of expected: {}",
            if self.recall() >= 0.70 && self.extra_rate() <= 0.15 {
                "met"
            } else {
                "not met"
            }
        )
    }
}

/// The suite's own dictionaries beside a `PETR.UnitTest.records.xml`: the files
/// `dictionaries/PETR.Validate.{verbs,actors,agents,discards}.txt` that exist.
pub fn petrarch_validate_dictionaries(records_xml: &Path) -> DictionaryFiles {
    let dir = records_xml
        .parent()
        .unwrap_or(Path::new("."))
        .join("dictionaries");
    let file = |name: &str| {
        Some(dir.join(format!("PETR.Validate.{name}.txt"))).filter(|path| path.exists())
    };
    DictionaryFiles {
        petrarch_verbs: file("verbs"),
        petrarch_actors: file("actors").into_iter().collect(),
        petrarch_agents: file("agents"),
        petrarch_discards: file("discards"),
    }
}

fn dictionary_names(files: &DictionaryFiles) -> Vec<String> {
    let name = |path: &PathBuf| {
        path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().to_string(),
        )
    };
    files
        .petrarch_verbs
        .iter()
        .chain(&files.petrarch_actors)
        .chain(&files.petrarch_agents)
        .chain(&files.petrarch_discards)
        .map(name)
        .collect()
}

/// Codes the records of `records_xml` from their raw text with `dictionaries` and scores
/// them. Errors name the file that could not be read or loaded.
pub fn petrarch(
    records_xml: &Path,
    dictionaries: &DictionaryFiles,
) -> Result<PetrarchReport, EvalError> {
    let pipeline = Pipeline::with_dictionaries(dictionaries)
        .map_err(|error| EvalError::Dictionary(error.to_string()))?;
    let mut report = petrarch_with(&pipeline, records_xml)?;
    report.dictionaries = dictionary_names(dictionaries);
    Ok(report)
}

/// PETRARCH's defaults (`PETR_config.ini`) of the options the validation file changes.
const DEFAULT_OPTIONS: &[(&str, &str)] = &[
    ("new_actor_length", "0"),
    ("require_dyad", "true"),
    ("comma_min", "2"),
    ("comma_max", "8"),
    ("comma_bmin", "0"),
    ("comma_bmax", "0"),
    ("comma_emin", "2"),
    ("comma_emax", "8"),
];

/// For every record id: the options in force that differ from the defaults, from the
/// `<Config>` elements met before it in the record list (the `<Environment>` is skipped).
fn options_in_force(xml: &str) -> HashMap<String, Vec<String>> {
    let mut options: Vec<(String, String)> = DEFAULT_OPTIONS
        .iter()
        .map(|(option, value)| (option.to_string(), value.to_string()))
        .collect();
    let attribute = |tag: &str, name: &str| -> Option<String> {
        let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
        let end = tag[start..].find('"')? + start;
        Some(tag[start..end].to_string())
    };
    let mut out = HashMap::new();
    let body = xml.find("<Sentences>").map_or(xml, |start| &xml[start..]);
    let mut rest = body;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if tag.starts_with("<Config") {
            if let (Some(option), Some(value)) = (attribute(tag, "option"), attribute(tag, "value"))
            {
                let value = value.to_lowercase();
                match options.iter_mut().find(|(known, _)| *known == option) {
                    Some(slot) => slot.1 = value,
                    None => options.push((option, value)),
                }
            }
        } else if let Some(id) = attribute(tag, "id").filter(|_| tag.starts_with("<Sentence ")) {
            {
                let changed: Vec<String> = options
                    .iter()
                    .filter(|(option, value)| {
                        DEFAULT_OPTIONS
                            .iter()
                            .find(|(known, _)| known == option)
                            .is_none_or(|(_, default)| default != value)
                    })
                    .map(|(option, value)| format!("{option}={value}"))
                    .collect();
                out.insert(id, changed);
            }
        }
        rest = &rest[end.min(rest.len())..];
        if rest.len() <= 1 {
            break;
        }
        rest = &rest[1..];
    }
    out
}

/// What went wrong with a missed coding, judged from the record's produced codings.
fn miss_kind(missed: &Coding, produced: &[Coding]) -> &'static str {
    let same_code: Vec<&Coding> = produced
        .iter()
        .filter(|coding| coding.2 == missed.2)
        .collect();
    if produced.is_empty() {
        "nothing coded"
    } else if same_code.iter().any(|coding| coding.0 == missed.0) {
        "target wrong"
    } else if same_code.iter().any(|coding| coding.1 == missed.1) {
        "source wrong"
    } else if !same_code.is_empty() {
        "both actors wrong"
    } else if produced
        .iter()
        .any(|coding| coding.0 == missed.0 && coding.1 == missed.1)
    {
        "code wrong"
    } else {
        "other codings only"
    }
}

/// [`petrarch`] with a given pipeline.
pub fn petrarch_with(pipeline: &Pipeline, records_xml: &Path) -> Result<PetrarchReport, EvalError> {
    let records = lagebild_events::eval::read_petrarch_records(records_xml).map_err(|error| {
        EvalError::Read {
            path: records_xml.display().to_string(),
            message: error.to_string(),
        }
    })?;
    let xml = std::fs::read_to_string(records_xml)
        .map_err(|error| EvalError::read(records_xml, error))?;
    let options = options_in_force(&xml);
    let mut report = PetrarchReport {
        source: records_xml.display().to_string(),
        ..PetrarchReport::default()
    };
    for record in &records {
        let doc = lagebild_events::eval::petrarch_document(record);
        let analysis = pipeline.analyze(doc);
        let mut produced: Vec<(Coding, String)> = analysis
            .events
            .iter()
            .map(|event| {
                let target = event
                    .target
                    .as_ref()
                    .map_or_else(|| "---".to_string(), |target| target.code.clone());
                (
                    (event.source.code.clone(), target, event.cameo.clone()),
                    event.rule.clone(),
                )
            })
            .collect();
        produced.sort();
        produced.dedup_by(|a, b| a.0 == b.0);
        let mut remaining: HashMap<&Coding, usize> = HashMap::new();
        for expected in &record.expected {
            *remaining.entry(expected).or_default() += 1;
        }
        let mut result = PetrarchRecordResult {
            id: record.id.clone(),
            category: record.category.clone(),
            text: record.text.clone(),
            config: options.get(&record.id).cloned().unwrap_or_default(),
            has_config: record.has_config
                || options
                    .get(&record.id)
                    .is_some_and(|changed| !changed.is_empty()),
            expected: record.expected.clone(),
            produced: produced.iter().map(|(coding, _)| coding.clone()).collect(),
            ..PetrarchRecordResult::default()
        };
        for (coding, rule) in &produced {
            match remaining.get_mut(coding) {
                Some(count) if *count > 0 => *count -= 1,
                _ => {
                    result.extra.push(coding.clone());
                    result.extra_rules.push(rule.clone());
                }
            }
        }
        for expected in &record.expected {
            if let Some(count) = remaining.get_mut(expected).filter(|count| **count > 0) {
                *count -= 1;
                result.missed.push(expected.clone());
            }
        }
        for missed in &result.missed {
            *report
                .miss_kinds
                .entry(miss_kind(missed, &result.produced).to_string())
                .or_default() += 1;
        }
        report.records.push(result);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata;

    const RECORDS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Sentences>
<Sentence date="20150801" id="TEST-01" category="basic" place="">
<EventCoding sourcecode="FRA" targetcode="DEU" eventcode="042"></EventCoding>
<Text>
France visited Germany on Monday.
</Text>
</Sentence>
<Sentence date="20150801" id="TEST-02" category="none" place="">
<EventCoding noevents="True"></EventCoding>
<Text>
The weather was fine.
</Text>
</Sentence>
<Config option="require_dyad" value="False"></Config>
<Sentence date="20150801" id="TEST-03" category="config" place="">
<EventCoding sourcecode="USA" targetcode="RUS" eventcode="111"></EventCoding>
<EventCoding sourcecode="USA" targetcode="RUS" eventcode="111"></EventCoding>
<Text>
The weather was fine again.
</Text>
</Sentence>
</Sentences>
"#;

    fn check(report: &PetrarchReport) {
        for record in &report.records {
            assert!(record.missed.len() <= record.expected.len());
            assert!(record.extra.len() <= record.produced.len());
            assert_eq!(record.extra.len(), record.extra_rules.len());
            assert_eq!(
                record.produced.len() - record.extra.len(),
                record.matched(),
                "{}",
                record.id
            );
        }
        assert!(report.matched() <= report.expected());
        assert_eq!(
            report.miss_kinds.values().sum::<usize>(),
            report.expected() - report.matched()
        );
        assert!(report.to_string().contains("records"));
        assert!(serde_json::to_value(report).is_ok());
    }

    #[test]
    fn records_are_scored_from_raw_text() {
        let dir = testdata::folder("petrarch_small");
        let path = dir.join("records.xml");
        std::fs::write(&path, RECORDS).expect("write");
        let report = petrarch(&path, &DictionaryFiles::default()).expect("report");
        check(&report);
        assert_eq!(report.records.len(), 3);
        assert_eq!(report.expected(), 3);
        assert!(report.records[2].has_config);
        assert!(!report.records[1].has_config);
        assert_eq!(
            report.records[2].config,
            vec!["require_dyad=false".to_string()]
        );
        // No sentence here can yield a USA->RUS coding: both expected ones are missed.
        assert_eq!(report.records[2].missed.len(), 2);
        assert!(report.records[1].expected.is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn missing_dictionary_is_an_error() {
        let files = DictionaryFiles {
            petrarch_verbs: Some(PathBuf::from("/nonexistent/verbs.txt")),
            ..DictionaryFiles::default()
        };
        let error = petrarch(Path::new("/nonexistent/records.xml"), &files).expect_err("missing");
        assert!(
            error.to_string().contains("verbs.txt") || error.to_string().contains("records.xml")
        );
    }

    #[test]
    fn validation_suite_dictionaries_are_found() {
        let Some(xml) = testdata::shared(
            "validation_suite_dictionaries_are_found",
            "data/petrarch/petrarch2/PETR.UnitTest.records.xml",
        ) else {
            return;
        };
        let files = petrarch_validate_dictionaries(&xml);
        assert!(files.petrarch_verbs.is_some());
        assert_eq!(files.petrarch_actors.len(), 1);
    }

    /// The whole suite (284 records) with the suite's dictionaries: about a second.
    #[test]
    fn validation_suite_runs() {
        let Some(xml) = testdata::shared(
            "validation_suite_runs",
            "data/petrarch/petrarch2/PETR.UnitTest.records.xml",
        ) else {
            return;
        };
        let report = petrarch(&xml, &petrarch_validate_dictionaries(&xml)).expect("report");
        check(&report);
        assert!(report.records.len() > 200);
    }
}
