//! Composition of roles with states, attachment of names, and in-document resolution.

use std::collections::HashMap;

use chrono::NaiveDate;
use lagebild_doc::{Document, Lang, Span, TextAnalysis};

use crate::kb::{Form, Gender, Target};
use crate::matcher::{Piece, PieceMatch};
use crate::tagger::{PersonTagger, person_ranges};
use crate::{ActorKb, ActorKind, ActorMention, NameMode};

const DETERMINERS: &[&str] = &[
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einen", "einem", "eines", "the", "a",
    "an", "this", "that",
];
const SINGULAR_DETERMINERS: &[&str] = &[
    "der", "des", "dem", "den", "ein", "einen", "eines", "einem", "the", "a", "an",
];
/// Words between a role noun and the state or organisation it belongs to.
const LINKERS: &[&str] = &[
    "der", "des", "von", "vom", "aus", "of", "the", "in", "im", "from",
];
/// Nouns of territories between a linker and a region's name ("des Bundesstaates New York").
const TERRITORY_NOUNS: &[&str] = &[
    "bundesstaates",
    "bundesstaats",
    "bundesstaat",
    "bundeslandes",
    "bundeslands",
    "bundesland",
    "freistaates",
    "freistaats",
    "staates",
    "provinz",
    "state",
];
/// English words that may stand between a state and its role noun without a possessive
/// ("Arnor former security officials", "Gondor's first Deputy Prime Minister").
const EN_MODIFIERS: &[&str] = &[
    "former", "first", "deputy", "vice", "acting", "senior", "top", "new", "interim", "chief",
];
/// English function words that end a run of modifiers before a role noun.
const EN_FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "to", "of", "in", "on", "at", "for", "with", "by", "from", "is", "are",
    "was", "were", "be", "has", "have", "had", "will", "would", "that", "this", "who", "which",
    "said", "says", "not", "its", "their", "his", "her", "as", "but", "or",
];
/// German object pronouns of a male person resolved to a person in focus: demonstratives
/// ("und diesen getroffen") and personal pronouns ("traf ihn", "dankte ihm").
const OBJECT_PRONOUNS: &[&str] = &["diesen", "diesem", "jenen", "jenem", "ihn", "ihm"];
/// Prepositions after which `diesen` is a dative plural ("mit diesen"), not a person.
const DATIVE_PREPOSITIONS: &[&str] = &[
    "mit",
    "von",
    "vom",
    "zu",
    "bei",
    "aus",
    "nach",
    "seit",
    "gegenüber",
    "unter",
    "in",
    "an",
    "auf",
    "vor",
    "hinter",
    "neben",
    "zwischen",
    "über",
];
/// Prepositions after which a state or seat names a place rather than an actor.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "im", "nach", "aus", "ins", "bei", "nahe", "into", "at", "to", "from",
];
const SPEECH_VERBS: &[&str] = &[
    "sagte",
    "sagt",
    "erklärte",
    "erklärt",
    "betonte",
    "betont",
    "warnte",
    "warnt",
    "fügte",
    "meinte",
    "meint",
    "sprach",
    "nannte",
    "kündigte",
    "räumte",
    "schrieb",
    "teilte",
    "bekräftigte",
    "unterstrich",
    "forderte",
    "fordert",
    "kritisierte",
    "versicherte",
    "ergänzte",
    "bestätigte",
    "drängte",
    "deutete",
    "verwies",
    "äußerte",
    "mahnte",
    "appellierte",
    "versprach",
    "argumentierte",
    "antwortete",
    "said",
    "says",
    "told",
    "added",
    "warned",
    "stressed",
    "noted",
    "explained",
    "wrote",
    "insisted",
    "argued",
    "claimed",
    "announced",
    "urged",
    "asked",
];
/// Singular finite auxiliaries and modals next to which `er`/`sie` is a singular
/// subject ("hatte er zuvor Castro getroffen", "Sie will Putin treffen").
const SINGULAR_AUXILIARIES: &[&str] = &[
    "hat", "hatte", "habe", "hätte", "wird", "wurde", "werde", "würde", "will", "wollte", "wolle",
    "soll", "sollte", "solle", "muss", "musste", "müsse", "kann", "konnte", "könne", "ist", "war",
    "sei", "wäre",
];
/// German subordinating conjunctions after which `er` is the clause's subject.
const SUBORDINATORS: &[&str] = &[
    "dass", "als", "nachdem", "weil", "wie", "ob", "wenn", "bevor", "obwohl", "während", "da",
];
/// Singular finite forms of German event verbs next to which a subject pronoun is
/// resolved like next to a speech verb ("Dann traf er Putin", "Sie lobte Macron").
/// Singular only: "sie trafen" is a plural.
const EVENT_VERBS: &[&str] = &[
    "traf",
    "trifft",
    "besuchte",
    "besucht",
    "empfing",
    "empfängt",
    "warf",
    "wirft",
    "lobte",
    "lobt",
    "verurteilte",
    "verurteilt",
    "unterstützte",
    "unterstützt",
    "beschuldigte",
    "beschuldigt",
    "drohte",
    "droht",
    "telefonierte",
    "telefoniert",
    "dankte",
    "dankt",
    "gratulierte",
    "gratuliert",
    "lehnte",
    "lehnt",
    "wies",
    "weist",
    "rief",
    "ruft",
    "bat",
    "bittet",
    "beriet",
    "berät",
    "verhandelte",
    "verhandelt",
    "einigte",
    "einigt",
    "griff",
    "greift",
    "bedrohte",
    "bedroht",
    "empfahl",
    "sicherte",
    "sichert",
    "bot",
    "bietet",
    "verklagte",
    "verklagt",
    "kritisiert",
];
/// Capitalised words that never start or continue an unknown person's name.
const NAME_STOPWORDS: &[&str] = &[
    "Der",
    "Die",
    "Das",
    "Den",
    "Dem",
    "Des",
    "Ein",
    "Eine",
    "Einen",
    "Einem",
    "Einer",
    "Eines",
    "Und",
    "Oder",
    "Aber",
    "In",
    "Im",
    "Am",
    "An",
    "Auf",
    "Aus",
    "Bei",
    "Mit",
    "Nach",
    "Von",
    "Vom",
    "Vor",
    "Zu",
    "Zum",
    "Zur",
    "Für",
    "Über",
    "Unter",
    "Als",
    "Wie",
    "Wenn",
    "Dass",
    "Es",
    "Er",
    "Sie",
    "Wir",
    "Ich",
    "Ihr",
    "Man",
    "The",
    "A",
    "An",
    "And",
    "Or",
    "But",
    "On",
    "At",
    "Of",
    "For",
    "With",
    "By",
    "From",
    "To",
    "It",
    "He",
    "She",
    "They",
    "We",
    "This",
    "That",
    "Auch",
    "Doch",
    "Nur",
    "Noch",
    "Schon",
    "Jetzt",
    "Heute",
    "Dies",
    "Diese",
    "Dieser",
    "Dieses",
    "Laut",
    "Seit",
    "Bis",
    "Um",
    "Ob",
    "Nicht",
    "So",
    "Da",
    "Dann",
    "Damit",
    "Denn",
    "Sein",
    "Seine",
    "Ihre",
    "Ihren",
    "Seinen",
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
    "Herr",
    "Frau",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "GmbH",
    "AG",
    "Co",
    "Inc",
    "Ltd",
    "Bundesliga",
    "Euro",
    "Prozent",
    "Uhr",
    "Daher",
    "Deshalb",
    "Dabei",
    "Danach",
    "Dazu",
    "Damals",
    "Zudem",
    "Außerdem",
    "Trotzdem",
    "Bisher",
    "Später",
    "Erst",
    "Kurz",
    "Gerade",
    "Immer",
    "Nie",
    "Oft",
    "Hier",
    "Dort",
    "Wo",
    "Was",
    "Wer",
    "Warum",
    "Weil",
    "Während",
    "Nachdem",
    "Bevor",
    "Sondern",
    "Allerdings",
    "Jedoch",
    "Zwar",
    "Bereits",
    "Inzwischen",
    "Mittlerweile",
    "Sowohl",
    "Weder",
    "Etwa",
    "Rund",
    "Fast",
    "Mehr",
    "Viele",
    "Alle",
    "Einige",
    "Andere",
    "Beide",
    "San",
    "Santa",
    "St",
    "Saint",
    "Street",
    "Straße",
];
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "de", "da", "di", "del", "della", "du", "dos", "der", "den", "zu", "bin", "ibn",
    "al", "el", "le", "la", "ten", "ter",
];
const HONORIFICS: &[&str] = &[
    "Herr", "Herrn", "Frau", "Mr", "Mrs", "Ms", "Dr", "Prof", "Sir", "Lord", "Lady",
];
const MAX_NAME_PIECES: usize = 6;
/// Endings of German person nouns that may stand before a bare name ("Trainer Müller").
const AGENT_SUFFIXES: &[&str] = &[
    "er", "or", "ent", "ist", "eur", "ant", "in", "chef", "coach", "ende", "at", "ege", "oge",
];

/// A person (from the knowledge base or not) mentioned in the document.
#[derive(Clone, Debug)]
struct Focus {
    actor: Option<u32>,
    name: String,
    gender: Option<Gender>,
    country: Option<String>,
    code: String,
    /// Lowercase role lemmas this person was introduced with in the text.
    titles: Vec<String>,
    /// Span of the full-name mention, the antecedent of later references.
    span: Span,
    /// Piece index of the latest mention.
    last: usize,
    /// Piece index of the latest mention in subject position (sentence start or next
    /// to a speech verb).
    subject_last: Option<usize>,
}

impl Focus {
    /// A person first met at piece `start`, with no titles and no subject mention yet.
    fn new(
        actor: Option<u32>,
        name: String,
        gender: Option<Gender>,
        country: Option<String>,
        code: String,
        span: Span,
        start: usize,
    ) -> Focus {
        Focus {
            actor,
            name,
            gender,
            country,
            code,
            titles: Vec::new(),
            span,
            last: start,
            subject_last: None,
        }
    }
}

struct Annotator<'a> {
    kb: &'a ActorKb,
    text: &'a str,
    date: Option<NaiveDate>,
    pieces: Vec<Piece>,
    matches: Vec<PieceMatch>,
    match_at: Vec<u32>,
    /// Knowledge-base persons named in full anywhere in the document, with the span of
    /// their first full mention.
    named: HashMap<u32, Span>,
    focus: Vec<Focus>,
    /// Lowercase surname of an unknown person -> focus index.
    unknown_surnames: HashMap<String, usize>,
    /// Latest mention of each actor.
    mentioned: HashMap<u32, Span>,
    out: Vec<ActorMention>,
    buffer: String,
    lang: Lang,
    /// Piece index -> end of the person name the tagger starts there (`u32::MAX`: none).
    tagged_end: Vec<u32>,
    /// How unknown names outside role contexts are found.
    mode: NameMode,
    /// Code of a prefix agent (`MSF` in "MSF Arnor diplomat") while the role after the
    /// actor is composed.
    outer_prefix: String,
    /// The agent code of the institution a person role belongs to ("Sprecher der
    /// Polizei" -> `COP`), replacing the role's own while it is composed.
    inner_suffix: Option<String>,
    /// Whether an unknown person after the role being composed takes the article's home
    /// state ("Sprecher der Polizei, Lars B.", "Bürgermeister Hans K.").
    home_person: bool,
    /// The role being composed is preceded by `former` (English): agent code `ELI`.
    former: bool,
}

