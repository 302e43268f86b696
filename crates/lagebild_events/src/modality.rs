//! Modality (negated, hypothetical, future, reported, past), attribution, date and place
//! of one coded trigger.

use chrono::NaiveDate;
use lagebild_doc::{Lang, Mood, Span, VerbForm};

use crate::dictionary::FormKind;
use crate::sentence::SentenceView;
use crate::{Attribution, CodingInput, Event, Modality, Participant, codes, words};

pub(crate) struct Context<'a, 'b> {
    input: &'a CodingInput<'a>,
    view: &'b SentenceView<'a>,
    index: usize,
    clause: (usize, usize),
    infinitive: bool,
    participle: bool,
    finite: bool,
    /// Quotations found from quote marks, when the quotes stage supplied none.
    quote_marks: &'b [Span],
}

/// Quotation spans of the document found from quote marks (used when the quotes
/// stage supplies none).
pub(crate) fn quote_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (offset, character) in text.char_indices() {
        match (open, character) {
            (None, '„' | '“' | '"' | '«' | '»') => {
                open = Some((offset + character.len_utf8(), character))
            }
            (Some((start, opener)), '“' | '”' | '"' | '«' | '»') if closes(opener, character) =>
            {
                spans.push(Span::from_range(start..offset));
                open = None;
            }
            (Some(_), '\n') => open = None,
            _ => {}
        }
    }
    spans
}

fn closes(opener: char, closer: char) -> bool {
    match opener {
        '„' => matches!(closer, '“' | '"'),
        '“' => matches!(closer, '”' | '"'),
        '"' => closer == '"',
        '«' => closer == '»',
        '»' => closer == '«',
        _ => false,
    }
}

impl<'a, 'b> Context<'a, 'b> {
    pub fn new(
        input: &'a CodingInput<'a>,
        view: &'b SentenceView<'a>,
        index: usize,
        forms: &[(String, FormKind)],
        quote_marks: &'b [Span],
    ) -> Context<'a, 'b> {
        let token = view.words[index].token;
        let infinitive = token.feats.verb_form == Some(VerbForm::Inf)
            || matches!(token.xpos.as_str(), "VVINF" | "VAINF" | "VVIZU" | "VB")
            || forms
                .iter()
                .any(|(_, kind)| matches!(kind, FormKind::Infinitive | FormKind::ZuInfinitive));
        let participle = token.feats.verb_form == Some(VerbForm::Part)
            || matches!(token.xpos.as_str(), "VVPP" | "VBN")
            || forms.iter().any(|(_, kind)| *kind == FormKind::Participle);
        let finite = token.feats.verb_form == Some(VerbForm::Fin)
            || forms.iter().any(|(_, kind)| *kind == FormKind::Finite);
        Context {
            input,
            view,
            index,
            clause: view.clause_of(index),
            infinitive,
            participle,
            finite,
            quote_marks,
        }
    }

