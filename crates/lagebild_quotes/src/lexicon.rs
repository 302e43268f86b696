//! Cue verbs (from `data/cues_de.txt`, `data/cues_en.txt`), Konjunktiv forms and the
//! small closed word classes the patterns need.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::QuoteError;

/// One reading of a cue form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CueReading {
    pub lemma: String,
    /// The separable particle the clause must contain, when the form lacks it.
    pub particle: Option<String>,
    /// `cues_de.txt:12`.
    pub rule: String,
}

/// Form -> readings.
#[derive(Debug, Default)]
pub(crate) struct CueLexicon {
    pub forms: HashMap<String, Vec<CueReading>>,
}

impl CueLexicon {
    pub fn parse(file: &str, text: &str) -> Result<CueLexicon, QuoteError> {
        let mut lexicon = CueLexicon::default();
        lexicon.add(file, text)?;
        Ok(lexicon)
    }

    pub fn add(&mut self, file: &str, text: &str) -> Result<(), QuoteError> {
        for (index, line) in text.lines().enumerate() {
            let number = index + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let columns: Vec<&str> = line.split('\t').collect();
            if columns.len() != 3 {
                return Err(QuoteError::Lexicon {
                    file: file.to_string(),
                    line: number,
                    message: format!("expected 3 tab-separated columns, found {}", columns.len()),
                });
            }
            let particle = (columns[1] != "-").then(|| columns[1].to_string());
            for form in columns[2].split_whitespace() {
                let needs_particle = particle
                    .as_ref()
                    .filter(|particle| !form.starts_with(particle.as_str()))
                    .cloned();
                self.forms
                    .entry(form.to_string())
                    .or_default()
                    .push(CueReading {
                        lemma: columns[0].to_string(),
                        particle: needs_particle,
                        rule: format!("{file}:{number}"),
                    });
            }
        }
        Ok(())
    }

    pub fn get(&self, form: &str) -> Option<&[CueReading]> {
        self.forms.get(form).map(Vec::as_slice)
    }
}

pub(crate) struct Lexicons {
    pub german: CueLexicon,
    pub english: CueLexicon,
}

static CUES_DE: &str = include_str!("../data/cues_de.txt");
static CUES_EN: &str = include_str!("../data/cues_en.txt");

/// The embedded lexicons, parsed once. The files are checked by the tests; should they
/// not parse, the lexicons are empty rather than failing the analysis.
pub(crate) fn lexicons() -> &'static Lexicons {
    static LEXICONS: OnceLock<Lexicons> = OnceLock::new();
    LEXICONS.get_or_init(|| Lexicons {
        german: CueLexicon::parse("cues_de.txt", CUES_DE).unwrap_or_default(),
        english: CueLexicon::parse("cues_en.txt", CUES_EN).unwrap_or_default(),
    })
}

/// Checks that the embedded lexicon files parse.
pub fn check_embedded() -> Result<(), QuoteError> {
    CueLexicon::parse("cues_de.txt", CUES_DE)?;
    CueLexicon::parse("cues_en.txt", CUES_EN)?;
    Ok(())
}