pub(crate) fn annotate(
    kb: &ActorKb,
    doc: &Document,
    analysis: &TextAnalysis,
    date: Option<NaiveDate>,
    tagger: Option<&PersonTagger>,
    mode: NameMode,
) -> Vec<ActorMention> {
    let pieces = kb.matcher.pieces(&doc.text, analysis, doc.body_span());
    let matches = kb.matcher.find(&pieces);
    let mut tagged_end = Vec::new();
    // The tagger is trained on German; English keeps the hand-written cues.
    let tagger = tagger.filter(|_| doc.lang != Lang::En);
    if let Some(tagger) = tagger {
        tagged_end = vec![u32::MAX; pieces.len()];
        for (start, end) in person_ranges(tagger, kb, &doc.text, &pieces, &matches) {
            tagged_end[start] = end as u32;
        }
    }
    let mut match_at = vec![u32::MAX; pieces.len()];
    for (index, found) in matches.iter().enumerate() {
        if let Some(slot) = match_at.get_mut(found.start) {
            *slot = index as u32;
        }
    }
    let mut annotator = Annotator {
        kb,
        text: &doc.text,
        date,
        pieces,
        matches,
        match_at,
        named: HashMap::new(),
        focus: Vec::new(),
        unknown_surnames: HashMap::new(),
        mentioned: HashMap::new(),
        out: Vec::new(),
        buffer: String::new(),
        lang: doc.lang,
        mode: if tagger.is_some() {
            mode
        } else {
            NameMode::Rules
        },
        tagged_end,
        outer_prefix: String::new(),
        inner_suffix: None,
        home_person: false,
        former: false,
    };
    annotator.collect_named();
    annotator.run();
    let mut out = annotator.out;
    out.sort_by_key(|mention| mention.span);
    out.dedup_by(|later, earlier| later.span.overlaps(earlier.span));
    if doc.lang == Lang::De {
        austrian_federal_institutions(&mut out, &doc.text);
        home_state_roles(&mut out);
    }
    party_labels(&mut out, &doc.text);
    out
}

/// A party in parentheses after a name ("Alois Stöger (SPÖ)") labels that person; it is
/// no actor of its own. A person the knowledge base does not know (`---`) takes the
/// party's code: at least a member of that state's party.
fn party_labels(out: &mut Vec<ActorMention>, text: &str) {
    let bracketed = |mention: &ActorMention| {
        let before = text.get(..mention.span.start as usize).unwrap_or("");
        let after = text.get(mention.span.end as usize..).unwrap_or("");
        mention.code.ends_with("PTY")
            && before.trim_end().ends_with('(')
            && after.trim_start().starts_with(')')
    };
    let mut labels = Vec::new();
    for (index, mention) in out.iter().enumerate().filter(|(_, m)| bracketed(m)) {
        let before = text.get(..mention.span.start as usize).unwrap_or("");
        let owner_end = before.trim_end().trim_end_matches('(').trim_end().len();
        if let Some(owner) = out.iter().position(|owner| {
            owner.span.end as usize == owner_end
                && owner.kind == ActorKind::Person
                && owner.code == "---"
        }) {
            labels.push((owner, index));
        }
    }
    for (owner, label) in labels {
        let (code, country) = (out[label].code.clone(), out[label].country.clone());
        let owner = &mut out[owner];
        owner.code = code;
        owner.country = country;
        owner.rule.push_str(" + party in brackets");
    }
    out.retain(|mention| !bracketed(mention));
}

/// The rule suffix of a bare institution coded with the article's state.
const HOME_STATE: &str = "(home state)";
/// German definite articles before a bare institution noun, alone or contracted with a
/// preposition ("vom Amtsgericht", "bei der Polizei").
const DEFINITE_ARTICLES: &[&str] = &[
    "der", "die", "das", "des", "dem", "den", "vom", "beim", "zum", "zur",
];
/// The rule suffix of a bare institution whose state the article's actors do not settle:
/// kept with an unknown state (`---COP`) for the pipeline's country pass.
const NO_HOME_STATE: &str = "(state not named)";

/// The agent suffix of a bare German state institution ("Polizei" -> `COP`): only nouns
/// that in news always mean an organ of a state, none of a company or party ("Führung",
/// "Botschaft" and "Behörde" of a city are left out).
fn home_state_suffix(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "regierung"
        | "staatsführung"
        | "kabinett"
        | "außenministerium"
        | "verteidigungsministerium"
        | "innenministerium" => "GOV",
        "armee" | "streitkräfte" | "streitkräften" | "militär" | "militärs" => "MIL",
        // "Behörden" in the plural: the authorities of the story's state; a single
        // "Behörde" is as often a city's or an agency's.
        "behörden" => "GOV",
        "polizei"
        | "sicherheitskräfte"
        | "sicherheitskräften"
        | "sicherheitsbehörden"
        | "ermittler"
        | "ermittlern" => "COP",
        "justiz"
        | "staatsanwaltschaft"
        | "gericht"
        | "gerichts"
        | "amtsgericht"
        | "amtsgerichts"
        | "landgericht"
        | "landgerichts"
        | "oberlandesgericht"
        | "oberlandesgerichts"
        | "verwaltungsgericht"
        | "verwaltungsgerichts" => "JUD",
        "geheimdienst" | "geheimdienstes" | "geheimdienste" => "SPY",
        "parlament" | "parlaments" => "LEG",
        // Institutions of a German Land or Austrian Bundesland (see `land_institution`).
        "landesregierung" | "staatsregierung" | "stadtrat" | "stadtrats" | "gemeinderat"
        | "gemeinderats" | "stadtverwaltung" | "magistrat" | "magistrats" => "GOV",
        "landtag" | "landtags" | "landtages" | "landesparlament" | "landesparlaments" => "LEG",
        _ => return None,
    })
}

/// Offices (lowercase words) held in a city, a region, a court or a company rather than
/// a national government: an unknown person in one, with no state named, is of the
/// article's state ("Bürgermeister Hans K.", "Unternehmenschef George F.").
fn domestic_role(word: &str) -> bool {
    const STEMS: &[&str] = &[
        "bürgermeister",
        "oberbürgermeister",
        "landrat",
        "landrätin",
        "polizist",
        "polizeichef",
        "polizeisprecher",
        "staatsanwalt",
        "staatsanwält",
        "oberstaatsanwalt",
        "richter",
        "innensenator",
        "justizsenator",
        "finanzsenator",
        "landesminister",
        "landesinnenminister",
        "kultusminister",
        "fraktionschef",
        "fraktionsvorsitzende",
        "landtagsabgeordnete",
        "unternehmenschef",
        "konzernchef",
        "firmenchef",
        "vorstandschef",
        "vorstandsvorsitzende",
        "personalmanager",
    ];
    STEMS.iter().any(|stem| word.starts_with(stem))
}

/// Institutions only German-speaking states have (a Land's government or parliament, a
/// city council): in a German-language article whose home state is not settled they are
/// German, unless an Austrian actor is mentioned.
fn land_institution(lower: &str) -> bool {
    matches!(
        lower,
        "landesregierung"
            | "staatsregierung"
            | "landtag"
            | "landtags"
            | "landtages"
            | "landesparlament"
            | "landesparlaments"
    )
}