    fn clause_words(&self) -> impl Iterator<Item = &crate::sentence::Word<'a>> {
        self.view.words[self.clause.0..self.clause.1].iter()
    }

    /// Words that scope over the trigger: its dependents when parsed, else its clause.
    fn scope_has(&self, test: impl Fn(&str) -> bool) -> bool {
        if self.view.parsed {
            // Clauses of their own under the trigger keep their modals and negation
            // ("griff ihn an: „Ein Präsident ... kann nicht erwarten ...“").
            let own_subject = |position: usize| {
                self.view
                    .children(position)
                    .iter()
                    .any(|&child| self.view.words[child].token.deprel.starts_with("nsubj"))
            };
            // A colon or an opening quote mark between the trigger and a dependent
            // starts words of their own (quoted speech).
            let quoted_after = |position: usize| {
                position > self.index
                    && self.view.words[self.index..position].iter().any(|word| {
                        let raw = word.token.span.slice(self.view.text);
                        raw.ends_with(':') || raw == "„" || raw == "\"" || raw == "“"
                    })
            };
            let own_clause = |position: usize| {
                let word = &self.view.words[position];
                quoted_after(position)
                    || word.token.deprel.starts_with("xcomp") && own_subject(position)
                    || matches!(
                        word.token.deprel.split(':').next().unwrap_or(""),
                        "parataxis" | "ccomp" | "csubj" | "advcl" | "acl" | "conj"
                    ) && (matches!(
                        word.token.upos,
                        lagebild_doc::Upos::Verb | lagebild_doc::Upos::Aux
                    ) || self.view.children(position).iter().any(|&child| {
                        matches!(
                            self.view.words[child]
                                .token
                                .deprel
                                .split(':')
                                .next()
                                .unwrap_or(""),
                            "nsubj" | "cop" | "aux"
                        )
                    }))
            };
            let mut scope: Vec<usize> = self
                .view
                .children(self.index)
                .iter()
                .copied()
                .filter(|&child| !own_clause(child))
                .collect();
            // Modals and negation may sit on the governing verb of an infinitive.
            if let Some(head) = self.view.words[self.index]
                .token
                .head
                .map(|head| head as usize)
                .filter(|head| *head < self.view.words.len())
            {
                let relation = self.view.words[self.index].token.deprel.as_str();
                if relation.starts_with("xcomp") || relation.starts_with("conj") {
                    scope.push(head);
                    scope.extend(
                        self.view
                            .children(head)
                            .iter()
                            .copied()
                            .filter(|&child| child < self.index),
                    );
                }
            }
            // Negation of the object ("keine Hilfe").
            let extra: Vec<usize> = scope
                .iter()
                .flat_map(|&child| self.view.children(child).iter().copied())
                .collect();
            scope.extend(extra);
            scope.iter().any(|&position| {
                let word = &self.view.words[position];
                test(&word.lemma) || test(&word.norm)
            })
        } else {
            self.clause_words()
                .any(|word| test(&word.norm) || test(&word.lemma))
        }
    }

    fn in_quote(&self) -> Option<Option<&'a lagebild_quotes::Quote>> {
        let span = self.view.words[self.index].token.span;
        // A quote whose cue is the trigger itself (a speech act such as "X wirft Y ... vor"
        // reported as indirect speech) does not make the speech act reported.
        if let Some(quote) = self.input.quotes.iter().find(|quote| {
            quote.span.contains(span) && !quote.cue.is_some_and(|cue| cue.overlaps(span))
        }) {
            return Some(Some(quote));
        }
        if self.quote_marks.iter().any(|quote| quote.contains(span)) {
            return Some(None);
        }
        None
    }

    /// A speech verb of the sentence outside the trigger's clause, and the speaker.
    fn speech(&self) -> Option<(usize, Option<usize>)> {
        let lang = self.view.lang;
        let (start, end) = self.clause;
        // The verb an adverbial event noun hangs on ("sagte X bei einem Besuch in Kiew")
        // frames the circumstance, it does not report it.
        let governing = self
            .view
            .is_adverbial_noun(self.index)
            .then(|| {
                self.view.words[self.index]
                    .token
                    .head
                    .map(|head| head as usize)
            })
            .flatten();
        let candidates = (0..self.view.words.len()).filter(|&position| {
            !(start..end).contains(&position)
                && position != self.index
                && Some(position) != governing
        });
        for position in candidates {
            let word = &self.view.words[position];
            if !(words::is_speech(lang, &word.lemma) || words::is_speech(lang, &word.norm)) {
                continue;
            }
            // A relative clause on the speaker ("Der Präsident, der X empfing,
            // kritisierte Y") describes the speaker; it is not what was said.
            if self.within_subject_of(position) {
                continue;
            }
            // Parsed: the speech verb's subject; unparsed: the nearest actor after it
            // ("sagte Rutte"), else before it ("Rutte warnte").
            if self.view.parsed
                && let Some(&subject) = self
                    .view
                    .children(position)
                    .iter()
                    .find(|&&child| self.view.words[child].token.deprel.starts_with("nsubj"))
                && let Some(phrase) = self.view.words[subject].phrase
            {
                return Some((position, Some(self.view.phrases[phrase].mention)));
            }
            let (speech_start, speech_end) = self.view.clause_of(position);
            let after = (position + 1..speech_end.min(position + 6))
                .find_map(|at| self.view.words[at].phrase);
            let before = (position.saturating_sub(4).max(speech_start)..position)
                .rev()
                .find_map(|at| self.view.words[at].phrase);
            let phrase = after.or(before);
            return Some((
                position,
                phrase.map(|phrase| self.view.phrases[phrase].mention),
            ));
        }
        None
    }

    /// Whether the trigger lies inside the subject phrase of the verb at `verb` (by
    /// the parse: one of its heads is that verb's `nsubj`).
    fn within_subject_of(&self, verb: usize) -> bool {
        if !self.view.parsed {
            return false;
        }
        let mut at = self.index;
        for _ in 0..self.view.words.len() {
            let Some(head) = self.view.words[at].token.head.map(|head| head as usize) else {
                return false;
            };
            if head == verb {
                return self.view.words[at].token.deprel.starts_with("nsubj");
            }
            if head >= self.view.words.len() {
                return false;
            }
            at = head;
        }
        false
    }

    fn konjunktiv(&self) -> bool {
        if self.view.lang != Lang::De {
            return false;
        }
        self.clause_words().any(|word| {
            (word.token.feats.mood == Some(Mood::Sub)
                && !word.norm.contains('ä')
                && !word.norm.contains('ü')
                && !word.norm.starts_with("würd"))
                || words::looks_konjunktiv_one(&word.norm)
        }) || self.trigger_konjunktiv()
    }

    fn trigger_konjunktiv(&self) -> bool {
        // Third person `-e` forms of the trigger itself (`verstoße`) after a speech verb.
        let word = &self.view.words[self.index];
        self.finite
            && word.norm.ends_with('e')
            && !word.norm.ends_with("te")
            && self
                .clause_words()
                .next()
                .is_some_and(|first| first.phrase.is_some())
    }

    fn reported(&self) -> bool {
        // "nach Ruttes Worten", "laut X" attribute without making the event reported
        // (the seed's gold keeps such events asserted).
        self.in_quote().is_some()
            || (self.speech().is_some() && (self.konjunktiv() || self.view.lang == Lang::En))
            || self.rumoured()
    }

    /// A German event noun that is the topic of reports or rumours ("Spekulationen über
    /// ein Geheimtreffen", "Berichte über Angriffe"): what others say happened.
    fn rumoured(&self) -> bool {
        const REPORTS: &[&str] = &[
            "spekulationen",
            "spekulation",
            "gerüchte",
            "gerücht",
            "berichte",
            "bericht",
            "berichten",
            "meldungen",
            "medienberichte",
            "medienberichten",
            "vermutungen",
        ];
        let words = &self.view.words;
        if self.view.lang != Lang::De || !words[self.index].event_noun {
            return false;
        }
        let from = self.index.saturating_sub(4).max(self.clause.0);
        (from..self.index).any(|position| {
            matches!(words[position].norm.as_str(), "über" | "von")
                && position
                    .checked_sub(1)
                    .is_some_and(|before| REPORTS.contains(&words[before].norm.as_str()))
        })
    }

    /// "nach Ruttes Worten", "laut X", "according to X": the actor it names.
    fn reported_cue(&self) -> Option<Option<usize>> {
        let words = &self.view.words;
        for (position, word) in words.iter().enumerate() {
            let cue = match self.view.lang {
                Lang::De => {
                    matches!(word.norm.as_str(), "laut" | "zufolge")
                        || (word.norm == "nach"
                            && words[position..words.len().min(position + 5)]
                                .iter()
                                .any(|later| later.norm.starts_with("wort")))
                }
                _ => {
                    word.norm == "according"
                        && words
                            .get(position + 1)
                            .is_some_and(|next| next.norm == "to")
                }
            };
            if cue {
                // The named actor follows the cue ("laut Rutte", "nach Ruttes Worten"),
                // or precedes "zufolge" ("Rutte zufolge").
                let mut range = if word.norm == "zufolge" {
                    position.saturating_sub(4)..position
                } else {
                    position + 1..words.len().min(position + 5)
                };
                let actor = range.find_map(|at| words[at].phrase);
                return Some(actor.map(|phrase| self.view.phrases[phrase].mention));
            }
        }
        None
    }

    fn past(&self) -> bool {
        let lang = self.view.lang;
        // Nominal triggers take the tense of their clause ("hatte den Einsatz bestätigt").
        let noun = !self.view.words[self.index].verbal
            && !self.participle
            && !self.infinitive
            && !self.finite;
        let clause_participle = noun
            && self
                .clause_words()
                .any(|word| word.verbal && !words::is_auxiliary(lang, &word.norm));
        let pluperfect = (self.participle || clause_participle)
            && self.clause_words().any(|word| match lang {
                Lang::De => matches!(word.norm.as_str(), "hatte" | "hatten" | "war" | "waren"),
                _ => word.norm == "had",
            });
        let sentence_text = self.view.span.slice(&self.input.doc.text).to_lowercase();
        let cue = words::is_past_cue(lang, &sentence_text);
        let old_date = self.sentence_dates().any(|date| {
            self.input
                .doc
                .published
                .is_some_and(|published| (published - date).num_days() > 365)
        });
        let weeks_before = self.sentence_dates().any(|date| {
            self.input
                .doc
                .published
                .is_some_and(|published| (published - date).num_days() > 14)
        });
        old_date || (pluperfect && (cue || weeks_before))
    }

    /// The dates of the sentence's time expressions, a month or year taken at its last
    /// day ("im Jahre 1980" is long before a 2012 story; "im Oktober" is not).
    fn sentence_dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.input
            .times
            .iter()
            .filter(|time| self.view.span.contains(time.span))
            .filter_map(|time| time.value.as_deref())
            .filter_map(latest_day)
    }

    /// German event nouns that are the object or an adverbial of a verb take that
    /// verb's modal and future auxiliaries ("will seinen Besuch in X nutzen", "wird bei
    /// seinem Besuch in X ... treffen"); its negation stays the verb's own.
    fn governing_auxiliary(&self, test: impl Fn(&str) -> bool) -> bool {
        let word = &self.view.words[self.index];
        if !self.view.parsed
            || self.view.lang != Lang::De
            || word.verbal
            || !matches!(word.token.upos, lagebild_doc::Upos::Noun)
            || !matches!(
                word.token.deprel.split(':').next().unwrap_or(""),
                "obj" | "obl"
            )
        {
            return false;
        }
        let Some(head) = word
            .token
            .head
            .map(|head| head as usize)
            .filter(|head| *head < self.view.words.len())
        else {
            return false;
        };
        std::iter::once(head)
            .chain(
                self.view
                    .children(head)
                    .iter()
                    .copied()
                    .filter(|&child| self.view.words[child].token.deprel.starts_with("aux")),
            )
            .any(|position| {
                let word = &self.view.words[position];
                test(&word.norm) || test(&word.lemma)
            })
    }

    pub fn modality(&self) -> Vec<crate::Modality> {
        let lang = self.view.lang;
        let mut out = Vec::new();
        if self.scope_has(|word| words::is_negation(lang, word)) {
            out.push(Modality::Negated);
        }
        if self.scope_has(|word| words::is_hypothetical(lang, word))
            || self.governing_auxiliary(|word| words::is_hypothetical(lang, word))
        {
            out.push(Modality::Hypothetical);
        }
        let future_auxiliary = lang == Lang::De
            && self.infinitive
            && !self.participle
            && self.scope_has(words::is_future_auxiliary_de);
        if future_auxiliary
            || self.scope_has(|word| words::is_future(lang, word))
            || self.governing_auxiliary(|word| {
                words::is_future(lang, word) || (lang == Lang::De && word == "wird")
            })
        {
            out.push(Modality::Future);
        }
        if self.past() {
            out.push(Modality::Past);
        }
        // Reported comes last: the first modality is the most specific one.
        if self.reported() {
            out.push(Modality::Reported);
        }
        if out.is_empty() {
            out.push(Modality::Asserted);
        }
        out
    }

    /// The event of `cameo` at this trigger between `source` and `target`: PLOVER,
    /// Goldstein and QuadClass come from the code, attribution, date and place from
    /// this context.
    pub fn event(
        &self,
        sentence: usize,
        source: Participant,
        target: Participant,
        cameo: &str,
        rule: String,
        modality: Vec<Modality>,
    ) -> Event {
        let plover = codes::plover(cameo);
        Event {
            sentence: sentence as u32,
            trigger: self.view.words[self.index].token.span,
            source,
            target: Some(target),
            cameo: cameo.to_string(),
            plover: plover.map(|mapping| mapping.category.clone()),
            plover_mode: plover.and_then(|mapping| mapping.mode.clone()),
            goldstein: codes::goldstein(cameo),
            quad_class: codes::quad_class(cameo),
            attributed_to: self.attribution(),
            date: self.date(&modality),
            place: self.place(),
            modality,
            cluster: 0,
            rule,
        }
    }

    pub fn attribution(&self) -> Option<Attribution> {
        if let Some(Some(quote)) = self.in_quote()
            && let Some(speaker) = &quote.speaker
        {
            let name = speaker
                .name
                .clone()
                .unwrap_or_else(|| speaker.span.slice(&self.input.doc.text).to_string());
            return Some(Attribution {
                name,
                code: speaker.code.clone(),
            });
        }
        let mention = self.reported_cue().flatten().or_else(|| {
            if self.reported() {
                self.speech().and_then(|(_, speaker)| speaker)
            } else {
                None
            }
        })?;
        let mention = self.input.actors.get(mention)?;
        Some(Attribution {
            name: mention.name.clone(),
            code: Some(mention.code.clone()),
        })
    }

    pub fn date(&self, modality: &[Modality]) -> Option<String> {
        let in_sentence = self
            .input
            .times
            .iter()
            .filter(|time| {
                self.view.span.contains(time.span) && time.kind == lagebild_timex::TimexKind::Date
            })
            .find_map(|time| time.value.clone());
        in_sentence.or_else(|| {
            if modality.contains(&Modality::Past) {
                None
            } else {
                self.input
                    .doc
                    .published
                    .map(|date| date.format("%Y-%m-%d").to_string())
            }
        })
    }

    pub fn place(&self) -> Option<u32> {
        self.input
            .places
            .iter()
            .position(|place| self.view.span.contains(place.span))
            .map(|index| index as u32)
    }
}

