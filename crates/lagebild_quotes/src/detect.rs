//! The quotation patterns over one document: quotation-mark pairs (direct and partial
//! quotes), cue verbs with comma clauses, `dass` clauses and trailing cues, cue phrases
//! (`laut X`, `nach Angaben von X`, `X zufolge`, `according to X`) and bare Konjunktiv I
//! sentences that continue a reported speaker.

use std::collections::HashMap;
use std::ops::Range;

use lagebild_actors::ActorMention;
use lagebild_doc::{Case, Mood, Sentence, Span, Tense, TextAnalysis, Token, Upos};

use crate::lexicon::{
    COMPLEMENTIZERS, CueLexicon, DETERMINERS, KONJUNKTIV_I, KONJUNKTIV_II, PHRASE_STOPS, PRONOUNS,
    SPEAKER_SKIP, lexicons,
};
use crate::sentences::is_any_mark;
use crate::{Quote, QuoteKind, Speaker};
use lagebild_text::words::{Word, WordKind};

pub(crate) struct Detector<'a> {
    text: &'a str,
    words: Vec<Word>,
    sentences: Vec<Range<usize>>,
    german: bool,
    english: bool,
    actors: &'a [ActorMention],
    /// Byte starts of tokens the tagger marked `Mood=Sub`, with whether they are
    /// Konjunktiv II (`Tense=Past`: `hätte`, `würde`).
    subjunctive: HashMap<u32, bool>,
    /// Speakers seen so far: (speaker phrase text, resolved name, code).
    history: Vec<(String, Option<String>, Option<String>)>,
    /// The last quote's speaker and cue, with the sentence it was in.
    last: Option<(usize, Option<Speaker>, Option<Span>)>,
    out: Vec<Quote>,
    /// Relative pronouns found as speakers (word index) with their antecedent phrase.
    relatives: std::cell::RefCell<HashMap<usize, (usize, usize)>>,
    /// Indices in `out` of quotes whose speaker was carried over from a quote before.
    borrowed: Vec<usize>,
    /// `last` as it was before the current sentence.
    before_sentence: Option<(usize, Option<Speaker>, Option<Span>)>,
    /// The last quote with a speaker: (sentence, speaker, cue).
    last_named: Option<(usize, Speaker, Option<Span>)>,
    /// The last bare Konjunktiv quote: (sentence, index in `out`).
    last_free: Option<(usize, usize)>,
    /// Whether sentences whose main verb is a cue verb count as reported speech.
    report_speech_acts: bool,
    /// The tagger's tokens and sentences (heads are sentence-local); empty when the
    /// text was not analysed.
    tokens: &'a [Token],
    token_sentences: &'a [Sentence],
}

/// Separable particles, for `anzunehmen`, `vorzulegen`.
const PARTICLES: &[&str] = &[
    "an", "auf", "aus", "bei", "ein", "fest", "her", "hin", "mit", "nach", "vor", "weg", "zurück",
    "zusammen", "dar", "los", "ab", "um", "durch", "frei", "bereit",
];

/// Nouns after `nach` that name a source (`Nach Angaben der Polizei`, `nach einer Studie`).
const SOURCE_NOUNS: &[&str] = &[
    "angaben",
    "informationen",
    "ansicht",
    "einschätzung",
    "darstellung",
    "auffassung",
    "aussage",
    "aussagen",
    "berichten",
    "bericht",
    "meinung",
    "schätzungen",
    "schätzung",
    "erkenntnissen",
    "ermittlungen",
    "ermittlungsstand",
    "studie",
    "untersuchung",
    "umfrage",
    "recherchen",
    "mitteilung",
    "worten",
    "zählung",
    "prognose",
    "prognosen",
    "statistik",
    "daten",
    "zahlen",
    "auskunft",
    "auskünften",
    "stellungnahme",
    "erklärung",
    "meldung",
    "meldungen",
    "schilderung",
    "schilderungen",
    "einschätzungen",
    "berechnungen",
    "hochrechnungen",
    "ergebnissen",
    "auswertung",
    "analyse",
    "quellen",
    "aussagen",
];

/// English words that never belong to a speaker phrase.
const ENGLISH_NON_NOUNS: &[&str] = &[
    "it", "was", "were", "is", "are", "has", "have", "had", "would", "will", "not", "this",
    "these", "there", "which", "who", "also", "but", "if", "when", "because", "then", "than",
    "very", "more", "most", "all", "some", "no",
];

/// Cue lemmas that make a sentence a reported speech act by themselves
/// ("X nannte es den schwärzesten Tag", "X kritisierte die Entscheidung").
const SPEECH_ACTS: &[&str] = &[
    "nennen",
    "bezeichnen",
    "kritisieren",
    "fordern",
    "vorwerfen",
    "vermuten",
    "beschuldigen",
    "verlangen",
    "bestreiten",
    "dementieren",
    "zurückweisen",
    "beklagen",
    "mahnen",
    "appellieren",
    "bekräftigen",
    "befürchten",
    "call",
    "accuse",
    "deny",
    "urge",
    "criticise",
    "demand",
];

/// Object pronouns between a cue verb and its subject (`so nannte ihn der Minister`).
const OBJECT_PRONOUNS: &[&str] = &["ihn", "ihm", "ihr", "es", "sich", "das", "dies", "uns"];

/// How many earlier speakers pronouns and descriptions look back on.
const HISTORY: usize = 20;

/// Object-verb-subject order the parser reads as subject first: `Die Arbeit lobte er`,
/// `Die Anwendung stellte der SPD-Vorsitzende in Frage`. When the parsed subject is a noun
/// with an ambiguous article (`die`, `das`) or an accusative one (`den`) before the
/// verb, and the verb is followed (after adverbs) by `er`/`ich`/`wir` or a `der` phrase
/// the tagger reads as nominative that depends on the verb, that is the subject.
fn inverted_subject(text: &str, sentence: &[Token], verb: usize, subject: usize) -> Option<usize> {
    let lower = |index: usize| {
        sentence
            .get(index)
            .map(|token| token.span.slice(text).to_lowercase())
            .unwrap_or_default()
    };
    if subject > verb || sentence.get(subject)?.upos != Upos::Noun {
        return None;
    }
    // `er`, `ich`, `wir` right after the verb are nominative whatever comes first
    // (`Der Politik schlug er vor`).
    let mut after = verb + 1;
    while sentence
        .get(after)
        .is_some_and(|token| matches!(token.upos, Upos::Adv | Upos::Part))
    {
        after += 1;
    }
    if matches!(lower(after).as_str(), "er" | "ich" | "wir")
        && sentence.get(after)?.head == Some(verb as u32)
    {
        return Some(after);
    }
    let article = (0..subject).find(|&index| {
        sentence[index].head == Some(subject as u32) && sentence[index].upos == Upos::Det
    })?;
    // `den ...` and `der` with a weak adjective (`Der englischsprachigen Zeitung sagte
    // X`) are no nominative.
    let oblique = lower(article) == "den"
        || (lower(article) == "der"
            && (article + 1..subject)
                .any(|index| sentence[index].upos == Upos::Adj && lower(index).ends_with("en")));
    if !oblique && !matches!(lower(article).as_str(), "die" | "das") {
        return None;
    }
    let mut at = verb + 1;
    while sentence
        .get(at)
        .is_some_and(|token| matches!(token.upos, Upos::Adv | Upos::Part))
    {
        at += 1;
    }
    let token = sentence.get(at)?;
    let word = lower(at);
    if matches!(word.as_str(), "er" | "ich" | "wir") && token.head == Some(verb as u32) {
        return Some(at);
    }
    if oblique && token.upos == Upos::Propn && token.head == Some(verb as u32) {
        return Some(at);
    }
    if word == "der" && token.feats.case == Some(Case::Nom) {
        let noun = token.head? as usize;
        let head = sentence.get(noun)?;
        if noun > at
            && noun <= at + 4
            && head.head == Some(verb as u32)
            && matches!(head.upos, Upos::Noun | Upos::Propn)
            && !matches!(head.feats.case, Some(Case::Dat | Case::Gen))
        {
            return Some(noun);
        }
    }
    None
}

/// Whether `index` lies in one of `ranges` (sorted, disjoint), in O(log n).
fn in_ranges(ranges: &[Range<usize>], index: usize) -> bool {
    let after = ranges.partition_point(|range| range.start <= index);
    after > 0 && ranges[after - 1].contains(&index)
}

fn is_punct(word: &Word, marks: &[&str]) -> bool {
    word.kind == WordKind::Punct && marks.contains(&word.lower.as_str())
}