/// Bare institutions ("die Polizei nahm ... fest", "die Regierung kritisierte ...") take
/// the state the article is about: the state of most mentions (places included), when it
/// has at least two and more than any other. Without such a state they keep an unknown
/// state (`---COP`): the pipeline's country pass may still find it in the story's places
/// ("die Polizei in Bremen"), and the event coder codes no dyad with an unknown state.
fn home_state_roles(out: &mut Vec<ActorMention>) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for mention in out.iter() {
        // States, places and institutions count; persons do not (a UN Secretary-General
        // from Korea says nothing about the state an article on Austria is about).
        if let Some(country) = mention.country.as_deref()
            && !mention.rule.ends_with(HOME_STATE)
            && mention.kind != ActorKind::Person
        {
            *counts.entry(country).or_default() += 1;
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let home = match ranked.as_slice() {
        [(first, count), rest @ ..]
            if *count >= 2 && rest.first().is_none_or(|(_, second)| second < count) =>
        {
            Some(first.to_string())
        }
        _ => None,
    };
    // A person in a domestic office ("Bürgermeister Hans K.") takes the home state only
    // when it clearly dominates: at least twice the mentions of any other state (stories
    // on refugees or trips name the other state often, and a mayor is rarely of it).
    let clear_home = match ranked.as_slice() {
        [(first, count), rest @ ..]
            if *count >= 2 && rest.first().is_none_or(|(_, second)| second * 2 <= *count) =>
        {
            Some(first.to_string())
        }
        _ => None,
    };
    let austrian = ranked.iter().any(|(country, _)| *country == "AUT");
    // Later mentions of a person resolved here ("Kessler" after "Sprecher der Polizei,
    // Jan Kessler") follow their antecedent.
    let resolved: Vec<Span> = out
        .iter()
        .filter(|mention| mention.rule.ends_with(HOME_STATE) && mention.kind == ActorKind::Person)
        .map(|mention| mention.span)
        .collect();
    for mention in out.iter_mut() {
        if mention.code.starts_with("---")
            && mention.code.len() > 3
            && !mention.rule.ends_with(HOME_STATE)
            && mention
                .antecedent
                .is_some_and(|span| resolved.contains(&span))
        {
            mention.rule.push(' ');
            mention.rule.push_str(HOME_STATE);
        }
    }
    out.retain_mut(|mention| {
        if !mention.rule.ends_with(HOME_STATE) {
            return true;
        }
        let land = !austrian && land_institution(&mention.name.to_lowercase());
        let fallback = land.then(|| "DEU".to_string());
        let home = if mention.kind == ActorKind::Person {
            clear_home.as_ref()
        } else {
            home.as_ref()
        };
        let Some(home) = home.or(fallback.as_ref()) else {
            let kept = mention.rule.len() - HOME_STATE.len();
            mention.rule.truncate(kept);
            mention.rule.push_str(NO_HOME_STATE);
            return true;
        };
        let suffix = mention.code.trim_start_matches('-').to_string();
        mention.code = format!("{home}{suffix}");
        mention.country = Some(home.clone());
        true
    });
}

/// Lowercase forms of federal institutions that Austria and Germany share ("die
/// Bundesregierung", "das Kanzleramt", "der Bundespräsident"); the knowledge base codes
/// them `DEU...`.
const SHARED_FEDERAL_FORMS: &[&str] = &[
    "bundesregierung",
    "bundeskanzleramt",
    "kanzleramt",
    "bundeskabinett",
    "bundesrat",
    "bundesheer",
];

/// Whether a mention is one of the federal institutions or roles both Austria and
/// Germany have (`Bundesregierung`, `Bundeskanzler`, `Bundespräsident`, `Bundesminister`).
fn shared_federal(mention: &ActorMention, text: &str) -> bool {
    // Named persons and descriptions resolved to them keep their own code.
    if !mention.code.starts_with("DEU") || mention.rule.contains("persons.txt") {
        return false;
    }
    let Some(surface) = text.get(mention.span.range()) else {
        return false;
    };
    let lower = surface.trim().to_lowercase();
    SHARED_FEDERAL_FORMS.contains(&lower.as_str())
        || ["bundeskanzler", "bundespräsident", "bundesminister"]
            .iter()
            .any(|prefix| lower.starts_with(prefix))
}

/// In an article about Austria (more mentions of Austrian actors than of German ones,
/// not counting the shared forms, and at least two), the shared federal institutions and
/// roles are Austrian: `DEUGOV` becomes `AUTGOV`.
fn austrian_federal_institutions(out: &mut [ActorMention], text: &str) {
    let (mut austrian, mut german) = (0usize, 0usize);
    for mention in out.iter() {
        if shared_federal(mention, text) {
            continue;
        }
        match mention.country.as_deref() {
            Some("AUT") => austrian += 1,
            Some("DEU") => german += 1,
            _ => {}
        }
    }
    if austrian < 2 || austrian <= german {
        return;
    }
    for mention in out.iter_mut() {
        if shared_federal(mention, text) {
            mention.code = format!("AUT{}", &mention.code[3..]);
            mention.country = Some("AUT".to_string());
            mention.rule.push_str(" (Austrian article)");
        }
    }
}

impl<'a> Annotator<'a> {
    fn piece_text(&self, index: usize) -> &'a str {
        self.pieces
            .get(index)
            .map_or("", |piece| piece.span.slice(self.text))
    }

    fn lower_is(&mut self, index: usize, words: &[&str]) -> bool {
        let text = self.piece_text(index);
        self.buffer.clear();
        self.buffer
            .extend(text.chars().flat_map(char::to_lowercase));
        words.contains(&self.buffer.as_str())
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.pieces.get(a), self.pieces.get(b)) {
            (Some(a), Some(b)) => a.sentence == b.sentence,
            _ => false,
        }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        let first = self.pieces[start].span;
        let last = self.pieces[end.saturating_sub(1).max(start)].span;
        first.cover(last)
    }

    fn match_starting(&self, piece: usize) -> Option<PieceMatch> {
        let index = *self.match_at.get(piece)?;
        self.matches.get(index as usize).copied()
    }

    /// The preferred target of a match; surnames count only for persons named in full.
    fn primary(&self, found: &PieceMatch) -> Option<Target> {
        let pattern = &self.kb.matcher.patterns[found.pattern as usize];
        let rank = |target: &Target| -> Option<u8> {
            match *target {
                Target::Actor { actor, form } => {
                    let person = self.kb.data.actors[actor as usize].kind == ActorKind::Person;
                    match form {
                        Form::Name | Form::NameGenitive | Form::Alias if person => Some(0),
                        Form::Surname => self.named.contains_key(&actor).then_some(1),
                        Form::Name | Form::NameGenitive | Form::Seat => Some(2),
                        Form::Alias => Some(2),
                        Form::Adjective => Some(3),
                        Form::Demonym => Some(4),
                        Form::Description => Some(6),
                    }
                }
                Target::Role { .. } => Some(5),
                Target::Party { .. } => Some(7),
            }
        };
        pattern
            .targets
            .iter()
            .filter_map(|target| rank(target).map(|rank| (rank, *target)))
            .min_by_key(|(rank, _)| *rank)
            .map(|(_, target)| target)
    }

    fn collect_named(&mut self) {
        for found in &self.matches {
            let pattern = &self.kb.matcher.patterns[found.pattern as usize];
            for target in &pattern.targets {
                if let Target::Actor {
                    actor,
                    form: Form::Name | Form::NameGenitive,
                } = *target
                    && self.kb.data.actors[actor as usize].kind == ActorKind::Person
                {
                    let span = self.pieces[found.start]
                        .span
                        .cover(self.pieces[found.end - 1].span);
                    self.named.entry(actor).or_insert(span);
                }
            }
        }
    }

    fn run(&mut self) {
        let mut piece = 0usize;
        while piece < self.pieces.len() {
            let next = match self.match_starting(piece) {
                // "Nicht-EU-Staaten", "Nicht-Nato-Länder": the states outside the
                // organisation are not the organisation.
                Some(found) if self.negated_compound(found.start) => found.end,
                Some(found) => match self.primary(&found) {
                    Some(target) => self.handle_match(found, target),
                    None => self.handle_piece(piece),
                },
                None => self.handle_piece(piece),
            };
            piece = next.max(piece + 1);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        span: Span,
        name: String,
        code: String,
        country: Option<String>,
        kind: ActorKind,
        antecedent: Option<Span>,
        rule: String,
    ) {
        self.out.push(ActorMention {
            span,
            name,
            code,
            country,
            kind,
            wikidata: None,
            antecedent,
            rule,
        });
    }

    /// Whether the match at `start` continues a compound opened by `Nicht-` / `Non-`.
    fn negated_compound(&mut self, start: usize) -> bool {
        start >= 2
            && self.same_sentence(start - 2, start)
            && self.piece_text(start - 1) == "-"
            && self.pieces[start - 1].span.start == self.pieces[start - 2].span.end
            && self.pieces[start].span.start == self.pieces[start - 1].span.end
            && self.lower_is(start - 2, &["nicht", "non"])
    }

    fn preceded_by(&mut self, start: usize, words: &[&str]) -> bool {
        start > 0 && self.same_sentence(start - 1, start) && self.lower_is(start - 1, words)
    }

    /// English: skips modifiers between a state and its role noun, returning the piece
    /// where the role noun should start (or `at` when none follows). Without a
    /// possessive, the run must start with a word of `EN_MODIFIERS` ("Arnor former
    /// security officials"); after a possessive, any lowercase adjectives and `and` may
    /// stand there ("Ithilen's awful and evil minister").
    fn skip_modifiers(&mut self, at: usize, possessive: bool) -> usize {
        let mut cursor = at;
        let mut steps = 0;
        while cursor < self.pieces.len() && self.same_sentence(at, cursor) && steps < 4 {
            if let Some(next) = self.match_starting(cursor) {
                if cursor > at && matches!(self.primary(&next), Some(Target::Role { .. })) {
                    return cursor;
                }
                return at;
            }
            let piece = &self.pieces[cursor];
            if !piece.alphabetic {
                return at;
            }
            let capitalized = piece.capitalized;
            let modifier = self.lower_is(cursor, EN_MODIFIERS);
            let word = self.buffer.clone();
            let allowed = if capitalized || (steps == 0 && !possessive) {
                modifier
            } else {
                modifier
                    || word == "and"
                    || (!self.lower_is(cursor, EN_FUNCTION_WORDS)
                        && (!word.ends_with('s') || word.ends_with("ous"))
                        && !word.ends_with("ed")
                        && !word.ends_with("ing")
                        && !word.ends_with("ly"))
            };
            if !allowed {
                return at;
            }
            cursor += 1;
            steps += 1;
        }
        at
    }

    /// English: `former` right before or inside a role phrase at `start..end`.
    fn former_near(&mut self, start: usize, end: usize) -> bool {
        if self.lang != Lang::En {
            return false;
        }
        let from = start.saturating_sub(2);
        (from..end).any(|index| {
            self.same_sentence(index, start.min(self.pieces.len().saturating_sub(1)))
                && self.lower_is(index, &["former"])
        })
    }

    /// Whether a state or seat at `start` stands after a place preposition (with an
    /// optional article in between).
    fn is_place(&mut self, start: usize) -> bool {
        if self.preceded_by(start, PLACE_PREPOSITIONS) {
            return true;
        }
        start > 1
            && self.preceded_by(start, &["der", "dem", "den", "die", "the"])
            && self.preceded_by(start - 1, PLACE_PREPOSITIONS)
    }

    fn speech_verb_near(&mut self, start: usize, end: usize) -> bool {
        for index in [start.wrapping_sub(1), start.wrapping_sub(2), end, end + 1] {
            if index < self.pieces.len()
                && self.same_sentence(index, start)
                && self.lower_is(index, SPEECH_VERBS)
            {
                return true;
            }
        }
        false
    }

    // ---------------------------------------------------------------- matches

    fn handle_match(&mut self, found: PieceMatch, target: Target) -> usize {
        match target {
            Target::Role { role } => self.handle_role(found, role),
            Target::Party { party } => {
                if self.preceded_by(found.start, DETERMINERS) {
                    let party_name = self
                        .kb
                        .data
                        .parties
                        .get(party as usize)
                        .cloned()
                        .unwrap_or_default();
                    let candidate = self.most_recent(|focus, kb| {
                        focus.actor.is_some_and(|actor| {
                            kb.data.actors[actor as usize].parties.contains(&party_name)
                        })
                    });
                    if let Some(index) = candidate {
                        self.push_focus_reference(index, found.start, found.end, "(description)");
                    }
                }
                found.end
            }
            Target::Actor { actor, form } => self.handle_actor(found, actor, form),
        }
    }

    fn handle_actor(&mut self, found: PieceMatch, actor: u32, form: Form) -> usize {
        let entry = &self.kb.data.actors[actor as usize];
        let kind = entry.kind;
        if kind == ActorKind::Person {
            return self.push_person(actor, found.start, found.end, None, form);
        }
        match form {
            Form::Adjective => {
                // "der russische Präsident", "russischen neuen Präsidenten"
                for gap in 0..=1usize {
                    let at = found.end + gap;
                    if gap == 1
                        && (at >= self.pieces.len()
                            || self.pieces[found.end].capitalized
                            || self.match_starting(found.end).is_some())
                    {
                        break;
                    }
                    if let Some(next) = self.match_starting(at)
                        && self.same_sentence(found.start, at)
                        && let Some(Target::Role { role }) = self.primary(&next)
                    {
                        return self.compose(actor, role, found.start, next.end);
                    }
                }
                // A region's or city's adjective ("Berliner", "kalifornische") only
                // composes: alone it names no actor.
                if kind != ActorKind::Location {
                    self.push_entity(actor, found.start, found.end, ActorKind::State, "");
                }
                found.end
            }
            Form::Demonym => {
                let singular = self.preceded_by(found.start, SINGULAR_DETERMINERS);
                let country = entry.country.clone();
                if singular {
                    let candidate = self.most_recent(|focus, _| {
                        focus.country.is_some() && focus.country == country
                    });
                    if let Some(index) = candidate {
                        self.push_focus_reference(index, found.start, found.end, "(description)");
                        return found.end;
                    }
                }
                self.push_entity(actor, found.start, found.end, ActorKind::Group, "");
                found.end
            }
            Form::Description => {
                if let Some(&antecedent) = self.mentioned.get(&actor) {
                    let span = self.span(found.start, found.end);
                    let entry = &self.kb.data.actors[actor as usize];
                    let (name, code, country, kind, rule) = (
                        entry.name.clone(),
                        entry.code_at(self.date),
                        entry.country.clone(),
                        entry.kind,
                        format!("{} (description)", entry.rule),
                    );
                    self.push(span, name, code, country, kind, Some(antecedent), rule);
                    self.mentioned.insert(actor, span);
                }
                found.end
            }
            Form::Name | Form::NameGenitive | Form::Seat | Form::Alias | Form::Surname => {
                let end = found.end;
                // "US-Präsident", "Nato-Generalsekretär", "Nato-Länder"
                if end + 1 < self.pieces.len()
                    && self.piece_text(end) == "-"
                    && self.same_sentence(found.start, end + 1)
                    && let Some(next) = self.match_starting(end + 1)
                    && let Some(Target::Role { role }) = self.primary(&next)
                {
                    return self.compose(actor, role, found.start, next.end);
                }
                // "Nordkoreas Machthaber", "Russia's president", English "U.S. military"
                let mut role_at = None;
                if end + 2 < self.pieces.len()
                    && matches!(self.piece_text(end), "'" | "’")
                    && self.piece_text(end + 1) == "s"
                {
                    role_at = Some(if self.lang == Lang::En {
                        self.skip_modifiers(end + 2, true)
                    } else {
                        end + 2
                    });
                } else if form == Form::NameGenitive
                    || (form == Form::Seat
                        && self.lang == Lang::De
                        && self.piece_text(end - 1).ends_with('s'))
                {
                    // "Nordkoreas Machthaber", "New Yorks Gouverneur", "Berlins Innensenator"
                    role_at = Some(end);
                } else if self.lang == Lang::En && matches!(form, Form::Name | Form::Seat) {
                    role_at = Some(self.skip_modifiers(end, false));
                }
                if let Some(at) = role_at
                    && self.same_sentence(found.start, at)
                    && let Some(next) = self.match_starting(at)
                    && let Some(Target::Role { role }) = self.primary(&next)
                {
                    return self.compose(actor, role, found.start, next.end);
                }
                // A dateline ("Berlin – Die Polizei ...") names a place too.
                let dateline = (found.start == 0
                    || !self.same_sentence(found.start - 1, found.start))
                    && matches!(self.piece_text(end), "–" | "—" | "-")
                    && end + 1 < self.pieces.len()
                    && self.pieces[end + 1].capitalized;
                let place = matches!(kind, ActorKind::State)
                    && (self.is_place(found.start) || dateline)
                    || (form == Form::Seat && (self.is_place(found.start) || dateline));
                // A region or city of the knowledge base ("Kalifornien", "Bayern") is no
                // actor of its own: only a place after a preposition or in a dateline.
                if kind == ActorKind::Location && !(self.is_place(found.start) || dateline) {
                    return end;
                }
                let kind = if place { ActorKind::Location } else { kind };
                self.push_entity(actor, found.start, end, kind, "");
                end
            }
        }
    }

    fn push_entity(&mut self, actor: u32, start: usize, end: usize, kind: ActorKind, how: &str) {
        let entry = &self.kb.data.actors[actor as usize];
        let span = self.span(start, end);
        let rule = if how.is_empty() {
            entry.rule.clone()
        } else {
            format!("{} {how}", entry.rule)
        };
        let (name, code, country) = (
            entry.name.clone(),
            entry.code_at(self.date),
            entry.country.clone(),
        );
        self.push(span, name, code, country, kind, None, rule);
        if kind != ActorKind::Location {
            self.mentioned.insert(actor, span);
        }
    }

    /// A knowledge-base person at pieces `start..end`; `role` is the role noun before it.
    fn push_person(
        &mut self,
        actor: u32,
        start: usize,
        end: usize,
        role: Option<u32>,
        form: Form,
    ) -> usize {
        let span = self.span(start, end);
        let entry = &self.kb.data.actors[actor as usize];
        let code = entry.code_at(self.date);
        let surname = form == Form::Surname;
        // Short forms point back to the first full name in the document.
        let antecedent = match form {
            Form::Surname | Form::Alias => self
                .named
                .get(&actor)
                .copied()
                .filter(|named| *named != span && !named.overlaps(span)),
            _ => None,
        };
        let rule = if surname {
            format!("{} (surname)", entry.rule)
        } else {
            entry.rule.clone()
        };
        let (name, country, gender) = (entry.name.clone(), entry.country.clone(), entry.gender);
        self.push(
            span,
            name.clone(),
            code.clone(),
            country.clone(),
            ActorKind::Person,
            antecedent,
            rule,
        );
        self.mentioned.insert(actor, span);
        let title = self.kb.data.actors[actor as usize]
            .title_at(self.date)
            .map(str::to_lowercase);
        let index = match self
            .focus
            .iter()
            .position(|focus| focus.actor == Some(actor))
        {
            Some(index) => index,
            None => {
                self.focus.push(Focus::new(
                    Some(actor),
                    name,
                    gender,
                    country,
                    code,
                    span,
                    start,
                ));
                self.focus.len() - 1
            }
        };
        let role_lemmas: Vec<String> = role
            .map(|role| self.kb.data.roles[role as usize].lemmas.clone())
            .unwrap_or_default();
        let focus = &mut self.focus[index];
        focus.last = start;
        for lemma in role_lemmas.into_iter().chain(title) {
            if !focus.titles.contains(&lemma) {
                focus.titles.push(lemma);
            }
        }
        self.mark_subject(index, start, end);
        end
    }

    /// A mention that refers to a person in focus (description, party, pronoun, surname).
    fn push_focus_reference(&mut self, index: usize, start: usize, end: usize, how: &str) {
        let span = self.span(start, end);
        let Some(focus) = self.focus.get(index).cloned() else {
            return;
        };
        let rule = match focus.actor {
            Some(actor) => format!("{} {how}", self.kb.data.actors[actor as usize].rule),
            None => format!("names {how}"),
        };
        self.push(
            span,
            focus.name.clone(),
            focus.code.clone(),
            focus.country.clone(),
            ActorKind::Person,
            Some(focus.span),
            rule,
        );
        if let Some(actor) = focus.actor {
            self.mentioned.insert(actor, span);
        }
        self.focus[index].last = start;
        self.mark_subject(index, start, end);
    }

    /// Records a subject-position mention: next to a speech verb, or preceded in its
    /// sentence only by articles and capitalised words ("Der Republikaner", "Bundeskanzler
    /// Olaf Scholz").
    fn mark_subject(&mut self, index: usize, start: usize, end: usize) {
        let mut subject = self.speech_verb_near(start, end);
        if !subject {
            let mut at = start;
            let mut steps = 0;
            subject = true;
            while at > 0 && self.same_sentence(at - 1, start) {
                at -= 1;
                steps += 1;
                let text = self.piece_text(at);
                let allowed = self.lower_is(at, DETERMINERS)
                    || (self.pieces[at].capitalized && !NAME_STOPWORDS.contains(&text))
                    || text == "-";
                if !allowed || steps > 5 {
                    subject = false;
                    break;
                }
            }
        }
        if subject && let Some(focus) = self.focus.get_mut(index) {
            focus.subject_last = Some(start);
        }
    }

    fn most_recent(&self, accept: impl Fn(&Focus, &ActorKb) -> bool) -> Option<usize> {
        self.focus
            .iter()
            .enumerate()
            .filter(|(_, focus)| accept(focus, self.kb))
            .max_by_key(|(_, focus)| focus.last)
            .map(|(index, _)| index)
    }

    // ---------------------------------------------------------------- roles

    fn handle_role(&mut self, found: PieceMatch, role: u32) -> usize {
        // Closed compounds: "Bundeskanzler", "Kremlchef".
        if found.end == found.start + 1
            && let Some((actor, compound_role)) = self.split_compound(found.start)
        {
            return self.compose(actor, compound_role, found.start, found.end);
        }
        // A PETRARCH prefix agent before a state: "MSF Arnor", "MSF Arnor diplomat".
        if self.lang == Lang::En
            && self.kb.data.roles[role as usize].suffix.ends_with('~')
            && let Some(next) = self.match_starting(found.end)
            && self.same_sentence(found.start, found.end)
            && let Some(Target::Actor { actor, form }) = self.primary(&next)
            && matches!(form, Form::Name | Form::Seat)
            && self.kb.data.actors[actor as usize].kind != ActorKind::Person
        {
            let at = self.skip_modifiers(next.end, false);
            if let Some(after) = self.match_starting(at)
                && self.same_sentence(found.start, at)
                && let Some(Target::Role { role: inner }) = self.primary(&after)
            {
                let raw = self.kb.data.roles[role as usize].suffix.clone();
                self.outer_prefix = raw.trim_end_matches('~').to_string();
                let end = self.compose(actor, inner, found.start, after.end);
                self.outer_prefix.clear();
                return end;
            }
            return self.compose(actor, role, found.start, next.end);
        }
        // An institution named after its city: "die Staatsanwaltschaft Stuttgart", "das
        // Amtsgericht Köln" (a region or city of the knowledge base gives its state).
        if self.lang == Lang::De
            && !self.kb.data.roles[role as usize].person
            && let Some(next) = self.match_starting(found.end)
            && self.same_sentence(found.start, found.end)
            && let Some(Target::Actor {
                actor,
                form: Form::Name,
            }) = self.primary(&next)
            && self.kb.data.actors[actor as usize].kind == ActorKind::Location
        {
            return self.compose(actor, role, found.start, next.end);
        }
        // An office in a state's institution: "der Fraktionsvorsitzende im
        // niedersächsischen Landtag", "ein Abgeordneter der bayerischen Staatsregierung".
        if let Some((actor, inner, end)) = self.office_in_institution(found.start, found.end, role)
        {
            let plural = self.plural_role(found.start, found.end);
            // The person is of the institution's kind: "Sprecher der Berliner Polizei" is
            // police (`COP`), "Präsident des bayerischen Landtags" a legislator.
            self.inner_suffix = Some(self.kb.data.roles[inner as usize].suffix.clone());
            self.home_person = actor.is_none();
            let end = self.after_role_numbered(actor, role, found.start, end, plural);
            self.inner_suffix = None;
            self.home_person = false;
            return end;
        }
        // "die Führung in Pjöngjang", "Präsident der Ukraine", "Chefdiplomaten der 32 Nato-Länder"
        if let Some((actor, end, counted)) = self.linked_actor(found.start, found.end, role) {
            let plural = counted || self.plural_role(found.start, found.end);
            return self.after_role_numbered(Some(actor), role, found.start, end, plural);
        }
        // English coordination: "Lawmakers and officials in Fornost" -> both linked.
        if self.lang == Lang::En
            && self.same_sentence(found.start, found.end + 1)
            && self.lower_is(found.end, &["and"])
            && let Some(next) = self.match_starting(found.end + 1)
            && let Some(Target::Role { role: second }) = self.primary(&next)
            && let Some((actor, _, _)) = self.linked_actor(next.start, next.end, second)
        {
            let plural = self.plural_role(found.start, found.end);
            return self.after_role_numbered(Some(actor), role, found.start, found.end, plural);
        }
        let plural = self.plural_role(found.start, found.end);
        self.after_role_numbered(None, role, found.start, found.end, plural)
    }

    /// A person role at `start..role_end` followed by `im`/`in der`/`des`/`der` and an
    /// institution with a state or region adjective ("im niedersächsischen Landtag"):
    /// (the adjective's actor, end of the institution).
    fn office_in_institution(
        &mut self,
        start: usize,
        role_end: usize,
        role: u32,
    ) -> Option<(Option<u32>, u32, usize)> {
        if self.lang != Lang::De || !self.kb.data.roles[role as usize].person {
            return None;
        }
        let mut at = role_end;
        if self.lower_is(at, &["im", "des", "der", "beim"]) {
            at += 1;
        } else if self.lower_is(at, &["in"]) && self.lower_is(at + 1, &["der", "dem"]) {
            at += 2;
        } else {
            return None;
        }
        let first = self.match_starting(at)?;
        let (actor, institution) = match self.primary(&first) {
            Some(Target::Actor {
                actor,
                form: Form::Adjective,
            }) if self.kb.data.actors[actor as usize].kind != ActorKind::Person => {
                (Some(actor), self.match_starting(first.end)?)
            }
            // A bare state institution: "Sprecher der Polizei" (the article's state).
            Some(Target::Role { .. })
                if home_state_suffix(&self.piece_text(first.start).to_lowercase()).is_some()
                    && first.end == first.start + 1
                    // "der Polizei Bremen", "der Regierung Italiens": left to the rules above.
                    && !(first.end < self.pieces.len()
                        && self.same_sentence(first.start, first.end)
                        && self.match_starting(first.end).is_some()) =>
            {
                (None, first)
            }
            _ => return None,
        };
        let Some(Target::Role { role: inner }) = self.primary(&institution) else {
            return None;
        };
        let entry = &self.kb.data.roles[inner as usize];
        (self.same_sentence(start, institution.end.saturating_sub(1))
            && !entry.person
            && !entry.suffix.is_empty()
            && !entry.suffix.ends_with('~'))
        .then_some((actor, inner, institution.end))
    }

    /// The state or organisation a role noun at `start..role_end` is linked to by
    /// `der`/`of`/`from`/`in` ...: (actor, end of the phrase, a number stood between).
    fn linked_actor(
        &mut self,
        start: usize,
        role_end: usize,
        role: u32,
    ) -> Option<(u32, usize, bool)> {
        let person_role = self.kb.data.roles[role as usize].person;
        let mut at = role_end;
        let mut linked = false;
        let mut through_in = false;
        for _ in 0..2 {
            if at < self.pieces.len()
                && self.same_sentence(start, at)
                && self.match_starting(at).is_none()
                && self.lower_is(at, LINKERS)
            {
                let is_in = self.lower_is(at, &["in", "im"]);
                // English plural person nouns link through `in` ("officials in Arnor").
                let english_plural = self.lang == Lang::En
                    && self.piece_text(role_end.saturating_sub(1)).ends_with('s');
                if is_in && person_role && !english_plural {
                    break;
                }
                through_in |= is_in;
                linked = true;
                at += 1;
            }
        }
        // "Gouverneur des Bundesstaates New York", "Premierministerin des Bundesstaates
        // Queensland": the kind of territory stands between the linker and its name.
        if linked
            && at < self.pieces.len()
            && self.same_sentence(start, at)
            && self.match_starting(at).is_none()
            && self.lower_is(at, TERRITORY_NOUNS)
        {
            at += 1;
        }
        if linked {
            let mut counted = false;
            if at < self.pieces.len()
                && self.piece_text(at).chars().all(|c| c.is_ascii_digit())
                && self.match_starting(at).is_none()
            {
                at += 1;
                counted = true;
            }
            if let Some(next) = self.match_starting(at)
                && self.same_sentence(start, at)
                && let Some(Target::Actor { actor, form }) = self.primary(&next)
                && self.kb.data.actors[actor as usize].kind != ActorKind::Person
                && (if through_in {
                    // German institutions link through `in` to a state's name as well
                    // ("die Opposition in Griechenland"); persons do not (see above).
                    form == Form::Seat || form == Form::Name
                } else {
                    matches!(form, Form::Name | Form::Seat)
                })
            {
                let mut end = next.end;
                // "der 32 Nato-Länder": the trailing "-Länder" belongs to the organisation.
                if end + 1 < self.pieces.len()
                    && self.piece_text(end) == "-"
                    && let Some(tail) = self.match_starting(end + 1)
                    && matches!(self.primary(&tail), Some(Target::Role { .. }))
                {
                    end = tail.end;
                }
                return Some((actor, end, counted));
            }
        }
        None
    }

    /// Splits a one-piece word into a known prefix and a role noun.
    fn split_compound(&self, piece: usize) -> Option<(u32, u32)> {
        let word = self.piece_text(piece);
        if !word.chars().next().is_some_and(char::is_uppercase) || word.len() < 6 {
            return None;
        }
        let lower = word.to_lowercase();
        for (split, _) in lower.char_indices().skip(2) {
            let (prefix, rest) = lower.split_at(split);
            if rest.chars().count() < 3 {
                break;
            }
            let Some(&role) = self.kb.role_words.get(rest) else {
                continue;
            };
            // "Bundesland" is no actor: closed compounds need a real agent suffix.
            if self.kb.data.roles[role as usize].suffix.is_empty() {
                continue;
            }
            let actor = self.kb.prefixes.get(prefix).or_else(|| {
                prefix
                    .strip_suffix('s')
                    .and_then(|stem| self.kb.prefixes.get(stem))
            });
            if let Some(&actor) = actor {
                return Some((actor, role));
            }
        }
        None
    }

    /// A role composed with a state or organisation, at pieces `start..end`.
    fn compose(&mut self, actor: u32, role: u32, start: usize, end: usize) -> usize {
        let plural = self.plural_role(start, end);
        self.after_role_numbered(Some(actor), role, start, end, plural)
    }

    /// German plural of a role noun phrase at `start..end`: "die Außenminister" (a
    /// masculine form after `die`), "Ministerinnen". Feminine singular ("die Kanzlerin")
    /// and forms without an article count as singular.
    fn plural_role(&mut self, start: usize, end: usize) -> bool {
        let last = self.piece_text(end.saturating_sub(1));
        if last.ends_with("innen") {
            return true;
        }
        // "300 Polizisten", "drei Richter", "mehrere Bürgermeister".
        if start > 0
            && self.same_sentence(start - 1, start)
            && (self
                .piece_text(start - 1)
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
                || self.lower_is(
                    start - 1,
                    &[
                        "zwei",
                        "drei",
                        "vier",
                        "fünf",
                        "sechs",
                        "zehn",
                        "mehrere",
                        "einige",
                        "viele",
                        "zahlreiche",
                        "beiden",
                    ],
                ))
        {
            return true;
        }
        let mut at = start;
        // Skip adjectives between the article and the noun ("die neuen Außenminister").
        while at > 0
            && self.same_sentence(at - 1, start)
            && !self.pieces[at - 1].capitalized
            && self.pieces[at - 1].alphabetic
            && !self.lower_is(at - 1, DETERMINERS)
            && start - at < 2
        {
            at -= 1;
        }
        self.preceded_by(at, &["die"]) && !last.ends_with("in")
    }

    /// The code of a role composed with an actor. PETRARCH agent codes with a trailing
    /// `~` (`NGO~`) go in front of the actor code (`MSF Arnor` -> `NGOARN`), the others
    /// after it; `former` replaces the agent code by `ELI`; `self.outer_prefix` (an
    /// agent with a prefix code before the actor) goes in front of everything.
    fn composed_code(&self, actor: Option<u32>, role: u32) -> (String, Option<String>) {
        let raw = self.kb.data.roles[role as usize].suffix.as_str();
        let raw = self.inner_suffix.as_deref().unwrap_or(raw);
        let (prefix, suffix) = match raw.strip_suffix('~') {
            Some(prefix) => (prefix, ""),
            None => (self.outer_prefix.as_str(), raw),
        };
        let outer = if raw.ends_with('~') {
            self.outer_prefix.as_str()
        } else {
            ""
        };
        let suffix = if self.former && !suffix.is_empty() {
            "ELI"
        } else {
            suffix
        };
        match actor {
            Some(actor) => {
                let entry = &self.kb.data.actors[actor as usize];
                let base = entry.code_at(self.date);
                let appends = entry.kind == ActorKind::State
                    || (entry.kind == ActorKind::Location && entry.country.is_some())
                    || (self.former && suffix == "ELI");
                let code = if appends && !base.ends_with(suffix) {
                    format!("{base}{suffix}")
                } else if base.ends_with("PTY")
                    && !suffix.is_empty()
                    && suffix != "PTY"
                    && let Some(country) = entry.country.as_deref()
                {
                    // Role beats party: "SPD-Fraktionschef" is a legislator, "CDU-Bürgermeister"
                    // an official of the party's state; "SPD-Parteichef" stays the party.
                    format!("{country}{suffix}")
                } else {
                    base
                };
                (format!("{outer}{prefix}{code}"), entry.country.clone())
            }
            None if !prefix.is_empty() && raw.ends_with('~') => (format!("{outer}{prefix}"), None),
            None => (format!("---{suffix}"), None),
        }
    }

    /// After a (composed or bare) role noun at `start..end`: a following name, else a
    /// description of a person in focus, else a group or anonymous-person mention.
    fn after_role_numbered(
        &mut self,
        actor: Option<u32>,
        role: u32,
        start: usize,
        end: usize,
        plural: bool,
    ) -> usize {
        self.former = self.former_near(start, end);
        let (code, country) = self.composed_code(actor, role);
        self.former = false;
        // An unknown person in an office of no named state takes the article's state
        // (`home_state_roles`): "Bürgermeister Hans K.", "Sprecher der Polizei, Lars B.".
        let home = self.lang == Lang::De
            && actor.is_none()
            && (self.home_person
                || domestic_role(&self.piece_text(end.saturating_sub(1)).to_lowercase()));
        let name_rule = |rule: &str| {
            if home {
                format!("{rule} {HOME_STATE}")
            } else {
                rule.to_string()
            }
        };
        let role_entry = &self.kb.data.roles[role as usize];
        let (person_role, role_rule) = (role_entry.person && !plural, role_entry.rule.clone());
        let rule = match actor {
            Some(actor) => format!(
                "{} + {}",
                role_rule, self.kb.data.actors[actor as usize].rule
            ),
            None => role_rule.clone(),
        };
        // A known person right after the role: "US-Präsident Donald Trump".
        if let Some(next) = self.match_starting(end)
            && self.same_sentence(start, end)
            && let Some(Target::Actor {
                actor: person,
                form,
            }) = self.primary(&next)
            && self.kb.data.actors[person as usize].kind == ActorKind::Person
        {
            return self.push_person(person, next.start, next.end, Some(role), form);
        }
        // A surname after a fitting role, without the full name in the document:
        // "Bundeskanzler Scholz", "Außenministerin Baerbock".
        if let Some(next) = self.match_starting(end)
            && self.same_sentence(start, end)
        {
            let date = self.date;
            let role_entry = &self.kb.data.roles[role as usize];
            let fitting = self.kb.matcher.patterns[next.pattern as usize]
                .targets
                .iter()
                .find_map(|target| match *target {
                    Target::Actor {
                        actor: person,
                        form: Form::Surname,
                    } => {
                        let entry = &self.kb.data.actors[person as usize];
                        let fits = entry.kind == ActorKind::Person
                            && (entry.code_at(date) == code
                                || entry.title_at(date).is_some_and(|title| {
                                    role_entry.fits_title(&title.to_lowercase())
                                }))
                            && (country.is_none()
                                || entry.country == country
                                || entry.code_at(date) == code);
                        fits.then_some(person)
                    }
                    _ => None,
                });
            if let Some(person) = fitting {
                return self.push_person(person, next.start, next.end, Some(role), Form::Name);
            }
        }
        // A given name before a known person's surname: "Präsident George Bush".
        if end + 1 < self.pieces.len()
            && self.same_sentence(start, end + 1)
            && self.kb.first_names.contains_key(self.piece_text(end))
            && let Some(next) = self.match_starting(end + 1)
            && let Some(Target::Actor {
                actor: person,
                form: Form::Alias | Form::Surname | Form::Name,
            }) = self.primary(&next)
            && self.kb.data.actors[person as usize].kind == ActorKind::Person
        {
            return self.push_person(person, end, next.end, Some(role), Form::Name);
        }
        // A name in apposition after a singular role with an article: "Der
        // Fraktionsvorsitzende im niedersächsischen Landtag, Petra Lohmann, hatte ...".
        if person_role
            && end + 1 < self.pieces.len()
            && self.piece_text(end) == ","
            && self.same_sentence(start, end + 1)
            // "Malaysia's Prime Minister, Arun Tan said", "Russlands Präsident, ..."
            && (actor.is_some()
                || self.preceded_by(start, DETERMINERS)
                || (start > 1
                    && !self.pieces[start - 1].capitalized
                    && self.preceded_by(start - 1, DETERMINERS)))
        {
            if let Some(next) = self.match_starting(end + 1)
                && let Some(Target::Actor {
                    actor: person,
                    form: form @ (Form::Name | Form::Alias),
                }) = self.primary(&next)
                && self.kb.data.actors[person as usize].kind == ActorKind::Person
                && self.apposition_closes(next.end)
            {
                return self.push_person(person, next.start, next.end, Some(role), form);
            }
            let tagged = self
                .tagged_end
                .get(end + 1)
                .filter(|&&tagged| tagged != u32::MAX)
                .map(|&tagged| tagged as usize);
            let name_end = [self.unknown_name_after(end + 1), tagged]
                .into_iter()
                .flatten()
                .filter(|&name_end| name_end > end + 2 && self.apposition_closes(name_end))
                .max();
            if let Some(name_end) = name_end {
                let lemmas = self.kb.data.roles[role as usize].lemmas.clone();
                let gender = self.gender_of_first(end + 1);
                self.push_unknown(
                    end + 1,
                    name_end,
                    code,
                    country,
                    gender,
                    lemmas,
                    name_rule("names:apposition-after-role"),
                );
                return name_end;
            }
        }
        // An unknown person: "der israelische Außenminister Silvan Shalom".
        if person_role && let Some(name_end) = self.unknown_name_after(end) {
            let lemmas = self.kb.data.roles[role as usize].lemmas.clone();
            let gender = self.gender_of_first(end);
            self.push_unknown(
                end,
                name_end,
                code,
                country,
                gender,
                lemmas,
                name_rule("names:after-role"),
            );
            return name_end;
        }
        let span = self.span(start, end);
        if person_role {
            let date = self.date;
            let role_ref = &self.kb.data.roles[role as usize];
            let composed = actor.is_some();
            let wanted_code = code.clone();
            let wanted_country = country.clone();
            let candidate = self.most_recent(|focus, kb| {
                let fits_title = |title: &String| role_ref.fits_title(title);
                if composed {
                    let any_title = focus.actor.is_some_and(|actor| {
                        kb.data.actors[actor as usize]
                            .roles
                            .iter()
                            .filter_map(|role| role.title.as_ref())
                            .any(fits_title)
                    }) || focus.titles.iter().any(fits_title);
                    focus.code == wanted_code
                        || (focus.country.is_some() && focus.country == wanted_country && any_title)
                } else {
                    let current = focus.actor.and_then(|actor| {
                        kb.data.actors[actor as usize]
                            .title_at(date)
                            .map(str::to_lowercase)
                    });
                    current.as_ref().is_some_and(fits_title) || focus.titles.iter().any(fits_title)
                }
            });
            let determiner = self.preceded_by(start, DETERMINERS)
                || (start > 1 && self.preceded_by(start - 1, DETERMINERS));
            if let Some(index) = candidate
                && (composed || determiner)
            {
                self.push_focus_reference(index, start, end, "(description)");
                return end;
            }
            if actor.is_some() || (home && self.home_person) {
                let name = self.role_name(actor, role);
                let rule = name_rule(&format!("{rule} (role)"));
                self.push(span, name, code, country, ActorKind::Person, None, rule);
            }
            return end;
        }
        if let Some(actor) = actor {
            let entry = &self.kb.data.actors[actor as usize];
            let kind = if entry.kind == ActorKind::State
                || !self.kb.data.roles[role as usize].suffix.is_empty()
            {
                ActorKind::Group
            } else {
                entry.kind
            };
            let kind = if self.kb.data.roles[role as usize].suffix.is_empty()
                && entry.kind != ActorKind::State
            {
                entry.kind
            } else {
                kind
            };
            let name = self.role_name(Some(actor), role);
            self.push(
                span,
                name,
                code,
                country,
                kind,
                None,
                format!("{rule} (role)"),
            );
            self.mentioned.insert(actor, span);
        } else if self.lang == Lang::De
            && self.preceded_by(start, DEFINITE_ARTICLES)
            // "die Regierung Italiens": a genitive name right after names the state;
            // "das Militär des isolierten Landes" names one by description.
            && !(self.same_sentence(start, end) && self.match_starting(end).is_some())
            && !(self.same_sentence(start, end) && self.lower_is(end, &["des", "der"]))
            // "die Militär-Kooperation": the first part of a compound is no institution.
            && !self.pieces.get(end).is_some_and(|next| {
                next.span.start == self.pieces[end - 1].span.end
                    && (next.alphabetic || self.piece_text(end) == "-")
            })
            && let Some(suffix) = home_state_suffix(&self.piece_text(start).to_lowercase())
        {
            // "die Polizei", "die Regierung" with no state named: the state the article
            // is about, decided once the whole document is read (`home_state_roles`).
            let name = self.role_name(None, role);
            self.push(
                span,
                name,
                format!("---{suffix}"),
                None,
                ActorKind::Group,
                None,
                format!("{rule} {HOME_STATE}"),
            );
        } else if self.lang == Lang::En && !code.is_empty() {
            // A bare agent noun: "students" -> `---EDU`, "MSF" -> `NGO`.
            let name = self.role_name(None, role);
            self.push(
                span,
                name,
                code,
                None,
                ActorKind::Group,
                None,
                format!("{rule} (agent)"),
            );
        }
        end
    }

    /// Whether a name in apposition ending at `end` is closed: by a comma, or by a
    /// lowercase word (the verb: "Der Gouverneur von Texas, Rick Perry ernannte ...").
    fn apposition_closes(&self, end: usize) -> bool {
        end < self.pieces.len()
            && self.same_sentence(end - 1, end)
            && (self.piece_text(end) == ","
                || (self.pieces[end].alphabetic
                    && !self.pieces[end].capitalized
                    // "Der Minister, Hans Kahl und ..." is a list, not an apposition.
                    && !matches!(self.piece_text(end), "und" | "oder" | "sowie" | "and" | "or")))
    }

    fn role_name(&self, actor: Option<u32>, role: u32) -> String {
        let role = &self.kb.data.roles[role as usize];
        let lemma = role.label.clone();
        match actor {
            Some(actor) if role.suffix.is_empty() => {
                self.kb.data.actors[actor as usize].name.clone()
            }
            Some(actor) => format!("{} ({lemma})", self.kb.data.actors[actor as usize].name),
            None => lemma,
        }
    }

    // ---------------------------------------------------------------- unknown persons

    fn is_name_piece(&self, index: usize) -> bool {
        let Some(piece) = self.pieces.get(index) else {
            return false;
        };
        let text = self.piece_text(index);
        piece.capitalized
            && piece.alphabetic
            && !(text.chars().count() > 1 && text.chars().all(|c| !c.is_lowercase()))
            && self.match_at.get(index).is_none_or(|&slot| {
                slot == u32::MAX || self.primary(&self.matches[slot as usize]).is_none()
            })
            && !NAME_STOPWORDS.contains(&text)
    }

    fn is_listed_name(&self, index: usize) -> bool {
        let text = self.piece_text(index);
        self.kb.first_names.contains_key(text) || self.kb.surnames.contains(text)
    }

    /// The end of a person name starting at `start`: a first piece, further given names,
    /// then one family name, which may carry particles ("von", "van der") and
    /// hyphen-joined parts that are themselves known names ("Hans-Dietrich").
    fn unknown_name_after(&self, start: usize) -> Option<usize> {
        if !self.is_name_piece(start) {
            return None;
        }
        let fits = |index: usize| index < self.pieces.len() && self.same_sentence(start, index);
        let mut end = start + 1;
        // Hyphenated first piece: "Hans-Dietrich".
        while fits(end + 1)
            && self.piece_text(end) == "-"
            && self.is_name_piece(end + 1)
            && self.is_listed_name(end + 1)
        {
            end += 2;
        }
        // Middle given names: a listed given name followed by a listed name or a particle.
        while fits(end + 1)
            && end - start < MAX_NAME_PIECES
            && self.is_name_piece(end)
            && self.kb.first_names.contains_key(self.piece_text(end))
            && ((self.is_name_piece(end + 1) && self.is_listed_name(end + 1))
                || NAME_PARTICLES.contains(&self.piece_text(end + 1)))
        {
            end += 1;
        }
        // Particles, then the family name.
        let mut at = end;
        while fits(at) && at - end < 3 && NAME_PARTICLES.contains(&self.piece_text(at)) {
            at += 1;
        }
        let particles = at > end;
        if particles
            && (at - end > 1)
            && !matches!(
                self.piece_text(end + 1),
                "der" | "den" | "la" | "de" | "van" | "von" | "zu"
            )
        {
            return Some(end);
        }
        if fits(at) && self.is_name_piece(at) {
            end = at + 1;
            while fits(end + 1)
                && self.piece_text(end) == "-"
                && self.is_name_piece(end + 1)
                && self.is_listed_name(end + 1)
            {
                end += 2;
            }
        } else if particles {
            return Some(end);
        }
        Some(end)
    }

    fn gender_of_first(&self, start: usize) -> Option<Gender> {
        self.kb
            .first_names
            .get(self.piece_text(start))
            .copied()
            .flatten()
    }

    #[allow(clippy::too_many_arguments)]
    fn push_unknown(
        &mut self,
        start: usize,
        end: usize,
        code: String,
        country: Option<String>,
        gender: Option<Gender>,
        titles: Vec<String>,
        rule: String,
    ) {
        let span = self.span(start, end);
        let name = span.slice(self.text).to_string();
        let existing = self
            .focus
            .iter()
            .position(|focus| focus.actor.is_none() && focus.name.eq_ignore_ascii_case(&name));
        let (code, country, antecedent) = match existing {
            Some(index) if code == "---" => (
                self.focus[index].code.clone(),
                self.focus[index].country.clone(),
                Some(self.focus[index].span),
            ),
            _ => (code, country, None),
        };
        self.push(
            span,
            name.clone(),
            code.clone(),
            country.clone(),
            ActorKind::Person,
            antecedent,
            rule,
        );
        let index = match existing {
            Some(index) => index,
            None => {
                self.focus
                    .push(Focus::new(None, name, gender, country, code, span, start));
                self.focus.len() - 1
            }
        };
        for title in titles {
            if !self.focus[index].titles.contains(&title) {
                self.focus[index].titles.push(title);
            }
        }
        self.focus[index].last = start;
        if end - start > 1 {
            let surname = self.piece_text(end - 1).to_lowercase();
            self.unknown_surnames.insert(surname, index);
        }
        self.mark_subject(index, start, end);
    }

    /// A private person named by a common noun ("ein 38-jähriger Mann", "the student"):
    /// `---CVL`, in focus like an unknown named person. A name right after the noun is
    /// the person's name and is left to the name rules ("Frau Weber", "der Student Karl
    /// Obermüller"); returns the end of the mention.
    fn push_private(&mut self, piece: usize) -> Option<usize> {
        let text = self.piece_text(piece);
        // "der 38-Jährige", "einen 17-jährigen Schüler": an age noun is a person; an age
        // adjective leaves the noun after it to say who.
        let age_noun = self.lang == Lang::De
            && piece >= 2
            && self.piece_text(piece - 1) == "-"
            && self
                .piece_text(piece - 2)
                .chars()
                .all(|c| c.is_ascii_digit());
        // "der 38-Jährige" is a man, "die 38-Jährige" a woman (or several people).
        let article = if piece >= 3 {
            self.piece_text(piece - 3).to_lowercase()
        } else {
            String::new()
        };
        let gender = match text {
            "Jähriger" if age_noun => Some(crate::kb::Gender::Male),
            "Jährige" if age_noun && article == "der" => Some(crate::kb::Gender::Male),
            "Jährigen" if age_noun && article == "den" => Some(crate::kb::Gender::Male),
            "Jährige" | "Jährigen" if age_noun => None,
            _ => crate::private::person_noun(self.lang, text)?,
        };
        let named = self.same_sentence(piece, piece + 1)
            && self.is_name_piece(piece + 1)
            && (self.lang == Lang::En
                || HONORIFICS.contains(&text)
                || self.is_listed_name(piece + 1)
                || self
                    .unknown_name_after(piece + 1)
                    .is_some_and(|end| end > piece + 2));
        // Part of a compound written with a hyphen ("Mann-Schaft") is no person.
        let joined = self.pieces.get(piece + 1).is_some_and(|next| {
            next.span.start == self.pieces[piece].span.end && self.piece_text(piece + 1) == "-"
        });
        // "a Pakistani woman", "ein russischer Student": the actor mention right before
        // already names who this is.
        let described = piece > 0
            && self.same_sentence(piece - 1, piece)
            && self
                .out
                .last()
                .is_some_and(|last| last.span.end == self.pieces[piece - 1].span.end);
        // German: a state's prefix or adjective makes the person that state's civilian
        // ("US-Student" -> `USAEDU`, "ein türkischer Mann" -> `TURCVL`). English keeps
        // PETRARCH's convention ("a Pakistani woman" is `PAK`).
        let state_prefix = self.lang == Lang::De
            && piece > 0
            && self.same_sentence(piece - 1, piece)
            && self.out.last().is_some_and(|last| {
                let adjacent = last.span.end == self.pieces[piece - 1].span.end
                    || (piece > 1
                        && self.piece_text(piece - 1) == "-"
                        && last.span.end == self.pieces[piece - 2].span.end
                        && self.pieces[piece - 1].span.end == self.pieces[piece].span.start);
                adjacent && last.kind == ActorKind::State && last.code.len() == 3
            });
        if state_prefix && let Some(state) = self.out.pop() {
            let start = (0..piece)
                .rev()
                .find(|&at| self.pieces[at].span.start == state.span.start)
                .unwrap_or(piece);
            let code = format!("{}{}", state.code, &crate::private::code_of(text)[3..]);
            self.push_unknown(
                start,
                piece + 1,
                code,
                Some(state.code.clone()),
                gender,
                Vec::new(),
                format!("{} + {}", crate::private::PRIVATE_RULE, state.rule),
            );
            return Some(piece + 1);
        }
        if named || joined || described || self.apposition_to_person(piece) {
            return None;
        }
        self.push_unknown(
            piece,
            piece + 1,
            crate::private::code_of(text).to_string(),
            None,
            gender,
            Vec::new(),
            crate::private::PRIVATE_RULE.to_string(),
        );
        Some(piece + 1)
    }

    /// Whether the noun at `piece` is in apposition to the person named right before it
    /// ("Sam Ortega, a 14-year-old boy from ..."): the same person, not another one.
    fn apposition_to_person(&self, piece: usize) -> bool {
        let mut at = piece;
        // "a 19-year-old" is six pieces.
        for _ in 0..8 {
            if at == 0 || !self.same_sentence(at - 1, piece) {
                return false;
            }
            at -= 1;
            let text = self.piece_text(at);
            if text == "," {
                let comma = self.pieces[at].span;
                return self.out.last().is_some_and(|last| {
                    last.kind == ActorKind::Person
                        && last.code == "---"
                        && last.span.end <= comma.start
                        && last.span.end + 1 >= comma.start
                });
            }
            let modifier = text == "-"
                || text.chars().all(|c| c.is_ascii_digit())
                || (self.lang == Lang::En && text.chars().all(char::is_lowercase))
                || (self.lang == Lang::De && text.chars().next().is_some_and(char::is_lowercase));
            if !modifier {
                return false;
            }
        }
        false
    }

    /// Pushes the person name the tagger found starting at `piece`; returns its end.
    fn push_tagged(&mut self, piece: usize) -> Option<usize> {
        let end = *self.tagged_end.get(piece)? as usize;
        if end == u32::MAX as usize || end <= piece || end > self.pieces.len() {
            return None;
        }
        // Names end on a word, not on a hyphen or a dot.
        let mut end = end;
        while end > piece + 1 && !self.pieces[end - 1].alphabetic {
            end -= 1;
        }
        let gender = self.gender_of_first(piece);
        self.push_unknown(
            piece,
            end,
            "---".to_string(),
            None,
            gender,
            Vec::new(),
            "names:tagger".to_string(),
        );
        Some(end)
    }

    // ---------------------------------------------------------------- unmatched pieces

    /// The male person an object pronoun refers to ("... Kim Jong Un gesucht und diesen
    /// getroffen", "traf ihn"): the latest male person mentioned in this or the previous
    /// sentence who is not the subject of this sentence (a demonstrative or object pronoun
    /// does not refer to its own clause's subject). `ihn`/`ihm` look only at the previous
    /// sentence: the subject of their own clause is not reliably known here
    /// ("Sowohl die Kanzlerin als auch der Präsident hätten ihn gebeten"). `diesen` counts
    /// only as a pronoun, not as the article of a noun phrase ("diesen neuen Vertrag"), and
    /// not as a dative plural after a preposition ("mit diesen").
    fn object_pronoun_antecedent(&mut self, piece: usize) -> Option<usize> {
        let current = self.pieces.get(piece)?.sentence;
        if piece > 0
            && self.same_sentence(piece - 1, piece)
            && self.lower_is(piece, &["diesen", "jenen"])
            && self.lower_is(piece - 1, DATIVE_PREPOSITIONS)
        {
            return None;
        }
        let personal = self.lower_is(piece, &["ihn", "ihm"]);
        if !personal && !self.standalone(piece) {
            return None;
        }
        let pieces = &self.pieces;
        self.focus
            .iter()
            .enumerate()
            .filter(|(_, focus)| {
                focus.gender == Some(Gender::Male)
                    && focus.last < piece
                    && pieces.get(focus.last).is_some_and(|last| {
                        last.sentence + 1 >= current && !(personal && last.sentence == current)
                    })
                    && focus
                        .subject_last
                        .and_then(|at| pieces.get(at))
                        .is_none_or(|subject| subject.sentence != current)
            })
            .max_by_key(|(_, focus)| focus.last)
            .map(|(index, _)| index)
    }

    /// A demonstrative standing on its own: followed by punctuation, the end of the
    /// sentence, or a lowercase word that cannot be an inflected adjective before a noun
    /// ("diesen sogar", not "diesen neuen Vertrag" or "diesen Vertrag").
    fn standalone(&self, piece: usize) -> bool {
        let next = piece + 1;
        if next >= self.pieces.len() || !self.same_sentence(piece, next) {
            return true;
        }
        let following = self.pieces[next];
        if !following.alphabetic {
            return true;
        }
        if following.capitalized {
            return false;
        }
        let text = self.piece_text(next);
        !(text.ends_with("en") || text.ends_with("em") || text.ends_with("er"))
    }

    fn handle_piece(&mut self, piece: usize) -> usize {
        let text = self.piece_text(piece);
        let Some(&current) = self.pieces.get(piece) else {
            return piece + 1;
        };
        if let Some(end) = self.push_private(piece) {
            return end;
        }
        // A personal pronoun opening a sentence ("Er wurde am Freitag festgenommen") is
        // resolved like one inside it, not read as a name.
        let pronoun = self.lower_is(piece, &["er", "sie", "he", "she"]);
        if current.capitalized && current.alphabetic && !pronoun {
            if let Some((actor, role)) = self.split_compound(piece) {
                return self.compose(actor, role, piece, piece + 1);
            }
            // Surname of an unknown person named earlier ("Shalom", "Shaloms").
            let lower = text.to_lowercase();
            let known = self
                .unknown_surnames
                .get(&lower)
                .or_else(|| {
                    lower
                        .strip_suffix('s')
                        .and_then(|stem| self.unknown_surnames.get(stem))
                })
                .copied();
            if let Some(index) = known
                && !self.is_name_piece(piece + 1)
            {
                self.push_focus_reference(index, piece, piece + 1, "(surname)");
                return piece + 1;
            }
            // Honorific or known first name followed by a capitalised word.
            let honorific = HONORIFICS.contains(&text);
            let first_name = self.kb.first_names.contains_key(text);
            // A given name before a known surname: "George Bush".
            if first_name
                && let Some(next) = self.match_starting(piece + 1)
                && self.same_sentence(piece, piece + 1)
                && let Some(Target::Actor {
                    actor,
                    form: Form::Alias | Form::Surname | Form::Name,
                }) = self.primary(&next)
                && self.kb.data.actors[actor as usize].kind == ActorKind::Person
            {
                return self.push_person(actor, piece, next.end, None, Form::Name);
            }
            // Honorifics ("Herrn Blak", "Frau Peijs") stay with the rules: the cue is
            // reliable and the tagger, trained on little data, misses rare surnames.
            if self.mode == NameMode::Tagger && !honorific {
                if let Some(end) = self.push_tagged(piece) {
                    return end;
                }
                return piece + 1;
            }
            if honorific || first_name {
                let mut name_start = piece + if honorific { 1 } else { 0 };
                if honorific && self.piece_text(name_start) == "." {
                    name_start += 1;
                }
                let continues =
                    name_start + 1 < self.pieces.len() && self.same_sentence(piece, name_start + 1);
                if (honorific || continues)
                    && let Some(end) = self.unknown_name_after(name_start)
                    && (honorific || end > name_start + 1)
                {
                    let gender = if honorific {
                        match text {
                            "Herr" | "Herrn" | "Mr" | "Sir" | "Lord" => Some(Gender::Male),
                            "Frau" | "Mrs" | "Ms" | "Lady" => Some(Gender::Female),
                            _ => None,
                        }
                    } else {
                        self.gender_of_first(piece)
                    };
                    self.push_unknown(
                        name_start,
                        end,
                        "---".to_string(),
                        None,
                        gender,
                        Vec::new(),
                        "names:first-name".to_string(),
                    );
                    return end;
                }
            }
            // A name right after a speech verb: "sagte Gudrun Arlt", "sagt Müller".
            if piece > 0
                && self.same_sentence(piece - 1, piece)
                && self.lower_is(piece - 1, SPEECH_VERBS)
                && !self.preceded_by(piece, DETERMINERS)
                && let Some(end) = self.unknown_name_after(piece)
                && (end - piece > 1 || !self.is_name_piece(piece + 1))
            {
                let gender = self.gender_of_first(piece);
                self.push_unknown(
                    piece,
                    end,
                    "---".to_string(),
                    None,
                    gender,
                    Vec::new(),
                    "names:after-speech-verb".to_string(),
                );
                return end;
            }
            // A name followed by an age in parentheses: "Heidi Klum (36)".
            if let Some(end) = self.unknown_name_after(piece)
                && self.piece_text(end) == "("
                && (1..=3).contains(&self.piece_text(end + 1).len())
                && self.piece_text(end + 1).chars().all(|c| c.is_ascii_digit())
                && self.piece_text(end + 2) == ")"
            {
                let gender = self.gender_of_first(piece);
                self.push_unknown(
                    piece,
                    end,
                    "---".to_string(),
                    None,
                    gender,
                    Vec::new(),
                    "names:age".to_string(),
                );
                return end;
            }
            // An unlisted given name before a listed family name: "Teemu Tainio".
            if self.is_name_piece(piece)
                && self.is_name_piece(piece + 1)
                && self.same_sentence(piece, piece + 1)
                && self.kb.surnames.contains(self.piece_text(piece + 1))
                && !self.is_name_piece(piece + 2)
                && !self.kb.surnames.contains(text)
            {
                self.push_unknown(
                    piece,
                    piece + 2,
                    "---".to_string(),
                    None,
                    None,
                    Vec::new(),
                    "names:surname".to_string(),
                );
                return piece + 2;
            }
            // A lone family name next to a person cue: "sagte Müller", "Müller erklärte",
            // "Trainer Müller".
            let lone = self.kb.surnames.contains(text)
                || text
                    .strip_suffix('s')
                    .is_some_and(|stem| self.kb.surnames.contains(stem));
            let excluded = self.preceded_by(piece, DETERMINERS)
                || self.preceded_by(piece, &["in", "im", "nach", "aus", "ins", "nahe"])
                || (piece > 0
                    && self.pieces[piece - 1]
                        .span
                        .slice(self.text)
                        .chars()
                        .all(|c| c.is_ascii_digit()))
                || (self.piece_text(piece + 1) == "." && text.chars().count() <= 3);
            if lone
                && !excluded
                && !self.is_name_piece(piece + 1)
                && self.is_name_piece(piece)
                && !self.kb.first_names.contains_key(text)
            {
                if piece == 0
                    || !self.same_sentence(piece - 1, piece)
                    || !self.pieces[piece - 1].capitalized
                {
                    self.push_unknown(
                        piece,
                        piece + 1,
                        "---".to_string(),
                        None,
                        None,
                        Vec::new(),
                        "names:surname".to_string(),
                    );
                    return piece + 1;
                }
                let previous = self.piece_text(piece - 1);
                let agent_noun = self.pieces[piece - 1].capitalized
                    && AGENT_SUFFIXES
                        .iter()
                        .any(|suffix| previous.ends_with(suffix))
                    && !NAME_STOPWORDS.contains(&previous);
                let speech = self.lower_is(piece - 1, SPEECH_VERBS)
                    || (piece + 1 < self.pieces.len()
                        && self.same_sentence(piece, piece + 1)
                        && self.lower_is(piece + 1, SPEECH_VERBS));
                if agent_noun || speech {
                    self.push_unknown(
                        piece,
                        piece + 1,
                        "---".to_string(),
                        None,
                        None,
                        Vec::new(),
                        "names:surname".to_string(),
                    );
                    return piece + 1;
                }
            }
            if self.mode == NameMode::RulesThenTagger
                && let Some(end) = self.push_tagged(piece)
            {
                return end;
            }
            return piece + 1;
        }
        if self.lang != Lang::En && self.lower_is(piece, OBJECT_PRONOUNS) {
            if let Some(index) = self.object_pronoun_antecedent(piece) {
                self.push_focus_reference(index, piece, piece + 1, "(object pronoun)");
            }
            return piece + 1;
        }
        if self.lower_is(piece, &["er", "sie", "he", "she"]) {
            let german = self.lang != Lang::En;
            let before = piece > 0
                && self.same_sentence(piece - 1, piece)
                && (self.lower_is(piece - 1, SPEECH_VERBS)
                    || (german && self.lower_is(piece - 1, EVENT_VERBS))
                    || (german && self.lower_is(piece - 1, SINGULAR_AUXILIARIES)));
            let after = piece + 1 < self.pieces.len()
                && self.same_sentence(piece, piece + 1)
                && (self.lower_is(piece + 1, SPEECH_VERBS)
                    || (german && self.lower_is(piece + 1, EVENT_VERBS))
                    || (german && self.lower_is(piece + 1, SINGULAR_AUXILIARIES)));
            // "dass er ...", "nachdem er ...": the subject of a subordinate clause (`sie`
            // there may be a plural).
            let subordinate = german
                && piece > 0
                && self.same_sentence(piece - 1, piece)
                && self.lower_is(piece, &["er"])
                && self.lower_is(piece - 1, SUBORDINATORS);
            if before || after || subordinate {
                let gender = if self.lower_is(piece, &["er", "he"]) {
                    Gender::Male
                } else {
                    Gender::Female
                };
                // The latest subject (or speaker) of that gender, else the latest mention.
                let subject = self
                    .focus
                    .iter()
                    .enumerate()
                    .filter(|(_, focus)| {
                        focus.gender == Some(gender) && focus.subject_last.is_some()
                    })
                    .max_by_key(|(_, focus)| focus.subject_last)
                    .map(|(index, _)| index);
                // A named person whose gender no list knows ("Tiro Valdes") is the last
                // resort for `er`/`he` (`sie` may be a plural).
                let candidate = subject
                    .or_else(|| self.most_recent(|focus, _| focus.gender == Some(gender)))
                    .or_else(|| {
                        (gender == Gender::Male)
                            .then(|| {
                                self.most_recent(|focus, _| {
                                    focus.gender.is_none()
                                        && focus.actor.is_none()
                                        && focus.code == "---"
                                })
                            })
                            .flatten()
                    });
                if let Some(index) = candidate {
                    self.push_focus_reference(index, piece, piece + 1, "(pronoun)");
                }
            }
        }
        piece + 1
    }
}