/// The last day of a TIMEX3 date value: a day (`2024-12-04`, or the date part of a
/// time), a month (`2024-10`) or a year (`1980`); `None` for other values (weeks,
/// seasons, `PAST_REF`).
fn latest_day(value: &str) -> Option<NaiveDate> {
    if let Some(day) = value
        .get(..10)
        .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
    {
        return Some(day);
    }
    let mut parts = value.split('-');
    let year: i32 = parts.next().filter(|year| year.len() == 4)?.parse().ok()?;
    match (parts.next(), parts.next()) {
        (None, _) => NaiveDate::from_ymd_opt(year, 12, 31),
        (Some(month), None) if month.len() == 2 => {
            let month: u32 = month.parse().ok()?;
            let first_of_next = if month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)
            }?;
            first_of_next.pred_opt()
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_or_year_counts_at_its_last_day() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(latest_day("2024-12-04"), day(2024, 12, 4));
        assert_eq!(latest_day("2024-12-04T10:00"), day(2024, 12, 4));
        assert_eq!(latest_day("1980"), day(1980, 12, 31));
        assert_eq!(latest_day("2024-02"), day(2024, 2, 29));
        assert_eq!(latest_day("2023-12"), day(2023, 12, 31));
        assert_eq!(latest_day("2024-W49"), None);
        assert_eq!(latest_day("PAST_REF"), None);
        assert_eq!(latest_day("198X"), None);
    }
}