/// Konjunktiv I forms that differ from the indicative (third person), the marker of
/// German indirect speech. Written for lagebild.
pub(crate) const KONJUNKTIV_I: &[&str] = &[
    "sei",
    "seien",
    "seiest",
    "habe",
    "werde",
    "könne",
    "müsse",
    "solle",
    "wolle",
    "dürfe",
    "möge",
    "wisse",
    "gebe",
    "gelte",
    "stehe",
    "liege",
    "komme",
    "gehe",
    "bleibe",
    "lasse",
    "sehe",
    "trage",
    "handle",
    "handele",
    "bestehe",
    "diene",
    "drohe",
    "fehle",
    "brauche",
    "verstoße",
    "führe",
    "zeige",
    "gehöre",
    "heiße",
    "laufe",
    "mache",
    "nehme",
    "finde",
    "halte",
    "helfe",
    "spreche",
    "treffe",
    "wachse",
    "steige",
    "sinke",
    "falle",
    "lebe",
    "arbeite",
    "plane",
    "erwarte",
    "hoffe",
    "glaube",
    "unterstütze",
    "verfüge",
    "befinde",
    "reiche",
    "setze",
    "lege",
    "stelle",
    "bringe",
    "denke",
    "kenne",
    "wirke",
    "biete",
    "erhalte",
    "bekomme",
    "gewinne",
    "verliere",
    "beginne",
    "entstehe",
    "entscheide",
    "verlange",
    "fordere",
    "sitze",
    "warte",
    "zahle",
    "baue",
    "schaffe",
    "bedeute",
    "betrage",
    "umfasse",
    "enthalte",
    "erfolge",
    "passiere",
    "geschehe",
    "gelinge",
    "ermögliche",
    "erfülle",
    "vertrete",
    "sorge",
    "spiele",
    "suche",
    "versuche",
    "tue",
    "lehne",
    "ändere",
    "stamme",
    "richte",
    "diene",
    "existiere",
    "gefährde",
    "bedrohe",
    "unterstütze",
    "plane",
    "prüfe",
    "beabsichtige",
    "verfolge",
    "verhandle",
    "verhandele",
    "vereinbare",
    "wünsche",
    "erkenne",
    "achte",
    "ziele",
    "hänge",
    "fließe",
    "kämpfe",
    "leide",
    "sterbe",
    "töte",
    "greife",
    "schieße",
    "liefere",
    "sende",
    "schicke",
    "verhindere",
    "verletze",
    "verurteile",
    "lohne",
    "koste",
    "mangle",
    "mangele",
    "wachse",
    "zähle",
    "rechne",
    "gehe",
    "trete",
    "ziehe",
    "bewege",
    "passe",
    "stimme",
    "sinke",
    "steige",
    "lese",
    "esse",
    "schlafe",
    "fahre",
    "fliege",
    "wolle",
    "solle",
];

/// Konjunktiv II forms used as indirect speech where Konjunktiv I equals the indicative;
/// they count only right after a cue (`sagte, sie hätten`).
pub(crate) const KONJUNKTIV_II: &[&str] = &[
    "hätte",
    "hätten",
    "wäre",
    "wären",
    "würde",
    "würden",
    "könnte",
    "könnten",
    "müsste",
    "müssten",
    "müßte",
    "müßten",
    "sollte",
    "sollten",
    "dürfte",
    "dürften",
    "käme",
    "kämen",
    "gäbe",
    "gäben",
    "ginge",
    "gingen",
    "stünde",
    "stünden",
    "läge",
    "lägen",
    "bliebe",
    "blieben",
    "möchte",
    "möchten",
    "wüsste",
    "wüssten",
    "ausgäben",
    "bräuchten",
    "brächten",
    "hielten",
    "ließen",
];

pub(crate) const PRONOUNS: &[&str] = &[
    "er", "sie", "he", "she", "they", "we", "wir", "ich", "i", "man",
];

/// Words that may stand between the cue verb and its speaker (`sagte dazu Rutte`).
pub(crate) const SPEAKER_SKIP: &[&str] = &[
    "dazu",
    "zudem",
    "auch",
    "außerdem",
    "jedoch",
    "dann",
    "nun",
    "weiter",
    "später",
    "erneut",
    "bereits",
    "dabei",
    "damals",
    "ebenfalls",
    "daraufhin",
    "darauf",
    "also",
    "aber",
    "zuvor",
    "noch",
    "nochmals",
    "allerdings",
];

pub(crate) const DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "the", "a", "an", "sein", "seine", "seiner", "seinem", "seinen", "ihr", "ihre", "ihrer",
    "ihrem", "ihren", "his", "her", "their",
];

/// Prepositions and other words that end a speaker phrase.
pub(crate) const PHRASE_STOPS: &[&str] = &[
    "am",
    "im",
    "in",
    "bei",
    "beim",
    "auf",
    "vor",
    "nach",
    "gegenüber",
    "zu",
    "zum",
    "zur",
    "mit",
    "laut",
    "während",
    "an",
    "über",
    "für",
    "aus",
    "von",
    "vom",
    "durch",
    "gegen",
    "ohne",
    "um",
    "unter",
    "seit",
    "bis",
    "und",
    "oder",
    "dass",
    "ob",
    "wie",
    "so",
    "als",
    "on",
    "at",
    "to",
    "for",
    "in",
    "with",
    "after",
    "before",
    "during",
    "that",
    "and",
    "or",
    "in",
    "from",
    "about",
    "of",
    "by",
    "dazu",
    "zudem",
    "auch",
    "jedoch",
    "dann",
    "nun",
    "heute",
    "gestern",
    "morgen",
    "erneut",
    "bereits",
    "nicht",
    "noch",
];

/// Words that introduce a subordinate clause after a cue (`sagte, dass ...`).
pub(crate) const COMPLEMENTIZERS: &[&str] = &["dass", "daß", "ob", "wonach", "that", "whether"];