#[cfg(test)]
mod test_support {
    use lagebild_doc::{Document, Lang, TextAnalysis};

    use crate::ActorKb;

    /// (surface, code) of the German mentions in `text` on `date` whose rule ends with
    /// `suffix` ("" for all).
    pub(super) fn mentions(
        text: &str,
        date: (i32, u32, u32),
        suffix: &str,
    ) -> Vec<(String, String)> {
        let doc = Document {
            text: text.to_string(),
            lang: Lang::De,
            ..Document::default()
        };
        let date = chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2);
        ActorKb::embedded()
            .annotate(&doc, &TextAnalysis::default(), date)
            .iter()
            .filter(|mention| mention.rule.ends_with(suffix))
            .map(|mention| (mention.span.slice(text).to_string(), mention.code.clone()))
            .collect()
    }

    /// Asserts the mentions with rule `suffix` are exactly `expected`.
    pub(super) fn check(
        text: &str,
        date: (i32, u32, u32),
        suffix: &str,
        expected: &[(&str, &str)],
    ) {
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(surface, code)| (surface.to_string(), code.to_string()))
            .collect();
        assert_eq!(mentions(text, date, suffix), want, "{text}");
    }
}

#[cfg(test)]
mod object_pronoun_tests {
    /// (surface, code) of every mention in `text` whose rule ends with `(object pronoun)`.
    fn check(text: &str, expected: &[(&str, &str)]) {
        super::test_support::check(text, (2019, 7, 1), "(object pronoun)", expected);
    }