impl<'a> Detector<'a> {
    pub fn new(
        text: &'a str,
        region: Span,
        analysis: &'a TextAnalysis,
        actors: &'a [ActorMention],
        german: bool,
        english: bool,
    ) -> Detector<'a> {
        let words = lagebild_text::words::words(text, region);
        let sentences = crate::sentences::sentences(text, &words);
        let subjunctive = analysis
            .tokens
            .iter()
            .filter(|token| token.feats.mood == Some(Mood::Sub))
            .map(|token| (token.span.start, token.feats.tense == Some(Tense::Past)))
            .collect();
        Detector {
            text,
            words,
            sentences,
            german,
            english,
            actors,
            subjunctive,
            history: Vec::new(),
            last: None,
            out: Vec::new(),
            last_free: None,
            last_named: None,
            before_sentence: None,
            borrowed: Vec::new(),
            relatives: std::cell::RefCell::new(HashMap::new()),
            report_speech_acts: false,
            tokens: &analysis.tokens,
            token_sentences: &analysis.sentences,
        }
    }

    pub fn report_speech_acts(mut self, on: bool) -> Detector<'a> {
        self.report_speech_acts = on;
        self
    }

    pub fn run(mut self) -> Vec<Quote> {
        let pairs = self.quote_pairs();
        // Word ranges inside quotation marks (marks included).
        let quoted: Vec<Range<usize>> =
            pairs.iter().map(|&(open, close)| open..close + 1).collect();
        let mut direct_cover: Vec<Range<usize>> = Vec::new();
        let mut next_pair = 0;
        for sentence_index in 0..self.sentences.len() {
            let sentence = self.sentences[sentence_index].clone();
            self.before_sentence = self.last.clone();
            let mut direct_here = false;
            while next_pair < pairs.len() && pairs[next_pair].0 < sentence.end {
                let (open, close) = pairs[next_pair];
                next_pair += 1;
                if let Some(kind) = self.direct_quote(open, close, sentence_index, &quoted)
                    && kind == QuoteKind::Direct
                {
                    direct_here = true;
                    direct_cover.push(open..close + 1);
                }
            }
            let covered =
                direct_here
                    || direct_cover.iter().rev().take(2).any(|range| {
                        range.start <= sentence.start && sentence.end <= range.end + 3
                    });
            if !covered {
                let before = self.out.len();
                self.indirect(sentence_index, &quoted);
                self.lend_speaker(before);
            }
        }
        self.out
            .sort_by_key(|quote| (quote.span.start, quote.span.end));
        self.out.dedup_by_key(|quote| quote.span);
        self.out
    }

    /// Quoted words inside the indirect quote just found (`out[from..]`) belong to it:
    /// a partial quote without a cue of its own takes its speaker (`Die „viel zu
    /// späten“ Hilfen kämen ..., so Hallmann`, `nach Angaben der Polizei „…“`).
    fn lend_speaker(&mut self, from: usize) {
        let Some(indirect) = self.out.get(from..).and_then(|added| {
            added
                .iter()
                .find(|quote| quote.kind == QuoteKind::Indirect && quote.speaker.is_some())
                .cloned()
        }) else {
            return;
        };
        for &at in &self.borrowed {
            if let Some(quote) = self.out.get_mut(at)
                && indirect.span.contains(quote.span)
            {
                quote.speaker = indirect.speaker.clone();
                quote.cue = indirect.cue;
            }
        }
        self.borrowed.retain(|&at| at >= from);
    }

    /// The sentence (word range) that contains word `index`.
    fn sentence_of(&self, index: usize) -> Option<&Range<usize>> {
        let after = self.sentences.partition_point(|range| range.start <= index);
        after
            .checked_sub(1)
            .and_then(|at| self.sentences.get(at))
            .filter(|range| range.contains(&index))
    }

    fn word(&self, index: usize) -> Option<&Word> {
        self.words.get(index)
    }

    fn lower(&self, index: usize) -> &str {
        self.words.get(index).map_or("", |word| word.lower.as_str())
    }

    fn line_break_before(&self, index: usize) -> bool {
        if index == 0 {
            return true;
        }
        let (Some(previous), Some(word)) = (self.words.get(index - 1), self.words.get(index))
        else {
            return true;
        };
        self.text
            .get(previous.span.end as usize..word.span.start as usize)
            .is_some_and(|gap| gap.contains('\n'))
    }

    fn span(&self, first: usize, last: usize) -> Span {
        match (self.words.get(first), self.words.get(last)) {
            (Some(first), Some(last)) if first.span.start <= last.span.end => {
                first.span.cover(last.span)
            }
            _ => Span::default(),
        }
    }

    // ---- quotation marks -------------------------------------------------------------

    /// Pairs of (opening mark, closing mark) word indices, within a paragraph.
    fn quote_pairs(&self) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        let mut open: Option<(usize, &'static [&'static str])> = None;
        for (index, word) in self.words.iter().enumerate() {
            if self.line_break_before(index) {
                open = None;
            }
            if word.kind != WordKind::Punct || !is_any_mark(&word.lower) {
                continue;
            }
            let mark = word.lower.as_str();
            match open {
                Some((start, closers))
                    if closers.contains(&mark) && (mark != "\"" || !self.straight_opens(index)) =>
                {
                    if index > start + 1 {
                        pairs.push((start, index));
                    }
                    open = None;
                }
                Some(_) => {}
                None => {
                    let closers: Option<&'static [&'static str]> = match mark {
                        "„" => Some(&["“", "”", "\""]),
                        "»" => Some(&["«"]),
                        "«" => Some(&["»"]),
                        "“" => Some(&["”", "\""]),
                        "‚" => Some(&["‘", "’"]),
                        "\"" if self.straight_opens(index) => Some(&["\""]),
                        _ => None,
                    };
                    if let Some(closers) = closers {
                        open = Some((index, closers));
                    }
                }
            }
        }
        pairs
    }

    /// A straight mark opens when no letter stands right before it and one follows.
    fn straight_opens(&self, index: usize) -> bool {
        let Some(word) = self.word(index) else {
            return false;
        };
        let before = self
            .text
            .get(..word.span.start as usize)
            .and_then(|head| head.chars().next_back());
        let after = self
            .text
            .get(word.span.end as usize..)
            .and_then(|tail| tail.chars().next());
        before.is_none_or(|ch| ch.is_whitespace() || "([{–—-/".contains(ch))
            && after.is_some_and(|ch| !ch.is_whitespace())
    }

    /// Records the quotation between marks `open` and `close`; returns its kind.
    fn direct_quote(
        &mut self,
        open: usize,
        close: usize,
        sentence: usize,
        quoted: &[Range<usize>],
    ) -> Option<QuoteKind> {
        let content = self.span(open + 1, close - 1);
        if content.is_empty() {
            return None;
        }
        let content_words = (open + 1..close)
            .filter(|&index| self.words[index].kind != WordKind::Punct)
            .count();
        let ends_terminal = self
            .word(close - 1)
            .is_some_and(|word| is_punct(word, &[".", "!", "?", "…", ","]));
        let previous = if self.line_break_before(open) {
            None
        } else {
            open.checked_sub(1).and_then(|index| self.word(index))
        };
        let starts_clause = previous.is_none_or(|word| {
            is_punct(
                word,
                &[
                    ":", ".", "!", "?", "“", "”", "\"", "«", "»", "(", "–", "—", "-",
                ],
            )
        });
        let after_colon = previous.is_some_and(|word| is_punct(word, &[":"]));
        let after_comma = previous.is_some_and(|word| is_punct(word, &[","]));
        let first_capital = self.word(open + 1).is_some_and(|word| word.capitalised);
        // Cue after the quote: „…“, sagte X / „…“, so X / "…," said X / "…," he said.
        let mut cue_after: Option<usize> = None;
        let mut speaker_from: Option<usize> = None;
        let mut at = close + 1;
        if self.word(at).is_some_and(|word| is_punct(word, &[","])) {
            at += 1;
        }
        // "„…“, so charakterisierte ihn X" / "„…“, hatte X erklärt": the subject of the cue.
        let mut cue_subject = false;
        if !self.line_break_before(close + 1) {
            let clause_end = (at..self.words.len().min(at + 16))
                .find(|&index| self.words[index].kind == WordKind::Punct)
                .unwrap_or(self.words.len().min(at + 16));
            if self.lower(at) == "so" && at > close + 1 && self.is_cue(at + 1, quoted) {
                cue_after = Some(at + 1);
                speaker_from = Some(at + 2);
                cue_subject = true;
            } else if matches!(self.lower(at), "hatte" | "hat" | "habe" | "hätte")
                && at > close + 1
                && let Some(participle) =
                    (at + 1..clause_end).find(|&index| self.is_cue(index, quoted))
            {
                cue_after = Some(participle);
                speaker_from = Some(at + 1);
                cue_subject = true;
            } else if self.is_cue(at, quoted) || (self.lower(at) == "so" && at > close + 1) {
                cue_after = Some(at);
                speaker_from = Some(at + 1);
            } else if self.is_pronoun(at) && self.is_cue(at + 1, quoted) {
                cue_after = Some(at + 1);
                speaker_from = Some(at);
            } else if let Some((_, phrase_last)) = self.phrase_after(at)
                && phrase_last < at + 5
                && self.is_cue(phrase_last + 1, quoted)
            {
                // "…," the minister said.
                cue_after = Some(phrase_last + 1);
                speaker_from = Some(at);
            }
        }
        let continuation = if after_comma {
            self.continues_direct(open)
        } else {
            None
        };
        let direct = (starts_clause && (content_words >= 3 || ends_terminal))
            || after_colon
            || (cue_after.is_some() && (starts_clause || (after_comma && content_words >= 3)))
            || (after_comma && content_words >= 6 && first_capital)
            || continuation.is_some();
        if !direct && self.title_like(open, close) {
            return None;
        }
        let kind = if direct {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        };
        let sentence_range = self
            .sentences
            .get(sentence)
            .cloned()
            .unwrap_or(open..close + 1);
        // Whether the speaker comes from a cue of this quote, not from a quote before.
        let mut own = true;
        let (speaker, cue) = if let (Some(cue), true) = (cue_after, cue_subject) {
            let speaker = match self.dep_subject(cue) {
                Some((first, last)) if first > close => Some(self.speaker(first, last)),
                _ => {
                    let mut from = speaker_from.unwrap_or(cue + 1);
                    while OBJECT_PRONOUNS.contains(&self.lower(from)) {
                        from += 1;
                    }
                    self.phrase_after(from)
                        .filter(|&(first, last)| {
                            first < cue || last > cue && self.subject_like(first, last)
                        })
                        .map(|(first, last)| {
                            let last = if first < cue { last.min(cue - 1) } else { last };
                            self.speaker(first, last)
                        })
                }
            };
            (speaker, Some(self.cue_span(cue)))
        } else if let (Some(cue), Some(from)) = (cue_after, speaker_from) {
            let phrase = if from < cue {
                self.phrase_after(from)
                    .map(|(first, last)| (first, last.min(cue - 1)))
            } else {
                // "„…“, äußerte sich Schavan": past a reflexive or object pronoun.
                let mut from = from;
                while OBJECT_PRONOUNS.contains(&self.lower(from)) && from < cue + 3 {
                    from += 1;
                }
                self.phrase_after(from)
            };
            (
                phrase.map(|(first, last)| self.speaker(first, last)),
                Some(self.cue_span(cue)),
            )
        } else if let Some((speaker, cue)) = continuation {
            (speaker, cue)
        } else if direct && (after_colon || after_comma) {
            // X sagte: „…“ / Rutte: „…“
            let clause_start = self.clause_start(open.saturating_sub(1));
            let written = if after_colon {
                self.written_source(open.saturating_sub(1), clause_start)
            } else {
                None
            };
            match (clause_start..open.saturating_sub(1)).find(|&index| self.is_cue(index, quoted)) {
                _ if written.is_some() => {
                    (written.map(|(first, last)| self.speaker(first, last)), None)
                }
                Some(cue) => (
                    self.speaker_of_cue(cue, clause_start),
                    Some(self.cue_span(cue)),
                ),
                None => (
                    self.colon_speaker(open.saturating_sub(1), clause_start)
                        .map(|(first, last)| self.speaker(first, last)),
                    None,
                ),
            }
        } else if direct {
            // A quote that stands alone continues the last speaker of the previous sentence.
            own = false;
            match &self.last {
                Some((last_sentence, speaker, cue)) if sentence <= last_sentence + 1 => {
                    (speaker.clone(), *cue)
                }
                _ => match sentence
                    .checked_sub(1)
                    .and_then(|before| self.introducing_subject(before, false))
                {
                    Some((first, last)) => (Some(self.speaker(first, last)), None),
                    None => (None, None),
                },
            }
        } else {
            // A partial quote takes the cue of its sentence.
            let cue = (sentence_range.start..sentence_range.end)
                .filter(|&index| !(open..=close).contains(&index))
                .filter(|&index| self.is_cue(index, quoted))
                .min_by_key(|&index| {
                    if index < open {
                        open - index
                    } else {
                        index - close + 1000
                    }
                });
            match cue {
                Some(cue) => (
                    self.speaker_of_cue(cue, self.clause_start(cue)),
                    Some(self.cue_span(cue)),
                ),
                None => {
                    // Without a cue, a short run of capitalised words is a name or a
                    // title ("Das Schiff „Seestern“"), not a quote.
                    let name_like = content_words <= 3
                        && (open + 1..close).all(|index| {
                            self.words[index].kind != WordKind::Alpha
                                || self.words[index].capitalised
                        });
                    if name_like {
                        return None;
                    }
                    // Without a cue of its own the speaker may still be lent by an
                    // indirect quote around it (`own` false).
                    own = false;
                    match self.dep_governor_subject(content) {
                        Some((first, last)) => (Some(self.speaker(first, last)), None),
                        None => match &self.last {
                            Some((last_sentence, speaker, cue))
                                if sentence <= last_sentence + 1 =>
                            {
                                (speaker.clone(), *cue)
                            }
                            _ => (None, None),
                        },
                    }
                }
            }
        };
        self.push(kind, content, speaker, cue, sentence);
        if !own {
            self.borrowed.push(self.out.len() - 1);
        }
        Some(kind)
    }

    /// The subject of the main clause of sentence `index`: the `nsubj` of the root in
    /// the parse; without a parse, a phrase opening the sentence before a lowercase word.
    fn sentence_subject(&self, index: usize) -> Option<(usize, usize)> {
        let range = self.sentences.get(index)?.clone();
        if let Some(token) = range.clone().find_map(|word| self.token_at(word)) {
            let tokens = self.token_sentence(token)?;
            let root = tokens
                .clone()
                .find(|&at| self.tokens[at].head.is_none() || self.tokens[at].deprel == "root")?;
            let (first, last) = match self.dep_subject_of(root) {
                Some(phrase) => phrase,
                None => {
                    // A `nsubj:pass` without a form of `werden` is the parser's reading of
                    // a perfect with `sein` or `haben` (`X war in Japan und hat gemessen`).
                    let local = root - tokens.start;
                    let sentence = &self.tokens[tokens.clone()];
                    let passive = sentence.iter().any(|token| {
                        token.head == Some(local as u32)
                            && token.deprel.starts_with("aux")
                            && matches!(
                                token.span.slice(self.text).to_lowercase().as_str(),
                                "wurde" | "wurden" | "wird" | "werden" | "worden" | "würde"
                            )
                    });
                    let subject = sentence.iter().position(|token| {
                        token.head == Some(local as u32) && token.deprel == "nsubj:pass"
                    })?;
                    if passive || !matches!(sentence[subject].upos, Upos::Propn | Upos::Pron) {
                        return None;
                    }
                    self.noun_phrase_words(sentence, subject)?
                }
            };
            return (range.contains(&first) && range.contains(&last)).then_some((first, last));
        }
        let (first, last) = self.phrase_after(range.start)?;
        (first == range.start
            && !PHRASE_STOPS.contains(&self.lower(first))
            && self
                .word(last + 1)
                .is_some_and(|word| word.kind == WordKind::Alpha && !word.capitalised)
            && self.subject_like(first, last))
        .then_some((first, last))
    }

    /// The subject of sentence `index` as the speaker of reported speech that follows
    /// it, looking back over up to two more sentences that are reported speech
    /// themselves (Konjunktiv) or have no subject (passive), but not past the last quote.
    /// When a quote with a speaker is near (`weak`), only a subject that is an actor
    /// mention, a proper name or a personal pronoun, or the subject of a cue verb, counts (`Sirenen
    /// heulten.` does not interrupt a report; `Die Stadtreinigung äußerte Zweifel.` does).
    fn introducing_subject(&self, index: usize, weak: bool) -> Option<(usize, usize)> {
        let quoted_until = self
            .before_sentence
            .as_ref()
            .map(|(last_sentence, _, _)| *last_sentence);
        for at in (index.saturating_sub(2)..=index).rev() {
            if quoted_until.is_some_and(|last_sentence| at <= last_sentence) {
                return None;
            }
            let range = self.sentences.get(at)?.clone();
            if range.clone().any(|word| self.is_konjunktiv(word, true)) {
                continue;
            }
            let Some((first, last)) = self.sentence_subject(at) else {
                continue;
            };
            let span = self.span(first, last);
            let proper_name = (first..=last).any(|word| {
                self.token_at(word)
                    .is_some_and(|token| self.tokens[token].upos == Upos::Propn)
            });
            let strong = (first == last && self.is_pronoun(first))
                || proper_name
                || self.actors.iter().any(|actor| actor.span.overlaps(span))
                || range.clone().any(|word| self.is_cue(word, &[]));
            return (!weak || strong).then_some((first, last));
        }
        None
    }

    /// The speaker phrase `seiner Meinung`, `dessen Angaben` (words `first` and the noun
    /// after it), named by the last speaker.
    fn possessive_speaker(&mut self, first: usize) -> Speaker {
        let span = self.span(first, first + 1);
        let last = self
            .last
            .as_ref()
            .and_then(|(_, speaker, _)| speaker.clone());
        match last {
            Some(speaker) => Speaker { span, ..speaker },
            None => Speaker {
                span,
                name: None,
                code: None,
            },
        }
    }

    /// The speaker of a quote after `colon` whose clause has no cue verb: the subject of
    /// a verb of the clause in the parse (`Den Unmut brachte die Sprecherin zum Ausdruck:`,
    /// `Er lobte ihn mit den Worten:`), else a phrase that makes the whole clause
    /// (`Hallmann:`, `Hallmann wörtlich:`), else the phrase right before the colon.
    fn colon_speaker(&self, colon: usize, clause_start: usize) -> Option<(usize, usize)> {
        if let Some(source) = self.written_source(colon, clause_start) {
            return Some(source);
        }
        self.colon_speaker_parsed(colon, clause_start)
    }

    /// The colon case of the corpus's written sources: `So heißt es in dem Schreiben:`
    /// gives `dem Schreiben`, `Die Zeitung zitiert einen Zeugen mit den Worten:` gives
    /// `einen Zeugen`.
    fn written_source(&self, colon: usize, clause_start: usize) -> Option<(usize, usize)> {
        for index in clause_start..colon {
            let lower = self.lower(index);
            if matches!(lower, "heißt" | "hieß") && self.lower(index + 1) == "es" {
                let mut at = index + 2;
                while SPEAKER_SKIP.contains(&self.lower(at)) {
                    at += 1;
                }
                if matches!(self.lower(at), "in" | "im" | "auf" | "bei") {
                    let from = if matches!(self.lower(at), "im") {
                        at
                    } else {
                        at + 1
                    };
                    if let Some((first, last)) = self.phrase_after(from)
                        && last < colon
                    {
                        return Some((if from == at { at } else { first }, last));
                    }
                }
            }
            if matches!(lower, "zitiert" | "zitierte" | "zitieren")
                && let Some((first, last)) = self.phrase_after(index + 1)
                && last < colon
                && matches!(
                    self.lower(first),
                    "einen" | "den" | "eine" | "die" | "das" | "ein"
                )
            {
                return Some((first, last));
            }
        }
        None
    }

    /// [`Self::colon_speaker`] without the written sources.
    fn colon_speaker_parsed(&self, colon: usize, clause_start: usize) -> Option<(usize, usize)> {
        // The main verb of the sentence when it stands before the colon (`Er glaubt, dass
        // ...:` is his, not the subordinate clause's subject's).
        let sentence_start = self.sentence_of(colon).map_or(0, |range| range.start);
        if let Some(token) = (sentence_start..colon).find_map(|word| self.token_at(word))
            && let Some(tokens) = self.token_sentence(token)
            && let Some(root) = tokens
                .clone()
                .find(|&at| self.tokens[at].head.is_none() || self.tokens[at].deprel == "root")
            && matches!(self.tokens[root].upos, Upos::Verb | Upos::Aux)
            && let Some((root_word, _)) =
                self.words_of(self.tokens[root].span.start, self.tokens[root].span.end)
            && (sentence_start..colon).contains(&root_word)
            && root_word < clause_start
            && let Some((first, last)) = self.dep_subject(root_word)
            && last < colon
            && first >= sentence_start
        {
            return Some((first, last));
        }
        let mut parsed = false;
        for index in clause_start..colon {
            let Some(token) = self.token_at(index) else {
                continue;
            };
            parsed = true;
            if !matches!(self.tokens[token].upos, Upos::Verb | Upos::Aux) {
                continue;
            }
            if let Some((first, last)) = self.dep_subject(index)
                && last < colon
                && first >= self.sentence_of(colon).map_or(0, |range| range.start)
            {
                return Some((first, last));
            }
        }
        // A clause without a verb in the parse: the name that opens it ("Nina Beispiel
        // zur neuen Heimat:").
        let verbless = parsed
            && (clause_start..colon).all(|index| {
                self.token_at(index)
                    .is_none_or(|token| !matches!(self.tokens[token].upos, Upos::Verb | Upos::Aux))
            });
        if let Some((first, last)) = self.phrase_after(clause_start)
            && last < colon
            && !PHRASE_STOPS.contains(&self.lower(first))
            && (last + 1 == colon
                || (last + 2 == colon && self.word(last + 1).is_some_and(|word| !word.capitalised))
                || (verbless
                    && clause_start
                        == self
                            .sentence_of(colon)
                            .map_or(usize::MAX, |range| range.start)
                    && PHRASE_STOPS.contains(&self.lower(last + 1))))
        {
            return Some((first, last));
        }
        if parsed {
            return None;
        }
        self.phrase_before(colon, clause_start)
    }

    /// Whether the words between marks `open` and `close` look like a name or a title
    /// (`„Iceland Nature Conservation Association“`, `die Zeitung „Morning Star“`,
    /// `news.bbc.co.uk`) rather than quoted speech.
    fn title_like(&self, open: usize, close: usize) -> bool {
        const FUNCTION_WORDS: &[&str] = &[
            "de", "du", "la", "le", "les", "of", "for", "the", "and", "van", "voor", "y", "e",
            "et", "di", "da", "del",
        ];
        const TITLE_NOUNS: &[&str] = &[
            "zeitung",
            "buch",
            "film",
            "titel",
            "motto",
            "name",
            "namen",
            "organisation",
            "partei",
            "schiff",
            "operation",
            "aktion",
            "programm",
            "projekt",
            "kampagne",
            "band",
            "album",
            "song",
            "lied",
            "magazin",
            "sender",
            "firma",
            "unternehmen",
            "gruppe",
            "bewegung",
            "initiative",
            "roman",
            "serie",
            "sendung",
            "fernsehsender",
            "tageszeitung",
            "wochenzeitung",
            "nachrichtenmagazin",
            "website",
            "plattform",
            "namens",
            "genannt",
            "sogenannte",
            "sogenannten",
            "newspaper",
            "magazine",
            "book",
            "operation",
            "called",
            "named",
        ];
        if open > 0
            && self.lower(open - 1).len() > 2
            && TITLE_NOUNS
                .iter()
                .any(|noun| self.lower(open - 1).ends_with(noun))
        {
            return true;
        }
        let inner: Vec<&Word> = (open + 1..close)
            .filter_map(|index| self.word(index))
            .collect();
        if inner
            .iter()
            .any(|word| word.kind == WordKind::Punct && word.lower == ".")
            && inner
                .iter()
                .all(|word| word.kind != WordKind::Alpha || word.lower.len() < 12)
            && !self
                .text
                .get(self.span(open + 1, close - 1).range())
                .is_some_and(|text| text.contains(' '))
        {
            // A host name or file name.
            return true;
        }
        let alpha: Vec<&&Word> = inner
            .iter()
            .filter(|word| word.kind == WordKind::Alpha)
            .collect();
        alpha.len() >= 2
            && alpha
                .iter()
                .all(|word| word.capitalised || FUNCTION_WORDS.contains(&word.lower.as_str()))
            && alpha.iter().filter(|word| word.capitalised).count() >= 2
    }

    /// For `„…“, sagte er, „…“`: the speaker and cue of the quote just before.
    fn continues_direct(&self, open: usize) -> Option<(Option<Speaker>, Option<Span>)> {
        let last = self.out.last()?;
        if last.kind != QuoteKind::Direct {
            return None;
        }
        let open_start = self.word(open)?.span.start;
        let gap = open_start.checked_sub(last.span.end)?;
        (gap < 80 && last.cue.is_some_and(|cue| cue.start > last.span.end))
            .then(|| (last.speaker.clone(), last.cue))
    }

    // ---- indirect speech ---------------------------------------------------------------

    fn indirect(&mut self, sentence_index: usize, quoted: &[Range<usize>]) {
        let sentence = self.sentences[sentence_index].clone();
        let mut end = sentence.end;
        while end > sentence.start + 1
            && self
                .word(end - 1)
                .is_some_and(|word| word.kind == WordKind::Punct)
        {
            end -= 1;
        }
        if end <= sentence.start + 1 {
            return;
        }
        let last = end - 1;
        let inside = |index: usize| in_ranges(quoted, index);
        // A. cue verb, comma, Konjunktiv or dass clause: "Rutte warnte, die Führung könne ..."
        for cue in sentence.start..end {
            if inside(cue) || !self.is_cue(cue, quoted) {
                continue;
            }
            if self.english && self.lower(cue + 1) == "that" && cue + 2 <= last {
                let speaker = self.speaker_of_cue(cue, sentence.start);
                self.push(
                    QuoteKind::Indirect,
                    self.span(cue + 1, last),
                    speaker,
                    Some(self.cue_span(cue)),
                    sentence_index,
                );
                return;
            }
            let Some(comma) = (cue + 1..end).find(|&index| {
                self.word(index)
                    .is_some_and(|word| is_punct(word, &[",", ":", ";"]))
            }) else {
                continue;
            };
            if !self.word(comma).is_some_and(|word| is_punct(word, &[","])) {
                continue;
            }
            // "X, die ... angegeben hatte, sagte, dass ...": the cue of the quote comes
            // after the comma; this one is in a relative clause.
            if self.is_cue(comma + 1, quoted) {
                continue;
            }
            let clause_end = (comma + 1..end)
                .find(|&index| {
                    self.word(index)
                        .is_some_and(|word| is_punct(word, &[",", ";", ":"]))
                })
                .unwrap_or(end);
            let complementizer = COMPLEMENTIZERS.contains(&self.lower(comma + 1))
                || (self.german && (comma + 1..end).any(|index| self.is_zu_infinitive(index)));
            let konjunktiv = (comma + 1..clause_end).any(|index| self.is_konjunktiv(index, true));
            if (complementizer || konjunktiv) && comma < last {
                // A source phrase in the frame is the speaker the corpus names
                // ("bestätigte X laut Reuters, dass ...").
                let source = self
                    .cue_phrase(sentence.start, comma)
                    .filter(|&(first, phrase_last, _)| {
                        first > sentence.start
                            && (matches!(self.lower(first), "laut" | "nach" | "gemäß")
                                || self.lower(phrase_last) == "zufolge")
                    })
                    .and_then(|(_, _, speaker)| speaker);
                let speaker = match source {
                    Some(speaker) => Some(speaker),
                    None => self.speaker_of_cue(cue, sentence.start),
                };
                self.push(
                    QuoteKind::Indirect,
                    self.span(comma + 1, last),
                    speaker,
                    Some(self.cue_span(cue)),
                    sentence_index,
                );
                return;
            }
        }
        // B'. trailing cue with an auxiliary: "..., hatte Obama bei dem Treffen gesagt."
        for comma in sentence.start + 2..end {
            if !self.word(comma).is_some_and(|word| is_punct(word, &[","]))
                || inside(comma)
                || inside(comma - 1)
            {
                continue;
            }
            if !matches!(
                self.lower(comma + 1),
                "hatte" | "hat" | "habe" | "hätte" | "hatten" | "haben" | "had" | "has"
            ) {
                continue;
            }
            let participle = (comma + 2..end).find(|&index| self.is_cue(index, quoted));
            let Some(participle) =
                participle.filter(|&index| index + 3 >= end && index < comma + 16)
            else {
                continue;
            };
            if let Some((first, phrase_last)) = self.phrase_after(comma + 2)
                && phrase_last < participle
                && self.subject_like(first, phrase_last)
            {
                let speaker = Some(self.speaker(first, phrase_last));
                self.push(
                    QuoteKind::Indirect,
                    self.span(sentence.start, comma - 1),
                    speaker,
                    Some(self.cue_span(participle)),
                    sentence_index,
                );
                return;
            }
        }
        // B. trailing cue: "..., warnte Rutte." / "..., so der Minister."
        for comma in sentence.start + 2..end {
            if !self.word(comma).is_some_and(|word| is_punct(word, &[","])) || inside(comma) {
                continue;
            }
            if inside(comma - 1) {
                continue;
            }
            let verb = comma + 1;
            let so = self.lower(verb) == "so"
                || self.lower(verb) == "hieß"
                || self.lower(verb) == "heißt";
            if !(self.is_cue(verb, quoted) || so) {
                continue;
            }
            let phrase = if self.lower(verb) == "hieß" || self.lower(verb) == "heißt" {
                if self.lower(verb + 1) == "es" {
                    Some((verb + 1, verb + 1))
                } else {
                    None
                }
            } else {
                self.phrase_after(verb + 1)
            };
            let Some((first, phrase_last)) = phrase else {
                continue;
            };
            // By the parse, a subject before the comma makes the stretch the cue verb's
            // own subject with a relative clause ("Der Präsident, der X empfing,
            // kritisierte Y"), not reported words.
            if self
                .dep_subject(verb)
                .is_some_and(|(_, subject_last)| subject_last < comma)
            {
                continue;
            }
            // The cue phrase must close the sentence or its clause.
            let rest = (phrase_last + 1..end)
                .take_while(|&index| !self.word(index).is_some_and(|word| is_punct(word, &[","])))
                .count();
            if rest > 8 {
                continue;
            }
            if so
                && self
                    .word(phrase_last + 1)
                    .is_some_and(|word| is_punct(word, &[","]))
                && phrase_last + 2 < end
            {
                // "Das Problem sei, so der Präsident, ..." quotes the whole sentence.
                let speaker = Some(self.speaker(first, phrase_last));
                self.push(
                    QuoteKind::Indirect,
                    self.span(sentence.start, last),
                    speaker,
                    Some(self.cue_span(verb)),
                    sentence_index,
                );
                return;
            }
            let speaker = if self.lower(first) == "es" {
                None
            } else {
                Some(self.speaker(first, phrase_last))
            };
            self.push(
                QuoteKind::Indirect,
                self.span(sentence.start, comma - 1),
                speaker,
                Some(self.cue_span(verb)),
                sentence_index,
            );
            return;
        }
        // C. cue phrases.
        if let Some((cue_first, cue_last, speaker)) = self.cue_phrase(sentence.start, end) {
            let span = if cue_first == sentence.start {
                let mut start = cue_last + 1;
                if self.word(start).is_some_and(|word| is_punct(word, &[","])) {
                    start += 1;
                }
                self.span(start.min(last), last)
            } else if cue_first > sentence.start + 1
                && self
                    .word(cue_first - 1)
                    .is_some_and(|word| is_punct(word, &[","]))
                && cue_last + 2 >= end
            {
                self.span(sentence.start, cue_first - 2)
            } else {
                self.span(sentence.start, last)
            };
            let cue = self.span(cue_first, cue_last);
            self.push(
                QuoteKind::Indirect,
                span,
                speaker,
                Some(cue),
                sentence_index,
            );
            return;
        }
        // E. a reported speech act: the cue verb is the finite verb of the main clause
        //    ("Ronny Tong nannte es den schwärzesten Tag").
        // A sentence with quoted words is left to the partial quotes.
        if self.report_speech_acts && !(sentence.start..end).any(&inside) {
            let first_comma = (sentence.start..end)
                .find(|&index| {
                    self.word(index)
                        .is_some_and(|word| is_punct(word, &[",", ":"]))
                })
                .unwrap_or(end);
            let verb = (sentence.start + 1..first_comma.min(sentence.start + 8)).find(|&index| {
                !inside(index)
                    && !self.lower(index).starts_with("ge")
                    && self.is_cue(index, quoted)
                    && self
                        .cue_lemmas(index)
                        .iter()
                        .any(|lemma| SPEECH_ACTS.contains(&lemma.as_str()))
            });
            if let Some(verb) = verb
                && let Some(speaker) = self.speaker_of_cue(verb, sentence.start)
            {
                self.push(
                    QuoteKind::Indirect,
                    self.span(sentence.start, last),
                    Some(speaker),
                    Some(self.cue_span(verb)),
                    sentence_index,
                );
                return;
            }
        }
        // D. a bare Konjunktiv I main clause continues the last reported speaker;
        //    "soll ... haben" reports a claim.
        if !self.german {
            return;
        }
        let first_comma = (sentence.start..end)
            .find(|&index| self.word(index).is_some_and(|word| is_punct(word, &[","])))
            .unwrap_or(end);
        let konjunktiv = (sentence.start..first_comma)
            .any(|index| !inside(index) && self.is_konjunktiv(index, false));
        let just_reported = self
            .last
            .as_ref()
            .is_some_and(|(last_sentence, _, _)| sentence_index <= last_sentence + 1);
        // Konjunktiv II stands in for Konjunktiv I right after reported speech.
        let konjunktiv = konjunktiv
            || (just_reported
                && (sentence.start..first_comma)
                    .any(|index| !inside(index) && self.is_konjunktiv(index, true)));
        let reported = (sentence.start..end)
            .any(|index| matches!(self.lower(index), "soll" | "sollen"))
            && matches!(self.lower(last), "haben" | "sein");
        if !(konjunktiv || reported) || self.lower(sentence.start) == "ob" {
            return;
        }
        // The quote of the sentence before continues; else the subject of the sentence
        // before introduces the speaker ("X verteidigte sein Vorgehen. Man sei ...").
        let before = self
            .before_sentence
            .clone()
            .filter(|(last_sentence, speaker, _)| {
                *last_sentence + 1 == sentence_index && speaker.is_some()
            });
        let quote_nearby =
            self.before_sentence
                .as_ref()
                .is_some_and(|(last_sentence, speaker, _)| {
                    speaker.is_some() && sentence_index <= last_sentence + 2
                });
        let introduced = if before.is_none() && sentence_index > 0 {
            self.introducing_subject(sentence_index - 1, quote_nearby)
                .map(|(first, last)| self.speaker(first, last))
        } else {
            None
        };
        let recent = match (&self.last, &self.last_named) {
            _ if before.is_some() => before.map(|(_, speaker, cue)| (speaker, cue)),
            _ if introduced.is_some() => Some((introduced, None)),
            (Some((last_sentence, Some(speaker), cue)), _)
                if sentence_index <= last_sentence + 2 =>
            {
                Some((Some(speaker.clone()), *cue))
            }
            // The quote just before has no speaker: the last named speaker nearby.
            (_, Some((named_sentence, speaker, cue))) if sentence_index <= named_sentence + 3 => {
                Some((Some(speaker.clone()), *cue))
            }
            (Some((last_sentence, speaker, cue)), _) if sentence_index <= last_sentence + 2 => {
                Some((speaker.clone(), *cue))
            }
            _ => None,
        };
        match recent {
            Some((speaker, cue)) => {
                // Consecutive bare Konjunktiv sentences form one quote.
                let span = self.span(sentence.start, last);
                if let Some((free_sentence, at)) = self.last_free
                    && free_sentence + 1 == sentence_index
                    && at + 1 == self.out.len()
                {
                    if let Some(previous) = self.out.get_mut(at) {
                        previous.span = previous.span.cover(span);
                    }
                    self.last = Some((sentence_index, speaker, cue));
                } else {
                    self.push(QuoteKind::Indirect, span, speaker, cue, sentence_index);
                }
                self.last_free = Some((sentence_index, self.out.len() - 1));
            }
            None if reported || konjunktiv => self.push(
                QuoteKind::Indirect,
                self.span(sentence.start, last),
                None,
                None,
                sentence_index,
            ),
            None => {}
        }
    }

    /// `laut X`, `nach Angaben von X`, `nach Xs Worten`, `X zufolge`, `according to X`,
    /// `Polizeiangaben zufolge`: (first word, last word, speaker).
    fn cue_phrase(&mut self, start: usize, end: usize) -> Option<(usize, usize, Option<Speaker>)> {
        for index in start..end {
            let lower = self.lower(index);
            if self.german
                && lower == "laut"
                && let Some((first, last)) = self.phrase_after(index + 1)
            {
                return Some((index, last, Some(self.speaker(first, last))));
            }
            if self.german
                && matches!(lower, "demnach")
                && (index == start
                    || self
                        .word(index - 1)
                        .is_some_and(|word| is_punct(word, &[";", ":"])))
            {
                // "Demnach" is the local mention of the source just named (the corpus
                // annotates it); the name comes from the last speaker.
                let speaker = self
                    .last
                    .as_ref()
                    .and_then(|(_, speaker, _)| speaker.clone());
                let span = self.span(index, index);
                let speaker = Some(match speaker {
                    Some(speaker) => Speaker { span, ..speaker },
                    None => Speaker {
                        span,
                        name: None,
                        code: None,
                    },
                });
                return Some((index, index, speaker));
            }
            // "nach dessen Angaben", "nach deren Worten".
            if self.german
                && lower == "nach"
                && matches!(self.lower(index + 1), "dessen" | "deren")
                && self.word(index + 2).is_some_and(|word| word.capitalised)
                && SOURCE_NOUNS.contains(&self.lower(index + 2))
            {
                let speaker = self.possessive_speaker(index + 1);
                return Some((index, index + 2, Some(speaker)));
            }
            // "Seiner Meinung nach", "ihrer Ansicht nach": the possessive phrase, named by
            // the last speaker.
            if self.german
                && index == start
                && matches!(lower, "seiner" | "ihrer" | "dessen" | "deren")
                && matches!(
                    self.lower(index + 1),
                    "meinung" | "ansicht" | "auffassung" | "einschätzung" | "überzeugung"
                )
                && self.lower(index + 2) == "nach"
            {
                let speaker = self.possessive_speaker(index);
                return Some((index, index + 2, Some(speaker)));
            }
            if self.german
                && lower == "wie"
                && (index == start
                    || self
                        .word(index - 1)
                        .is_some_and(|word| is_punct(word, &[","])))
            {
                // "Wie die Polizei mitteilte, ..."
                // "..., wie die Polizei mitteilte(, ...)".
                let comma = (index + 1..end)
                    .find(|&at| self.word(at).is_some_and(|word| is_punct(word, &[","])))
                    .or((index > start).then_some(end));
                if let Some(comma) = comma
                    && comma <= index + 10
                    && let Some(cue) = (index + 1..comma).find(|&at| self.is_cue(at, &[]))
                {
                    let speaker = self
                        .phrase_after(index + 1)
                        .filter(|(_, last)| *last < cue)
                        .map(|(first, last)| self.speaker(first, last));
                    return Some((index, comma - 1, speaker));
                }
            }
            if self.german && matches!(lower, "nach" | "gemäß") {
                // "Nach jetzigem Ermittlungsstand", "nach einer Studie der Universität".
                let mut at = index + 1;
                while DETERMINERS.contains(&self.lower(at)) || self.is_adjective(at) {
                    at += 1;
                }
                let noun = self.lower(at);
                let source = self.word(at).is_some_and(|word| word.capitalised)
                    && SOURCE_NOUNS.iter().any(|source| {
                        noun == *source || (noun.ends_with(source) && noun.len() > source.len() + 2)
                    });
                // A compound needs no determiner: "Nach Zeugenaussagen", "nach
                // Medienberichten".
                let compound = SOURCE_NOUNS
                    .iter()
                    .any(|source| noun.ends_with(source) && noun.len() > source.len() + 2);
                if source && (at > index + 1 || compound) && noun != "worten" {
                    let mut after = at + 1;
                    if matches!(self.lower(after), "von" | "vom") {
                        after += 1;
                    }
                    let phrase = self.phrase_after(after).filter(|_| {
                        DETERMINERS.contains(&self.lower(at + 1))
                            || matches!(self.lower(at + 1), "von" | "vom")
                    });
                    return Some(match phrase {
                        Some((first, last)) => (index, last, Some(self.speaker(first, last))),
                        None => (index, at, Some(self.speaker(at, at))),
                    });
                }
            }
            if self.german && lower == "nach" {
                let next = self.lower(index + 1);
                const NOUNS: &[&str] = &[
                    "angaben",
                    "informationen",
                    "ansicht",
                    "einschätzung",
                    "darstellung",
                    "auffassung",
                    "aussage",
                    "aussagen",
                    "berichten",
                    "meinung",
                    "schätzungen",
                ];
                // "Nach Polizeiangaben", "nach Angaben der Polizei", "nach Ruttes Worten",
                // "nach den Worten des Generalsekretärs".
                if next.ends_with("angaben") && next != "angaben"
                    || next.ends_with("informationen") && next != "informationen"
                {
                    return Some((index, index + 1, Some(self.speaker(index + 1, index + 1))));
                }
                let noun_at = if NOUNS.contains(&next) || next == "worten" {
                    Some(index + 1)
                } else if self.lower(index + 2) == "worten" {
                    Some(index + 2)
                } else {
                    None
                };
                if let Some(noun_at) = noun_at {
                    if noun_at == index + 2
                        && !DETERMINERS.contains(&next)
                        && self.word(index + 1).is_some_and(|word| word.capitalised)
                    {
                        // "nach Ruttes Worten": the genitive name is the speaker.
                        return Some((index, noun_at, Some(self.speaker(index + 1, index + 1))));
                    }
                    let mut at = noun_at + 1;
                    if matches!(self.lower(at), "von" | "vom") {
                        at += 1;
                    }
                    if let Some((first, last)) = self.phrase_after(at) {
                        return Some((index, last, Some(self.speaker(first, last))));
                    }
                    if noun_at == index + 2 {
                        // "nach seinen Worten", "nach dessen Angaben": the possessive
                        // phrase, named by the last speaker.
                        let speaker = self.possessive_speaker(index + 1);
                        return Some((index, noun_at, Some(speaker)));
                    }
                }
            }
            if self.german
                && lower == "zufolge"
                && index > start
                && let Some((first, last)) = self.phrase_before(index, start)
            {
                return Some((first, index, Some(self.speaker(first, last))));
            }
            if self.english
                && lower == "according"
                && self.lower(index + 1) == "to"
                && let Some((first, last)) = self.phrase_after(index + 2)
            {
                return Some((index, last, Some(self.speaker(first, last))));
            }
        }
        None
    }

    // ---- cues and speakers -------------------------------------------------------------

    fn lexicon(&self) -> &'static CueLexicon {
        if self.german {
            &lexicons().german
        } else {
            &lexicons().english
        }
    }

    fn is_pronoun(&self, index: usize) -> bool {
        PRONOUNS.contains(&self.lower(index))
    }

    /// Whether word `index` is a cue verb (its separable particle, if needed, present in
    /// the clause), outside quotation marks.
    fn is_cue(&self, index: usize, quoted: &[Range<usize>]) -> bool {
        let Some(word) = self.word(index) else {
            return false;
        };
        if word.kind != WordKind::Alpha || in_ranges(quoted, index) {
            return false;
        }
        // A capitalised German word inside a sentence is a noun (`nach Angaben`), not the
        // cue verb (`angeben`).
        if self.german
            && !self.english
            && word.capitalised
            && self
                .sentence_of(index)
                .is_some_and(|sentence| sentence.start != index)
            && index > 0
            && !self
                .word(index - 1)
                .is_some_and(|previous| previous.kind == WordKind::Punct)
        {
            return false;
        }
        let mut found = false;
        for lexicon in [
            self.german.then(|| &lexicons().german),
            self.english.then(|| &lexicons().english),
        ]
        .into_iter()
        .flatten()
        {
            let Some(readings) = lexicon.get(&word.lower) else {
                continue;
            };
            for reading in readings {
                match &reading.particle {
                    None => found = true,
                    Some(particle) => {
                        let clause_end = (index + 1..self.words.len())
                            .find(|&at| {
                                self.words[at].kind == WordKind::Punct
                                    && !is_any_mark(&self.words[at].lower)
                                    && self.words[at].lower != "-"
                            })
                            .unwrap_or(self.words.len());
                        if (index + 1..clause_end).any(|at| self.words[at].lower == *particle) {
                            found = true;
                        }
                    }
                }
            }
        }
        let _ = self.lexicon();
        found
    }

    fn is_konjunktiv(&self, index: usize, allow_second: bool) -> bool {
        let Some(word) = self.word(index) else {
            return false;
        };
        if word.kind != WordKind::Alpha {
            return false;
        }
        if let Some(&second) = self.subjunctive.get(&word.span.start) {
            // Konjunktiv II marks reported speech only where the caller allows it,
            // as for the listed forms.
            return !second || allow_second;
        }
        !word.capitalised
            && (KONJUNKTIV_I.contains(&word.lower.as_str())
                || (allow_second && KONJUNKTIV_II.contains(&word.lower.as_str())))
    }

    /// The lemmas word `index` is a cue form of.
    fn cue_lemmas(&self, index: usize) -> Vec<String> {
        let lower = self.lower(index);
        [
            self.german.then(|| &lexicons().german),
            self.english.then(|| &lexicons().english),
        ]
        .into_iter()
        .flatten()
        .filter_map(|lexicon| lexicon.get(lower))
        .flat_map(|readings| readings.iter().map(|reading| reading.lemma.clone()))
        .collect()
    }

    /// `zu wissen`, `anzunehmen`: the infinitive of a `zu` clause.
    fn is_zu_infinitive(&self, index: usize) -> bool {
        let lower = self.lower(index);
        let infinitive = |word: &str| {
            !word.is_empty()
                && (word.ends_with("en") || word.ends_with("ern") || word.ends_with("eln"))
        };
        (lower == "zu"
            && self.word(index + 1).is_some_and(|next| !next.capitalised)
            && infinitive(self.lower(index + 1)))
            || (self.word(index).is_some_and(|word| !word.capitalised)
                && lower.len() > 6
                && lower
                    .find("zu")
                    .is_some_and(|at| at >= 2 && at + 4 < lower.len())
                && infinitive(lower)
                && PARTICLES.iter().any(|particle| {
                    lower.starts_with(particle) && lower[particle.len()..].starts_with("zu")
                }))
    }

    fn cue_span(&self, index: usize) -> Span {
        self.word(index).map_or(Span::default(), |word| word.span)
    }

    /// First word of the clause that contains `index`.
    fn clause_start(&self, index: usize) -> usize {
        let mut at = index;
        while at > 0 && !self.line_break_before(at) {
            let previous = &self.words[at - 1];
            if is_punct(
                previous,
                &[
                    ",", ";", ":", ".", "!", "?", "“", "”", "\"", "«", "»", "„", "–", "—",
                ],
            ) {
                break;
            }
            at -= 1;
        }
        at
    }

    /// The speaker of cue verb `cue`: the phrase before it (`Rutte warnte`), or after it
    /// (`sagte Rutte`, `Dazu sagte Rutte`), or around the auxiliary of a participle
    /// (`Trump hatte angekündigt`).
    fn speaker_of_cue(&mut self, cue: usize, clause_start: usize) -> Option<Speaker> {
        if let Some((first, last)) = self.dep_subject(cue) {
            return Some(self.speaker(first, last));
        }
        self.speaker_of_cue_by_words(cue, clause_start)
    }

    /// The analysis token that starts where word `index` starts.
    fn token_at(&self, index: usize) -> Option<usize> {
        let start = self.word(index)?.span.start;
        let at = self
            .tokens
            .partition_point(|token| token.span.start < start);
        self.tokens
            .get(at)
            .filter(|token| token.span.start == start)
            .map(|_| at)
    }

    /// The token range of the analysed sentence holding token `token`.
    fn token_sentence(&self, token: usize) -> Option<Range<usize>> {
        let after = self
            .token_sentences
            .partition_point(|sentence| sentence.token_start as usize <= token);
        let range = self
            .token_sentences
            .get(after.checked_sub(1)?)?
            .token_range();
        (range.contains(&token) && range.end <= self.tokens.len()).then_some(range)
    }

    /// The words covering the byte range `start..end`: (first, last).
    fn words_of(&self, start: u32, end: u32) -> Option<(usize, usize)> {
        let first = self.words.partition_point(|word| word.span.end <= start);
        let after = self.words.partition_point(|word| word.span.start < end);
        (first < after).then(|| (first, after - 1))
    }

    /// The subject of cue verb `cue` from the dependency parse: the `nsubj` of the cue
    /// (or of the verb it depends on as auxiliary, conjunct or `xcomp`), cut to its
    /// head noun phrase (determiners, adjectives, name parts, genitive attributes; no
    /// apposition, relative clause or conjunct). A relative pronoun stands for the noun
    /// its clause belongs to (`die Sprecherin, die erklärte`). `None` without a parse.
    fn dep_subject(&self, cue: usize) -> Option<(usize, usize)> {
        let token = self.token_at(cue)?;
        let (first_word, last_word) = self.dep_subject_of(token)?;
        // The speaker lies in the cue's sentence and is not the cue itself.
        let cue_sentence = self.sentence_of(cue)?;
        (cue_sentence.contains(&first_word)
            && cue_sentence.contains(&last_word)
            && !(first_word..=last_word).contains(&cue))
        .then_some((first_word, last_word))
    }

    /// The subject of the verb that governs the quotation `span` (`nannte es „…“`,
    /// `X sprach von „…“`): the first token inside the quote whose head lies outside it,
    /// up to the nearest verb, and that verb's subject, outside the quote.
    fn dep_governor_subject(&self, span: Span) -> Option<(usize, usize)> {
        let first = self
            .tokens
            .partition_point(|token| token.span.start < span.start);
        let range = self.token_sentence(first)?;
        let inside = |local: usize| {
            self.tokens
                .get(range.start + local)
                .is_some_and(|token| span.contains(token.span))
        };
        let mut governor = (range.start..range.end)
            .filter(|&index| span.contains(self.tokens[index].span))
            .find_map(|index| {
                let head = self.tokens[index].head? as usize;
                (!inside(head) && range.start + head < range.end).then_some(head)
            })?;
        for _ in 0..3 {
            let token = &self.tokens[range.start + governor];
            if matches!(token.upos, Upos::Verb | Upos::Aux) {
                break;
            }
            governor = token.head? as usize;
            if range.start + governor >= range.end {
                return None;
            }
        }
        let (first_word, last_word) = self.dep_subject_of(range.start + governor)?;
        let words = self.span(first_word, last_word);
        (!words.overlaps(span)).then_some((first_word, last_word))
    }

    /// The subject phrase of the verb token `token` (document index), as words.
    fn dep_subject_of(&self, token: usize) -> Option<(usize, usize)> {
        let range = self.token_sentence(token)?;
        let sentence = &self.tokens[range.clone()];
        let head_of = |local: usize| sentence.get(local)?.head.map(|head| head as usize);
        let local = token - range.start;
        // The verbs whose subject is the speaker's: the cue, and upward through
        // auxiliary, particle, xcomp and conjunct links (two steps at most).
        let mut verbs = vec![local];
        let mut at = local;
        for _ in 0..2 {
            let deprel = sentence.get(at)?.deprel.as_str();
            let climb = deprel == "aux"
                || deprel.starts_with("aux:")
                || deprel == "xcomp"
                || deprel == "conj"
                || deprel == "compound:prt";
            match head_of(at) {
                Some(head) if climb && head < sentence.len() => {
                    verbs.push(head);
                    at = head;
                }
                _ => break,
            }
        }
        let (verb, subject) = verbs.iter().find_map(|&verb| {
            sentence
                .iter()
                .position(|token| token.head == Some(verb as u32) && token.deprel == "nsubj")
                .map(|subject| (verb, subject))
        })?;
        let mut subject = inverted_subject(self.text, sentence, verb, subject).unwrap_or(subject);
        // "Die Firma bestätigte es nicht und nannte sie „…“": an object `sie` right
        // after a conjunct verb is no subject; the first verb's subject is.
        if subject == verb + 1
            && sentence[verb].deprel == "conj"
            && sentence[subject].span.slice(self.text) == "sie"
            && let Some(head) = head_of(verb)
            && let Some(first_subject) = sentence
                .iter()
                .position(|token| token.head == Some(head as u32) && token.deprel == "nsubj")
            && first_subject < head
        {
            subject = first_subject;
        }
        let token = &sentence[subject];
        let lower = token.span.slice(self.text).to_lowercase();
        if matches!(
            lower.as_str(),
            "es" | "das" | "dies" | "it" | "this" | "that" | "man"
        ) {
            return None;
        }
        // A relative pronoun is the local mention (the corpus annotates `die` in `Berger,
        // die angab, ...`); the noun the relative clause modifies names it.
        if token.upos == Upos::Pron
            && matches!(lower.as_str(), "der" | "die" | "welcher" | "welche" | "who")
        {
            let clause = verbs
                .iter()
                .copied()
                .find(|&verb| sentence[verb].deprel.starts_with("acl"))?;
            let antecedent = head_of(clause).filter(|&head| head < sentence.len())?;
            if !matches!(sentence[antecedent].upos, Upos::Noun | Upos::Propn) {
                return None;
            }
            let phrase = self.noun_phrase_words(sentence, antecedent)?;
            let (word, _) = self.words_of(token.span.start, token.span.end)?;
            // Only when the cue is in the relative clause itself ("Berger, die auch
            // angab, ..."), not after it.
            let in_clause = subject < local
                && sentence[subject..local]
                    .iter()
                    .all(|between| between.upos != Upos::Punct);
            if self.german && in_clause {
                self.relatives.borrow_mut().insert(word, phrase);
                return Some((word, word));
            }
            return Some(phrase);
        }
        if !matches!(
            sentence[subject].upos,
            Upos::Noun | Upos::Propn | Upos::Pron | Upos::X
        ) {
            return None;
        }
        self.noun_phrase_words(sentence, subject)
    }

    /// The head noun phrase of token `subject` of the analysed `sentence`, as words.
    fn noun_phrase_words(&self, sentence: &[Token], subject: usize) -> Option<(usize, usize)> {
        // The head noun phrase: the subject and the dependents that belong to it.
        let keep = |deprel: &str| {
            !(deprel.starts_with("appos")
                || deprel.starts_with("acl")
                || deprel.starts_with("punct")
                || deprel.starts_with("parataxis")
                || deprel.starts_with("conj")
                || deprel.starts_with("cc")
                || deprel.starts_with("advmod")
                || deprel.starts_with("dep"))
        };
        let mut inside = vec![false; sentence.len()];
        inside[subject] = true;
        // Heads precede no particular order: repeat until nothing changes (phrases are
        // short, so a few rounds suffice).
        for _ in 0..6 {
            let mut changed = false;
            for (index, token) in sentence.iter().enumerate() {
                let Some(head) = token.head.map(|head| head as usize) else {
                    continue;
                };
                // A close apposition ("Ministerin Anna Beispiel") is the name itself;
                // one after a comma or in parentheses is left out.
                let close_apposition = token.deprel.starts_with("appos")
                    && head < index
                    && sentence[head + 1..index]
                        .iter()
                        .all(|between| between.upos != Upos::Punct);
                if !inside[index]
                    && inside.get(head).copied().unwrap_or(false)
                    && (keep(&token.deprel) || close_apposition)
                {
                    inside[index] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        // The contiguous run around the subject token.
        let mut first = subject;
        while first > 0 && inside[first - 1] {
            first -= 1;
        }
        let mut last = subject;
        while last + 1 < sentence.len() && inside[last + 1] {
            last += 1;
        }
        // No quotation marks or punctuation at the edges.
        while first < last && sentence[first].upos == Upos::Punct {
            first += 1;
        }
        while last > first && sentence[last].upos == Upos::Punct {
            last -= 1;
        }
        let (first_word, _) =
            self.words_of(sentence[first].span.start, sentence[first].span.end)?;
        let (_, last_word) = self.words_of(sentence[last].span.start, sentence[last].span.end)?;
        (first_word <= last_word).then_some((first_word, last_word))
    }

    fn speaker_of_cue_by_words(&mut self, cue: usize, clause_start: usize) -> Option<Speaker> {
        let clause_start = clause_start.max(self.clause_start(cue));
        const AUXILIARIES: &[&str] = &[
            "hat", "hatte", "haben", "hatten", "ist", "war", "wurde", "wurden", "has", "had",
            "have", "was", "were", "will", "wird", "werden", "soll", "sollen", "kann", "könne",
            "habe", "musste", "müsse", "wollte",
        ];
        let participle = self.lower(cue).starts_with("ge")
            || (clause_start..cue).any(|index| AUXILIARIES.contains(&self.lower(index)));
        let finite = if participle {
            (clause_start..cue)
                .find(|&index| AUXILIARIES.contains(&self.lower(index)))
                .unwrap_or(cue)
        } else {
            cue
        };
        // "Der Korrespondent, Will Grant, berichtete": the name before the comma.
        if finite >= 2
            && self
                .word(finite - 1)
                .is_some_and(|word| is_punct(word, &[","]))
            && let Some((first, last)) =
                self.phrase_before(finite - 1, self.clause_start(finite - 2))
            && self.subject_like(first, last)
        {
            return Some(self.speaker(first, last));
        }
        // "Medvedev bedankte sich und sagte": the subject opens the sentence.
        if finite >= 1 && matches!(self.lower(finite - 1), "und" | "and") {
            let sentence_start = self.sentence_of(finite).map_or(0, |range| range.start);
            if let Some((first, last)) = self.phrase_after(sentence_start)
                && last < finite
                && self.subject_like(first, last)
            {
                return Some(self.speaker(first, last));
            }
        }
        // The subject before the finite verb opens its clause (verb second); else it
        // follows the verb ("Am Montag sagte Rutte").
        if let Some((first, last)) = self.phrase_before(finite, clause_start)
            && (first == clause_start || self.english)
            && self.subject_like(first, last)
        {
            return Some(self.speaker(first, last));
        }
        if let Some((first, last)) = self.phrase_after(finite + 1)
            && self.subject_like(first, last)
        {
            return Some(self.speaker(first, last));
        }
        // "Außerdem ließ der Pressedienst ... verlauten": the subject after a fronted
        // adverb and the finite verb; or the phrase that opens the clause.
        for start in [clause_start + 2, clause_start] {
            if start < cue
                && let Some((first, last)) = self.phrase_after(start)
                && last < cue
                && self.subject_like(first, last)
            {
                return Some(self.speaker(first, last));
            }
        }
        // "Marcelo Ebrard, der Bürgermeister von Mexiko-Stadt, sagte ...": the phrase
        // that opens the sentence, before an apposition.
        let sentence_start = self
            .sentence_of(cue)
            .map_or(clause_start, |range| range.start);
        if sentence_start < clause_start
            && let Some((first, last)) = self.phrase_after(sentence_start)
            && last < cue
            && self
                .word(last + 1)
                .is_some_and(|word| is_punct(word, &[","]))
            && self.subject_like(first, last)
        {
            return Some(self.speaker(first, last));
        }
        None
    }

    /// Whether a phrase can be a subject: not a dative or accusative phrase, no time
    /// word, no sentence adverb.
    fn subject_like(&self, first: usize, last: usize) -> bool {
        const OBJECT_DETERMINERS: &[&str] = &[
            "dem", "den", "einem", "einen", "seinem", "seinen", "ihrem", "ihren", "diesem",
            "diesen",
        ];
        const TIME_AND_ADVERBS: &[&str] = &[
            "montag",
            "dienstag",
            "mittwoch",
            "donnerstag",
            "freitag",
            "samstag",
            "sonntag",
            "abend",
            "morgen",
            "nachmittag",
            "vormittag",
            "woche",
            "wochenende",
            "jahr",
            "monat",
            "januar",
            "februar",
            "märz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember",
            "unterdessen",
            "offenbar",
            "inzwischen",
            "zudem",
            "außerdem",
            "dabei",
            "derweil",
            "damit",
            "deshalb",
            "daher",
            "allerdings",
            "gleichzeitig",
            "später",
            "zuvor",
            "bereits",
            "jetzt",
            "nun",
            "heute",
            "gestern",
            "dort",
            "hier",
            "anschließend",
            "zunächst",
            "schließlich",
            "ebenso",
            "trotzdem",
            "dennoch",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "yesterday",
            "today",
            "meanwhile",
            "however",
        ];
        if OBJECT_DETERMINERS.contains(&self.lower(first)) {
            return false;
        }
        !(first..=last).any(|index| TIME_AND_ADVERBS.contains(&self.lower(index)))
    }

    fn is_adjective(&self, index: usize) -> bool {
        let Some(word) = self.word(index) else {
            return false;
        };
        let lower = word.lower.as_str();
        word.kind == WordKind::Alpha
            && !word.capitalised
            && lower.chars().count() >= 4
            && ["e", "en", "er", "es", "em"]
                .iter()
                .any(|suffix| lower.ends_with(suffix))
            && !PHRASE_STOPS.contains(&lower)
            && !KONJUNKTIV_I.contains(&lower)
            && !KONJUNKTIV_II.contains(&lower)
            && !self.lexicon().forms.contains_key(lower)
    }

    /// The noun phrase that ends right before word `before` and starts at or after
    /// `limit`: determiners, adjectives, capitalised words, `(SPD)`.
    fn phrase_before(&self, before: usize, limit: usize) -> Option<(usize, usize)> {
        if before == 0 || before <= limit {
            return None;
        }
        let last = before - 1;
        if self.is_pronoun(last) {
            return Some((last, last));
        }
        let mut first = before;
        let mut at = before;
        let mut has_name = false;
        let mut depth = 0;
        while at > limit {
            let index = at - 1;
            let word = &self.words[index];
            let accept = if word.lower == ")" {
                depth += 1;
                true
            } else if word.lower == "(" && depth > 0 {
                depth -= 1;
                true
            } else if depth > 0 {
                true
            } else if word.kind == WordKind::Alpha && word.capitalised {
                // A capitalised adverb opening the sentence is no speaker ("Dazu sagte").
                if SPEAKER_SKIP.contains(&word.lower.as_str())
                    || (PHRASE_STOPS.contains(&word.lower.as_str())
                        && !DETERMINERS.contains(&word.lower.as_str())
                        && !(matches!(word.lower.as_str(), "von" | "van" | "de")
                            && index + 1 < before))
                {
                    false
                } else {
                    has_name = has_name || !DETERMINERS.contains(&word.lower.as_str());
                    true
                }
            } else if matches!(word.lower.as_str(), "von" | "vom" | "aus")
                && has_name
                && index > limit
                && self
                    .word(index - 1)
                    .is_some_and(|previous| previous.capitalised)
            {
                // "Brian Baptie von der britischen Erdbebenwarte sagte".
                true
            } else {
                DETERMINERS.contains(&word.lower.as_str())
                    || (self.english && matches!(word.lower.as_str(), "of"))
                    || self.is_adjective(index)
                    || (word.kind == WordKind::Punct && word.lower == "-")
            };
            if !accept {
                break;
            }
            first = index;
            at -= 1;
        }
        // Trim a trailing parenthesis group from the phrase end, not from its start.
        while first < before
            && self
                .word(first)
                .is_some_and(|word| word.kind == WordKind::Punct)
        {
            first += 1;
        }
        (has_name && first < before).then_some((first, last))
    }

    /// The noun phrase starting at `start` (after skippable adverbs).
    fn phrase_after(&self, start: usize) -> Option<(usize, usize)> {
        let mut at = start;
        while SPEAKER_SKIP.contains(&self.lower(at)) {
            at += 1;
        }
        if self.line_break_before(at) && at > start {
            return None;
        }
        if self.is_pronoun(at) {
            return Some((at, at));
        }
        let first = at;
        let mut last: Option<usize> = None;
        let mut has_name = false;
        let mut depth = 0;
        let mut lowercase_nouns = 0;
        while let Some(word) = self.word(at) {
            if at > first && self.line_break_before(at) {
                break;
            }
            let lower = word.lower.as_str();
            let accept = if lower == "(" {
                depth += 1;
                true
            } else if lower == ")" && depth > 0 {
                depth -= 1;
                true
            } else if word.kind == WordKind::Alpha && word.capitalised && depth == 0 {
                has_name = true;
                true
            } else if depth > 0
                || DETERMINERS.contains(&lower)
                || (word.kind == WordKind::Alpha
                    && matches!(
                        lower,
                        "von" | "van" | "de" | "al" | "bin" | "da" | "du" | "zu"
                    )
                    && self.word(at + 1).is_some_and(|next| next.capitalised)
                    && has_name)
                || (self.is_adjective(at) && self.word(at + 1).is_some_and(|next| next.capitalised))
            {
                true
            } else if self.english
                && word.kind == WordKind::Alpha
                && !PHRASE_STOPS.contains(&lower)
                && lowercase_nouns < 3
                && !ENGLISH_NON_NOUNS.contains(&lower)
                && !self.lexicon().forms.contains_key(lower)
            {
                // "a spokesman", "the foreign minister".
                lowercase_nouns += 1;
                has_name = true;
                true
            } else {
                false
            };
            if !accept {
                break;
            }
            // A parenthesis group ("(SPD)") is passed over; the phrase keeps its words only.
            if depth == 0 && lower != ")" {
                last = Some(at);
            }
            at += 1;
        }
        let last = last?;
        (has_name && last >= first).then_some((first, last))
    }

    /// A speaker for the phrase `first..=last`, named by an actor mention when one
    /// overlaps it, else by the phrase itself or (pronouns, descriptions) by an earlier
    /// speaker.
    fn speaker(&mut self, first: usize, last: usize) -> Speaker {
        let antecedent = (first == last)
            .then(|| self.relatives.borrow().get(&first).copied())
            .flatten();
        if let Some((from, to)) = antecedent {
            let named = self.speaker(from, to);
            return Speaker {
                span: self.span(first, last),
                ..named
            };
        }
        let span = self.span(first, last);
        let text = span.slice(self.text).to_string();
        let actor = self
            .actors
            .iter()
            .filter(|actor| actor.span.overlaps(span))
            .max_by_key(|actor| (span.contains(actor.span), actor.span.len()));
        let (name, code) = match actor {
            Some(actor) => (Some(actor.name.clone()), Some(actor.code.clone())),
            None => self.resolve(first, last, &text),
        };
        if !self.is_pronoun(first) || first != last {
            self.history.push((text, name.clone(), code.clone()));
        }
        Speaker { span, name, code }
    }

    /// Fallback resolution without the actor stage.
    fn resolve(&self, first: usize, last: usize, text: &str) -> (Option<String>, Option<String>) {
        if first == last && self.is_pronoun(first) {
            if matches!(self.lower(first), "er" | "sie" | "he" | "she") {
                let previous = self
                    .history
                    .iter()
                    .rev()
                    .find(|(_, name, _)| name.is_some());
                return previous
                    .map_or((None, None), |(_, name, code)| (name.clone(), code.clone()));
            }
            return (None, None);
        }
        let words: Vec<&Word> = (first..=last)
            .filter_map(|index| self.word(index))
            .collect();
        let definite = words.first().is_some_and(|word| {
            matches!(
                word.lower.as_str(),
                "der" | "die" | "des" | "dem" | "den" | "the"
            )
        });
        if definite && words.len() <= 3 {
            // "der Kanzler" -> an earlier "Bundeskanzler Olaf Scholz".
            let head = words.last().map(|word| word.lower.as_str()).unwrap_or("");
            let stem = head
                .strip_suffix("s")
                .filter(|stem| stem.chars().count() > 4)
                .unwrap_or(head);
            if let Some((_, name, code)) =
                self.history
                    .iter()
                    .rev()
                    .take(HISTORY)
                    .find(|(phrase, name, _)| {
                        name.is_some()
                            && phrase.to_lowercase().contains(stem)
                            && phrase.to_lowercase() != text.to_lowercase()
                    })
            {
                return (name.clone(), code.clone());
            }
        }
        // The phrase without determiners, parentheses and a genitive -s ("Ruttes").
        let mut parts: Vec<&str> = Vec::new();
        let mut depth = 0;
        for word in &words {
            match word.lower.as_str() {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ if depth > 0 => {}
                lower if DETERMINERS.contains(&lower) && parts.is_empty() => {}
                _ => parts.push(word.span.slice(self.text)),
            }
        }
        let mut name = parts.join(" ");
        if parts.len() == 1 && self.lower(last + 1) == "worten" {
            name = name.strip_suffix('s').map(str::to_string).unwrap_or(name);
        }
        ((!name.is_empty()).then_some(name), None)
    }

    /// A speaker for a quote the patterns left without one: the subject of the verb
    /// that governs the quote in the parse (`Die Ministerin nannte den Plan „…“`), else
    /// the last named speaker of the four sentences before (a quote that continues what
    /// someone said).
    fn fallback_speaker(&mut self, span: Span, sentence: usize) -> Option<Speaker> {
        if let Some((first, last)) = self.dep_governor_subject(span) {
            return Some(self.speaker(first, last));
        }
        self.last_named
            .as_ref()
            .filter(|(named_sentence, _, _)| sentence <= named_sentence + 4)
            .map(|(_, speaker, _)| speaker.clone())
    }

    fn push(
        &mut self,
        kind: QuoteKind,
        span: Span,
        speaker: Option<Speaker>,
        cue: Option<Span>,
        sentence: usize,
    ) {
        if span.is_empty() {
            return;
        }
        let speaker = speaker.or_else(|| self.fallback_speaker(span, sentence));
        self.last = Some((sentence, speaker.clone(), cue));
        if let Some(named) = &speaker {
            self.last_named = Some((sentence, named.clone(), cue));
        }
        self.out.push(Quote {
            kind,
            span,
            speaker,
            cue,
        });
    }
}