    #[test]
    fn object_pronouns_take_the_latest_male_non_subject() {
        check(
            "Olaf Scholz hatte ein Gespräch mit Wladimir Putin verlangt und diesen dann angerufen.",
            &[("diesen", "RUSGOV")],
        );
        check(
            "Olaf Scholz lobte Wladimir Putin. Später rief er ihn erneut an.",
            &[("ihn", "RUSGOV")],
        );
        // An article, a dative plural and a pronoun with no male person before it.
        check(
            "Donald Trump traf Kim Jong Un an diesen neuen Orten und mit diesen Leuten.",
            &[],
        );
        check("Die Regierung hat diesen dann angerufen.", &[]);
    }
}

#[cfg(test)]
mod subject_pronoun_tests {
    /// (surface, code) of every mention in `text` whose rule ends with `(pronoun)`.
    fn check(text: &str, expected: &[(&str, &str)]) {
        super::test_support::check(text, (2019, 7, 1), "(pronoun)", expected);
    }

    #[test]
    fn subject_pronouns_next_to_auxiliaries_and_after_subordinators() {
        check(
            "Wladimir Putin reiste nach Kuba. In Havanna hatte er zuvor den Präsidenten getroffen.",
            &[("er", "RUSGOV")],
        );
        check(
            "Angela Merkel war in Paris. Morgen will sie Emmanuel Macron treffen.",
            &[("sie", "DEUGOV")],
        );
        check(
            "Wladimir Putin ließ wissen, dass er den Plan nicht unterstützen werde.",
            &[("er", "RUSGOV")],
        );
        // A plural `sie` after a subordinator stays unresolved, and so does a pronoun
        // with no person of its gender before it.
        check(
            "Angela Merkel sprach mit den Bauern, nachdem sie protestiert hatten.",
            &[],
        );
        check("Die Regierung tagte. Danach hatte er nichts gesagt.", &[]);
    }
}

#[cfg(test)]
mod home_state_tests {
    /// (surface, code) of every mention in `text` whose rule ends with `(home state)`.
    fn check(text: &str, expected: &[(&str, &str)]) {
        super::test_support::check(text, (2016, 1, 15), "(home state)", expected);
    }

    #[test]
    fn bare_institutions_take_the_state_of_the_article() {
        check(
            "In Frankreich wurde gewählt. Die Polizei nahm in Paris einen Iraker fest.",
            &[("Polizei", "FRACOP")],
        );
        // No state leads: nothing is coded.
        check(
            "Die Regierung kritisierte die Türkei. Russland schwieg.",
            &[],
        );
        // A named state is no bare institution, nor is an indefinite one or the first
        // part of a compound.
        check(
            "In Frankreich und in Paris sprach die Regierung Italiens; eine Polizei fehlte.",
            &[],
        );
        check(
            "In Frankreich und in Paris lobte man die Polizei-Reform.",
            &[],
        );
        // Persons do not decide the state; a genitive description names another one.
        check(
            "In Paris traf Ban Ki Moon Ban Ki Moon. Ban Ki Moon lobte die Regierung.",
            &[],
        );
        check(
            "In Frankreich und in Paris drohte das Militär des isolierten Landes.",
            &[],
        );
    }
}

#[cfg(test)]
mod party_tests {
    fn codes(text: &str) -> Vec<(String, String)> {
        super::test_support::mentions(text, (2016, 1, 15), "")
    }

    #[test]
    fn parties_are_coded_by_their_state_and_leave_their_leaders_alone() {
        let got = codes("Die FPÖ kritisierte die SPD scharf.");
        assert!(
            got.contains(&("FPÖ".to_string(), "AUTPTY".to_string())),
            "{got:?}"
        );
        assert!(
            got.contains(&("SPD".to_string(), "DEUPTY".to_string())),
            "{got:?}"
        );
        // A party label in parentheses is no actor of its own.
        let got = codes("Sozialministerin Erika Beispielfrau (SPÖ) kritisierte die CDU.");
        assert!(!got.iter().any(|(surface, _)| surface == "SPÖ"), "{got:?}");
        assert!(
            got.contains(&("CDU".to_string(), "DEUPTY".to_string())),
            "{got:?}"
        );
        // An unknown person takes the party in brackets as code.
        let got = codes("Gestern lobte Erika Beispielfrau (SPD) die Regierung in Wien.");
        assert!(
            got.contains(&("Erika Beispielfrau".to_string(), "DEUPTY".to_string())),
            "{got:?}"
        );
        // Kosovo is a state of its own (Phoenix code KSV), with its leaders.
        let got = codes("Der Kosovo erklärte sich unabhängig, sagte Hashim Thaçi.");
        assert!(
            got.contains(&("Kosovo".to_string(), "KSV".to_string())),
            "{got:?}"
        );
        let got = codes("FPÖ-Chef Heinz-Christian Strache sprach in Wien.");
        assert!(
            got.iter().any(|(surface, code)| surface.contains("Strache")
                && code.starts_with("AUT")
                && code != "AUTPTY"),
            "{got:?}"
        );
    }
}

#[cfg(test)]
mod regional_office_tests {
    use super::test_support::{check, mentions};

    const DATE: (i32, u32, u32) = (2012, 5, 3);

    #[test]
    fn offices_of_lands_regions_and_cities_take_their_state() {
        check(
            "Der Fraktionsvorsitzende im bayerischen Landtag, Erwin Kammerer, forderte Neuwahlen.",
            DATE,
            "names:apposition-after-role",
            &[("Erwin Kammerer", "DEULEG")],
        );
        check(
            "Der Gouverneur des Bundesstaates Ohio, Tom Harlan sagte die Reise ab.",
            DATE,
            "names:apposition-after-role",
            &[("Tom Harlan", "USAGOV")],
        );
        for (text, name, code) in [
            (
                "Hamburgs Innensenatorin Jutta Brenner verteidigte den Einsatz.",
                "Jutta Brenner",
                "DEUGOV",
            ),
            (
                "Der Münchner Bürgermeister Otto Fellner eröffnete das Fest.",
                "Otto Fellner",
                "DEUGOV",
            ),
            (
                "Kaliforniens Gouverneur Mark Delaney unterzeichnete das Gesetz.",
                "Mark Delaney",
                "USAGOV",
            ),
            (
                "Der Kärntner Landeshauptmann Fritz Auer trat zurück.",
                "Fritz Auer",
                "AUTGOV",
            ),
        ] {
            check(text, DATE, "names:after-role", &[(name, code)]);
        }
        check(
            "Die Staatsanwaltschaft Dresden erhob Anklage.",
            DATE,
            "(role)",
            &[("Staatsanwaltschaft Dresden", "DEUJUD")],
        );
    }

    #[test]
    fn english_possessive_roles_take_a_name_in_apposition() {
        let text = "Norway's Prime Minister, Ola Brekke said the talks would go on.";
        let doc = lagebild_doc::Document {
            text: text.to_string(),
            lang: lagebild_doc::Lang::En,
            ..lagebild_doc::Document::default()
        };
        let found: Vec<(String, String)> = crate::ActorKb::embedded()
            .annotate(&doc, &lagebild_doc::TextAnalysis::default(), None)
            .iter()
            .map(|mention| (mention.span.slice(text).to_string(), mention.code.clone()))
            .collect();
        assert_eq!(
            found,
            vec![("Ola Brekke".to_string(), "NORGOV".to_string())]
        );
    }

    #[test]
    fn a_role_beats_the_party_label() {
        let found = mentions(
            "Der Berliner Innensenator Paul Gerber (CDU) verurteilte den Angriff.",
            DATE,
            "",
        );
        assert!(
            found.contains(&("Paul Gerber".into(), "DEUGOV".into())),
            "{found:?}"
        );
        assert!(found.iter().all(|(_, code)| code != "DEUPTY"), "{found:?}");
        check(
            "Der SPD-Fraktionschef Paul Gerber sprach.",
            DATE,
            "names:after-role",
            &[("Paul Gerber", "DEULEG")],
        );
        check(
            "Der SPD-Parteichef Paul Gerber sprach.",
            DATE,
            "names:after-role",
            &[("Paul Gerber", "DEUPTY")],
        );
    }

    #[test]
    fn regions_alone_are_no_actors_and_lists_no_appositions() {
        for text in [
            "Kalifornien verklagt die Firma.",
            "Die Hamburger Morgenzeitung berichtete.",
        ] {
            let found = mentions(text, DATE, "");
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        let found = mentions("Der Minister, Hans Kahl und Jens Rother kamen.", DATE, "");
        assert!(found.iter().all(|(_, code)| code != "---GOV"), "{found:?}");
        check(
            "Der Präsident, der Kanzler und die Ministerin trafen sich.",
            DATE,
            "names:apposition-after-role",
            &[],
        );
    }

    #[test]
    fn land_institutions_belong_to_the_home_state() {
        check(
            "Die Opposition kritisierte die Landesregierung scharf.",
            DATE,
            "(home state)",
            &[("Landesregierung", "DEUGOV")],
        );
        check(
            "In Österreich und in Wien lobte man die Landesregierung.",
            DATE,
            "(home state)",
            &[("Landesregierung", "AUTGOV")],
        );
    }
}

#[cfg(test)]
mod institution_person_tests {
    use super::test_support::{check, mentions};

    const DATE: (i32, u32, u32) = (2012, 5, 3);

    #[test]
    fn persons_of_an_institution_take_its_kind_and_the_home_state() {
        // The article is about Germany (two German places), so the police is German.
        check(
            "In Hamburg und Berlin wurde gestreikt. Ein Sprecher der Polizei, Lars Kemmer, \
             sagte, alles sei ruhig. Kemmer sagte weiter, man beobachte die Lage.",
            DATE,
            "(home state)",
            &[("Lars Kemmer", "DEUCOP"), ("Kemmer", "DEUCOP")],
        );
        check(
            "Der Sprecher der Berliner Polizei, Tom Kurz, sagte, es sei ruhig.",
            DATE,
            "names:apposition-after-role",
            &[("Tom Kurz", "DEUCOP")],
        );
        check(
            "In Köln und in Hamburg feierte man. Unternehmenschef Georg Fiedler sprach.",
            DATE,
            "(home state)",
            &[("Georg Fiedler", "DEUBUS")],
        );
    }

    #[test]
    fn counted_role_nouns_are_plural_and_take_no_name() {
        let found = mentions(
            "Sie schickte 300 Polizisten Zöllner an die Grenze.",
            DATE,
            "",
        );
        assert!(
            found.iter().all(|(surface, _)| surface != "Zöllner"),
            "{found:?}"
        );
    }

    #[test]
    fn without_a_home_state_the_office_keeps_an_unknown_state() {
        let found = mentions("Bürgermeister Hans Kober kritisierte die Firma.", DATE, "");
        assert_eq!(
            found,
            vec![("Hans Kober".to_string(), "---GOV".to_string())]
        );
        // A national office is no domestic one: no state is guessed for a president.
        let found = mentions(
            "In Hamburg und Berlin regnet es. Präsident Tomas Vedder sprach.",
            DATE,
            "(home state)",
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
