//! The [`Segmenter`]: a hand-written scanner over chars that cuts a region into tokens,
//! then a pass over the tokens that decides where sentences end.

use lagebild_doc::{Lang, Sentence, Span, TextAnalysis, Token};

use crate::rules::{LanguageRules, with_lowercase};
use crate::{de, en};

/// Segments text into sentences and tokens. Build it once ([`Segmenter::new`]) and share
/// it: it holds the word lists of every language and is `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Segmenter {
    german: LanguageRules,
    english: LanguageRules,
    other: LanguageRules,
}

impl Default for Segmenter {
    fn default() -> Segmenter {
        Segmenter::new()
    }
}

/// What a token is, as far as sentence splitting cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    /// A word that kept its period; `can_end` when it may also close a sentence.
    Abbreviation {
        can_end: bool,
    },
    /// `.`, `!`, `?`, `…`, `...`, `?!`.
    Terminal,
    OpenQuote,
    CloseQuote,
    OpenBracket,
    CloseBracket,
    /// `,`, `;`, `:`.
    Pause,
    Dash,
    Other,
}

#[derive(Clone, Copy, Debug)]
struct Piece {
    start: usize,
    end: usize,
    kind: Kind,
    /// A line break lies in the whitespace before this token.
    newline_before: bool,
}

/// The three families of ambiguous quote marks, whose open/closed state is tracked.
#[derive(Clone, Copy)]
enum QuoteFamily {
    Double = 0,
    Single = 1,
    Guillemet = 2,
}

impl Segmenter {
    /// Builds the word lists of all languages.
    pub fn new() -> Segmenter {
        let german = de::rules();
        let english = en::rules();
        let other = LanguageRules::merged(&german, &english);
        Segmenter { german, english, other }
    }

    fn rules(&self, lang: Lang) -> &LanguageRules {
        match lang {
            Lang::De => &self.german,
            Lang::En => &self.english,
            Lang::Other => &self.other,
        }
    }

    /// Segments `region` of `text` into sentences and tokens (see [`crate::segment`]).
    ///
    /// Spans that do not fit the text or fall inside a character are clamped to the
    /// text and moved inwards to character boundaries; nothing panics.
    pub fn segment(&self, text: &str, region: Span, lang: Lang, title: Option<Span>) -> TextAnalysis {
        let (start, end) = clamp(text, region, 0, text.len());
        let title = title.map(|title| clamp(text, title, start, end)).filter(|(first, last)| first < last);
        let rules = self.rules(lang);
        let mut analysis = TextAnalysis::default();
        analysis.tokens.reserve((end - start) / 6);
        analysis.sentences.reserve((end - start) / 120);
        let mut pieces = Vec::with_capacity((end - start) / 5);
        let mut run = |first: usize, last: usize, single: bool| {
            if first < last {
                pieces.clear();
                Scanner::new(text, last, rules, &mut pieces).scan(first);
                split_sentences(text, &pieces, single, rules, &mut analysis);
            }
        };
        match title {
            Some((title_start, title_end)) => {
                run(start, title_start, false);
                run(title_start, title_end, true);
                run(title_end, end, false);
            }
            None => run(start, end, false),
        }
        analysis
    }
}

/// Clamps `span` into `low..high` of `text` and onto char boundaries.
fn clamp(text: &str, span: Span, low: usize, high: usize) -> (usize, usize) {
    let mut start = (span.start as usize).clamp(low, high);
    let mut end = (span.end as usize).clamp(low, high);
    while start < high && !text.is_char_boundary(start) {
        start += 1;
    }
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    (start, end.max(start))
}

fn is_newline(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Characters that never stand alone: combining marks, joiners, variation selectors,
/// soft hyphens. They stay with the token before them.
fn is_attached(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
        | '\u{00AD}' | '\u{E0100}'..='\u{E01EF}' | '\u{1F3FB}'..='\u{1F3FF}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_attached(c)
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

fn is_opening_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '„' | '‚' | '"' | '“' | '‘' | '\'' | '«' | '»' | '`' | '¿' | '¡')
}

fn is_closing_or_pause(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '…')
}

/// What follows a position: the first non-space character after skipping opening
/// quotes and brackets, the word that starts there, and whether a line break was crossed.
struct Lookahead<'a> {
    first: Option<char>,
    word: &'a str,
    newline: bool,
}

struct Scanner<'a, 'p> {
    text: &'a str,
    end: usize,
    rules: &'a LanguageRules,
    pieces: &'p mut Vec<Piece>,
    /// Line breaks seen since the last token.
    newlines_pending: u8,
    quote_open: [bool; 3],
}

impl<'a, 'p> Scanner<'a, 'p> {
    fn new(text: &'a str, end: usize, rules: &'a LanguageRules, pieces: &'p mut Vec<Piece>) -> Scanner<'a, 'p> {
        Scanner { text, end, rules, pieces, newlines_pending: 0, quote_open: [false; 3] }
    }

    fn char_at(&self, pos: usize) -> Option<char> {
        if pos >= self.end {
            return None;
        }
        self.text.get(pos..self.end).and_then(|rest| rest.chars().next())
    }

    fn char_before(&self, pos: usize) -> Option<char> {
        self.text.get(..pos).and_then(|head| head.chars().next_back())
    }

    fn push(&mut self, start: usize, end: usize, kind: Kind) {
        self.pieces.push(Piece { start, end, kind, newline_before: self.newlines_pending > 0 });
        self.newlines_pending = 0;
    }

    /// Counts the line breaks in whitespace: `\r\n` is one, a paragraph separator two.
    fn note_whitespace(&mut self, c: char, pos: usize) {
        let count = match c {
            '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => 1,
            '\r' if self.text.as_bytes().get(pos + 1) != Some(&b'\n') => 1,
            '\u{2029}' => 2,
            _ => 0,
        };
        self.newlines_pending = self.newlines_pending.saturating_add(count);
    }

    fn scan(&mut self, start: usize) {
        let bytes = self.text.as_bytes();
        let mut pos = start;
        while pos < self.end {
            let byte = bytes[pos];
            if byte.is_ascii() {
                if byte.is_ascii_whitespace() || byte == 0x0B {
                    self.note_whitespace(char::from(byte), pos);
                    pos += 1;
                    continue;
                }
            } else if let Some(c) = self.char_at(pos)
                && c.is_whitespace()
            {
                self.note_whitespace(c, pos);
                pos += c.len_utf8();
                continue;
            }
            let chunk_end = self.chunk_end(pos);
            self.scan_chunk(pos, chunk_end);
            pos = chunk_end;
        }
    }

    /// The end of the run of non-whitespace characters starting at `pos`.
    fn chunk_end(&self, pos: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut index = pos;
        while index < self.end {
            let byte = bytes[index];
            if byte.is_ascii() {
                if byte.is_ascii_whitespace() || byte == 0x0B {
                    return index;
                }
                index += 1;
            } else {
                match self.char_at(index) {
                    Some(c) if c.is_whitespace() => return index,
                    Some(c) => index += c.len_utf8(),
                    None => return self.end,
                }
            }
        }
        self.end
    }

    fn scan_chunk(&mut self, start: usize, end: usize) {
        let mut pos = start;
        while pos < end {
            let Some(c) = self.char_at(pos) else { return };
            // URLs and addresses start a chunk or follow an opening mark; checking only
            // there keeps long chunks (`a,b,c,...`) linear.
            let url_candidate = pos == start
                || self
                    .char_before(pos)
                    .is_some_and(|before| is_opening_punct(before) || matches!(before, '<' | ':' | '='));
            pos = if c.is_alphanumeric() {
                match url_candidate.then(|| self.url_end(pos, end)).flatten() {
                    Some(url_end) => {
                        self.push(pos, url_end, Kind::Other);
                        url_end
                    }
                    None => self.scan_word(pos, end),
                }
            } else {
                self.scan_punct(pos, end, c)
            };
        }
    }

    /// The end of a URL or e-mail address starting at `pos`, without trailing punctuation.
    fn url_end(&self, pos: usize, end: usize) -> Option<usize> {
        // Addresses are short; a bounded window keeps pathological chunks cheap.
        let mut window_end = end.min(pos + 4096);
        while !self.text.is_char_boundary(window_end) {
            window_end -= 1;
        }
        let chunk = &self.text[pos..window_end];
        let bytes = chunk.as_bytes();
        let starts =
            |prefix: &str| bytes.len() > prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes());
        let is_url =
            starts("http://") || starts("https://") || starts("ftp://") || starts("www.") || is_domain_path(chunk);
        let is_mail = !is_url
            && memchr::memchr(b'@', bytes).is_some_and(|at| {
                at > 0
                    && chunk[..at].chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '%'))
                    && chunk[at + 1..].contains('.')
                    && chunk[at + 1..].chars().next().is_some_and(char::is_alphanumeric)
            });
        if !is_url && !is_mail {
            return None;
        }
        let mut url = chunk;
        while let Some(last) = url.chars().next_back() {
            let strip = match last {
                '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '»' | '«' | '“' | '”' | '’' | '‘' | ']' | '}'
                | '>' => true,
                ')' => url.matches('(').count() < url.matches(')').count(),
                _ => false,
            };
            if !strip {
                break;
            }
            url = &url[..url.len() - last.len_utf8()];
        }
        (url.len() > 4).then_some(pos + url.len())
    }

    fn lookahead(&self, pos: usize) -> Lookahead<'a> {
        let text = self.text;
        let mut newline = false;
        let mut index = pos;
        while let Some(c) = self.char_at(index) {
            if c.is_whitespace() {
                newline |= is_newline(c);
            } else if !is_opening_punct(c) {
                break;
            }
            index += c.len_utf8();
        }
        let first = self.char_at(index);
        let mut word_end = index;
        while let Some(c) = self.char_at(word_end) {
            if !c.is_alphanumeric() {
                break;
            }
            word_end += c.len_utf8();
        }
        Lookahead { first, word: &text[index..word_end], newline }
    }

    /// Scans a word (letters, digits and the joiners allowed inside words) from `start`,
    /// decides about a trailing period, splits English clitics, and returns the position
    /// after what it consumed.
    fn scan_word(&mut self, start: usize, end: usize) -> usize {
        let mut pos = start;
        let mut prev = ' ';
        let mut inner_period = false;
        // Start of the current part of a compound (after the last joiner).
        let mut part_start = start;
        while let Some(c) = self.char_at(pos).filter(|_| pos < end) {
            if is_word_char(c) {
                prev = c;
                pos += c.len_utf8();
                continue;
            }
            let next = self.char_at(pos + c.len_utf8()).filter(|_| pos + c.len_utf8() < end);
            let next_alnum = next.is_some_and(char::is_alphanumeric);
            let keep = match c {
                '.' => {
                    // `2.500`, `z.B.`, `tagesschau.de` join; a missing space before a new
                    // sentence (`EuGH.Hingegen`, `Dr.Müller`) does not.
                    let keep = next_alnum
                        && !(next.is_some_and(char::is_uppercase)
                            && self.text[part_start..pos].chars().nth(1).is_some()
                            && self.lowercase_run(pos + 1 + next.map_or(0, char::len_utf8), end) >= 2
                            && !self.top_level_domain(pos + 1, end));
                    inner_period |= keep;
                    keep
                }
                ',' | ':' => {
                    prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit())
                        || self.gender_suffix(c, prev, pos)
                }
                '*' | '_' | '·' => self.gender_suffix(c, prev, pos),
                '&' => prev.is_alphanumeric() && next_alnum,
                // A slash joins numbers and single letters (`24/7`, `km/h`, `b/c`) but
                // separates words (`and / or`), as UD does.
                '/' => {
                    prev.is_alphanumeric()
                        && next_alnum
                        && ((prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()))
                            || self.text[part_start..pos].chars().nth(1).is_none()
                            || self.alphanumeric_run(pos + 1, end) == 1)
                }
                c if is_apostrophe(c) => prev.is_alphabetic() && next.is_some_and(char::is_alphabetic),
                c if is_hyphen(c) => {
                    if next_alnum {
                        true
                    } else {
                        // A hyphen that ends a word before a space, comma or slash is part
                        // of an elliptical compound ("Raketen- und", "Ein-, Ausfuhr").
                        if prev.is_alphanumeric() && matches!(next, None | Some(',' | '/')) {
                            pos += c.len_utf8();
                        }
                        break;
                    }
                }
                _ => false,
            };
            if !keep {
                break;
            }
            prev = c;
            pos += c.len_utf8();
            part_start = pos;
        }
        if pos == start {
            // Cannot happen for an alphanumeric start; keep the scanner moving anyway.
            let width = self.char_at(start).map_or(1, char::len_utf8);
            self.push(start, start + width, Kind::Other);
            return start + width;
        }
        if !self.rules.split_clitics
            && matches!(prev, 's' | 'ß' | 'x' | 'z')
            && !self.quote_open[QuoteFamily::Single as usize]
            && let Some(apostrophe) = self.char_at(pos).filter(|&c| pos < end && is_apostrophe(c))
            && !self.char_at(pos + apostrophe.len_utf8()).is_some_and(char::is_alphanumeric)
        {
            // German possessive of a name ending in a sibilant: `Pompeius'`.
            pos += apostrophe.len_utf8();
        }
        let bytes = self.text.as_bytes();
        let dots = bytes[pos.min(end)..end].iter().take(3).take_while(|&&b| b == b'.').count();
        // One period may belong to the word; of two, the first may (`Inc..` ends a
        // sentence with an abbreviation); three or more are an ellipsis.
        if (dots == 1 || dots == 2)
            && let Some(kind) = self.period_kind(start, pos, inner_period, dots == 2)
        {
            self.push(start, pos + 1, kind);
            return pos + 1;
        }
        self.push_word(start, pos);
        pos
    }

    /// Whether a common top-level domain (`Com`, `Org`, `De`) ends the chunk at `pos`.
    fn top_level_domain(&self, pos: usize, end: usize) -> bool {
        let rest = self.text.get(pos..end).unwrap_or("");
        let word_end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        let after_ok = rest[word_end..].chars().next().is_none_or(|c| !c.is_alphanumeric() && c != '.');
        after_ok
            && with_lowercase(&rest[..word_end], |lower| {
                matches!(
                    lower,
                    "com" | "org" | "net" | "edu" | "gov" | "info" | "biz" | "de" | "at" | "ch" | "uk" | "eu"
                )
            })
    }

    /// The number of lowercase letters from `pos` on (within `end`).
    fn lowercase_run(&self, pos: usize, end: usize) -> usize {
        self.text.get(pos..end).map_or(0, |rest| rest.chars().take_while(|c| c.is_lowercase()).count())
    }

    /// The number of alphanumeric chars from `pos` on (within `end`).
    fn alphanumeric_run(&self, pos: usize, end: usize) -> usize {
        self.text.get(pos..end).map_or(0, |rest| rest.chars().take_while(|c| c.is_alphanumeric()).count())
    }

    /// Whether `c` at `pos` joins a German gender suffix (`Bürger*innen`, `Bürger:innen`).
    fn gender_suffix(&self, c: char, prev: char, pos: usize) -> bool {
        if !prev.is_lowercase() {
            return false;
        }
        let rest = &self.text[pos + c.len_utf8()..self.end];
        let suffix_end = rest.find(|ch: char| !ch.is_alphabetic()).unwrap_or(rest.len());
        matches!(&rest[..suffix_end], "in" | "innen" | "r" | "e" | "n") && (rest.starts_with('i') || c == '*')
    }

    /// Decides whether the period after `text[start..end]` belongs to the word, and as what.
    ///
    /// `strict` allows only listed and dotted abbreviations (before a second period).
    fn period_kind(&self, start: usize, end: usize, inner_period: bool, strict: bool) -> Option<Kind> {
        let word = &self.text[start..end];
        let rules = self.rules;
        let ahead = self.lookahead(end + 1);
        let after = self.char_at(end + 1);
        if matches!(after, Some(',' | ';')) {
            return Some(Kind::Abbreviation { can_end: false });
        }
        let next_digit = ahead.first.is_some_and(|c| c.is_ascii_digit());
        let next_lower = !ahead.newline && ahead.first.is_some_and(char::is_lowercase);
        let first_char = word.chars().next().unwrap_or(' ');
        let listed = with_lowercase(word, |lower| {
            if rules.number_abbreviations.contains(lower) {
                Some(next_digit.then_some(Kind::Abbreviation { can_end: false }))
            } else if rules.abbreviations.contains(lower) {
                Some(Some(Kind::Abbreviation { can_end: false }))
            } else if rules.final_abbreviations.contains(lower) {
                Some(Some(Kind::Abbreviation { can_end: true }))
            } else {
                None
            }
        });
        if let Some(kind) = listed {
            return kind.or_else(|| next_lower.then_some(Kind::Abbreviation { can_end: false }));
        }
        let dotted = inner_period
            && word.split('.').all(|part| part.chars().count() <= 3 && part.chars().all(char::is_alphabetic));
        if strict {
            return dotted.then_some(Kind::Abbreviation { can_end: true });
        }
        if first_char.is_ascii_digit() {
            // `(79.)`: a minute or rank in brackets.
            let bracketed = rules.period_ordinals && after == Some(')');
            return (bracketed || self.number_period(word, &ahead, next_lower)).then_some(Kind::Word);
        }
        if dotted {
            return Some(Kind::Abbreviation { can_end: true });
        }
        let mut chars = word.chars();
        if chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none() {
            // An initial (`A. Merkel`), unless a typical sentence opener follows
            // (`Plan B. The`, `Thailand I. Die`).
            let opener_next = ahead.word.starts_with(char::is_uppercase)
                && with_lowercase(ahead.word, |lower| rules.sentence_openers.contains(lower));
            return Some(Kind::Abbreviation { can_end: opener_next });
        }
        if rules.period_ordinals
            && is_roman(word)
            && self.previous_is_capitalised()
            && !with_lowercase(ahead.word, |lower| rules.sentence_openers.contains(lower))
        {
            return Some(Kind::Word);
        }
        // An unknown short capitalised or vowelless word whose period is followed by a
        // lowercase word is an abbreviation (`Abg. der`, `Kfz. und`); lowercase words
        // with vowels are not, as web text often starts sentences in lowercase.
        let vowelless = !word.chars().any(|c| "aeiouäöüyAEIOUÄÖÜY".contains(c));
        (next_lower
            && word.chars().count() <= 4
            && word.chars().all(char::is_alphabetic)
            && (vowelless || first_char.is_uppercase()))
        .then_some(Kind::Abbreviation { can_end: false })
    }

    /// Whether the period after the number `word` marks an ordinal or a date (German).
    fn number_period(&self, word: &str, ahead: &Lookahead<'_>, next_lower: bool) -> bool {
        let rules = self.rules;
        if !rules.period_ordinals {
            return false;
        }
        if next_lower {
            return true;
        }
        let digits_only = word.bytes().all(|b| b.is_ascii_digit());
        if !digits_only {
            // "20.01." before a year or a lowercase word.
            return word.contains('.') && ahead.first.is_some_and(|c| c.is_ascii_digit()) && !ahead.newline;
        }
        if word.len() > 3 || ahead.newline || ahead.first.is_none() {
            return false;
        }
        if with_lowercase(ahead.word, |lower| rules.months.contains(lower) || rules.ordinal_heads.contains(lower)) {
            return true;
        }
        if ahead.first.is_some_and(|c| c.is_ascii_digit()) {
            // A date written with spaces (`30. 9. 2015`).
            return word.len() <= 2;
        }
        let opener_next = with_lowercase(ahead.word, |lower| rules.sentence_openers.contains(lower));
        match self.previous_word() {
            None => !opener_next,
            Some(previous) => {
                with_lowercase(previous, |lower| rules.ordinal_cues.contains(lower))
                    || (!opener_next && is_inflected_lowercase(previous))
            }
        }
    }

    /// The previous token's text, or `None` at the start of a sentence, line or list
    /// item (after a dash, colon or semicolon: `– 3. Andreas`).
    fn previous_word(&self) -> Option<&'a str> {
        if self.newlines_pending > 0 {
            return None;
        }
        let last = self.pieces.last()?;
        let text = &self.text[last.start..last.end];
        let item_start = matches!(last.kind, Kind::Terminal | Kind::Dash | Kind::OpenQuote | Kind::OpenBracket)
            || text == ":"
            || text == ";";
        (!item_start).then_some(text)
    }

    fn previous_is_capitalised(&self) -> bool {
        self.previous_word().and_then(|word| word.chars().next()).is_some_and(char::is_uppercase)
    }

    /// Pushes a word, split into host and clitic for English (`do|n't`, `Russia|'s`).
    fn push_word(&mut self, start: usize, end: usize) {
        if self.rules.split_clitics
            && let Some(split) = clitic_split(&self.text[start..end]).or_else(|| unit_split(&self.text[start..end]))
        {
            self.push(start, start + split, Kind::Word);
            self.push(start + split, end, Kind::Word);
            return;
        }
        self.push(start, end, Kind::Word);
    }

    fn scan_punct(&mut self, start: usize, end: usize, c: char) -> usize {
        let width = c.len_utf8();
        let run_end = |scanner: &Scanner<'_, '_>, accept: &dyn Fn(char) -> bool| {
            let mut pos = start;
            while let Some(next) = scanner.char_at(pos).filter(|_| pos < end) {
                if !accept(next) {
                    break;
                }
                pos += next.len_utf8();
            }
            pos
        };
        if matches!(c, '#' | '@')
            && self.char_at(start + 1).is_some_and(char::is_alphabetic)
            && start + 1 < end
            && !self.char_before(start).is_some_and(char::is_alphanumeric)
        {
            // A hashtag or handle (`#Nato`, `@dpa`, `@example.org`) is one token.
            let mut stop = start + 1;
            while let Some(next) = self.char_at(stop).filter(|_| stop < end) {
                let joins =
                    handle_joins(next, self.char_at(stop + next.len_utf8()).filter(|_| stop + next.len_utf8() < end));
                if !(next.is_alphanumeric() || joins) {
                    break;
                }
                stop += next.len_utf8();
            }
            self.push(start, stop, Kind::Word);
            return stop;
        }
        if matches!(c, ':' | ';')
            && let Some(stop) = self.emoticon_end(start, end)
        {
            self.push(start, stop, Kind::Other);
            return stop;
        }
        let (stop, kind) = match c {
            '.' => (run_end(self, &|n| n == '.'), Kind::Terminal),
            '!' | '?' if !self.rules.group_repeated_marks => (start + width, Kind::Terminal),
            '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' => {
                (run_end(self, &|n| matches!(n, '!' | '?' | '‼' | '⁇' | '⁈' | '⁉')), Kind::Terminal)
            }
            '…' => (run_end(self, &|n| n == '…' || n == '.'), Kind::Terminal),
            ',' | ';' | ':' => (start + width, Kind::Pause),
            '-' => (run_end(self, &|n| n == '-'), Kind::Dash),
            '–' | '—' | '―' | '‒' | '\u{2212}' => (run_end(self, &|n| n == c), Kind::Dash),
            '(' | '[' | '{' => (start + width, Kind::OpenBracket),
            ')' | ']' | '}' => (start + width, Kind::CloseBracket),
            '„' | '‚' => {
                // Low quotes always open; the high quote that closes them is ambiguous.
                let family = if c == '„' { QuoteFamily::Double } else { QuoteFamily::Single };
                self.quote_open[family as usize] = true;
                (start + width, Kind::OpenQuote)
            }
            '`' => (run_end(self, &|n| n == '`'), Kind::OpenQuote),
            '"' | '“' | '”' | '«' | '»' | '\'' | '‘' | '’' | '‹' | '›' => {
                let stop = if c == '\'' { run_end(self, &|n| n == '\'') } else { start + width };
                let family = match c {
                    '"' | '“' | '”' => QuoteFamily::Double,
                    '«' | '»' | '‹' | '›' => QuoteFamily::Guillemet,
                    // `''` is a double quote in LaTeX style.
                    _ if stop - start > width => QuoteFamily::Double,
                    _ => QuoteFamily::Single,
                };
                (stop, self.quote_kind(start, stop, family))
            }
            '*' | '=' | '_' | '<' | '>' | '$' | '#' | '~' | '+' | '/' | '\\' | '|' | '^' | '&' | '%' | '@' => {
                (run_end(self, &|n| n == c), Kind::Other)
            }
            _ => {
                let mut stop = start + width;
                while let Some(next) = self.char_at(stop).filter(|&n| stop < end && is_attached(n)) {
                    stop += next.len_utf8();
                }
                (stop, Kind::Other)
            }
        };
        let stop = stop.clamp(start + width, end.max(start + width));
        self.push(start, stop, kind);
        stop
    }

    /// The end of an emoticon (`:)`, `;-)`, `:D`) starting at `start`, if one stands there
    /// on its own.
    fn emoticon_end(&self, start: usize, end: usize) -> Option<usize> {
        let rest = self.text.get(start + 1..end)?;
        let rest = rest.strip_prefix('-').unwrap_or(rest);
        let face = rest.chars().next().filter(|c| matches!(c, ')' | '(' | 'D' | 'P' | 'p' | '/' | '|'))?;
        let stop = end - rest.len() + rest.chars().take_while(|&c| c == face).count() * face.len_utf8();
        let after = self.char_at(stop).filter(|_| stop < end);
        after.is_none_or(|c| !c.is_alphanumeric() && c != '/').then_some(stop)
    }

    /// Whether an ambiguous quote mark opens or closes, from the characters around it
    /// and, when they do not tell, from whether a quote of its family is open.
    fn quote_kind(&mut self, start: usize, stop: usize, family: QuoteFamily) -> Kind {
        let before = self.char_before(start);
        let after = self.char_at(stop);
        let left_open = before.is_none_or(|b| b.is_whitespace() || is_opening_punct(b) || matches!(b, '–' | '—' | '-'))
            || self.pieces.last().is_none_or(|last| last.end != start);
        let right_open = after.is_none_or(|a| {
            a.is_whitespace() || is_closing_or_pause(a) || matches!(a, '"' | '“' | '”' | '\'' | '‘' | '’' | '«' | '»')
        });
        let slot = &mut self.quote_open[family as usize];
        let kind = match (left_open, right_open) {
            (true, false) => Kind::OpenQuote,
            (false, true) => Kind::CloseQuote,
            _ if *slot => Kind::CloseQuote,
            _ => Kind::OpenQuote,
        };
        *slot = kind == Kind::OpenQuote;
        kind
    }
}

/// A lowercase word with an adjective or article ending (`späten`, `begangenes`): a
/// number with a period after it is an ordinal (`des späten 15. Jahrhunderts`).
fn is_inflected_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
        && word.len() > 3
        && ["e", "en", "em", "er", "es"].iter().any(|ending| word.ends_with(ending))
}

/// Whether `c` joins the parts of a handle (`@dpa_news`, `@example.org`), given what follows.
fn handle_joins(c: char, next: Option<char>) -> bool {
    c == '_' || (c == '.' && next.is_some_and(char::is_alphanumeric))
}

/// Whether `chunk` starts with a domain name and a path (`pic.twitter.com/abc`,
/// `example.org/news`).
fn is_domain_path(chunk: &str) -> bool {
    let Some(slash) = memchr::memchr(b'/', chunk.as_bytes()) else { return false };
    let host = &chunk[..slash];
    let Some((_, top_level)) = host.rsplit_once('.') else { return false };
    slash + 1 < chunk.len()
        && (2..=6).contains(&top_level.len())
        && top_level.bytes().all(|b| b.is_ascii_lowercase())
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

fn is_roman(word: &str) -> bool {
    word.len() <= 6 && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) && word.len() >= 2
}

/// Where to split a number from a unit written on to it (`10am`, `1.4bn`, `5km`), as UD
/// English does; ordinals and decades (`1st`, `1990s`) stay whole.
fn unit_split(word: &str) -> Option<usize> {
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let split = word.find(|c: char| c.is_alphabetic())?;
    if !word[..split].ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let unit = &word[split..];
    const UNITS: &[&str] = &[
        "am", "pm", "bn", "m", "mn", "k", "km", "kg", "mph", "ft", "cm", "mm", "lb", "lbs", "gb", "mb", "tb", "ghz",
        "mhz", "mw", "kw", "gw", "hrs", "hr", "min", "mins", "sec", "secs", "ms", "tn", "trn",
    ];
    with_lowercase(unit, |lower| UNITS.contains(&lower)).then_some(split)
}

/// Where to split an English word into host and clitic, as UD English does.
fn clitic_split(word: &str) -> Option<usize> {
    let bytes = word.as_bytes();
    for suffix in ["n't", "n\u{2019}t"] {
        if word.len() > suffix.len() && bytes[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes()) {
            return Some(word.len() - suffix.len());
        }
    }
    if let Some((index, apostrophe)) = word.char_indices().rev().find(|&(_, c)| is_apostrophe(c))
        && index > 0
    {
        let suffix = &word[index + apostrophe.len_utf8()..];
        let known = ["s", "re", "ve", "ll", "d", "m"].iter().any(|clitic| suffix.eq_ignore_ascii_case(clitic));
        return known.then_some(index);
    }
    if word.len() == 5 || word.len() == 6 {
        let split = with_lowercase(word, |lower| match lower {
            "cannot" => Some(3),
            "gonna" | "wanna" | "gotta" => Some(3),
            _ => None,
        });
        return split;
    }
    None
}

/// Groups the tokens of one stretch of text into sentences and appends both to `analysis`.
fn split_sentences(text: &str, pieces: &[Piece], single: bool, rules: &LanguageRules, analysis: &mut TextAnalysis) {
    let base = analysis.tokens.len();
    analysis.tokens.extend(
        pieces.iter().map(|piece| Token { span: Span::from_range(piece.start..piece.end), ..Token::default() }),
    );
    let mut push_sentence = |first: usize, last: usize| {
        if first < last {
            analysis.sentences.push(Sentence {
                span: Span::from_range(pieces[first].start..pieces[last - 1].end),
                token_start: u32::try_from(base + first).unwrap_or(u32::MAX),
                token_end: u32::try_from(base + last).unwrap_or(u32::MAX),
            });
        }
    };
    if single {
        push_sentence(0, pieces.len());
        return;
    }
    let mut first = 0;
    let mut index = 0;
    let mut dateline_end = None;
    while index < pieces.len() {
        let piece = pieces[index];
        if index > first && piece.newline_before {
            push_sentence(first, index);
            first = index;
        }
        if index == first {
            dateline_end = dateline(text, pieces, index, rules);
        }
        let ends = match piece.kind {
            _ if dateline_end == Some(index) => true,
            Kind::Terminal => {
                // Closing quotes and brackets right after the final mark belong to the
                // sentence that ends.
                let mut last = index;
                while let Some(next) = pieces.get(last + 1) {
                    if matches!(next.kind, Kind::CloseQuote | Kind::CloseBracket)
                        && next.start == pieces[last].end
                        && !next.newline_before
                    {
                        last += 1;
                    } else {
                        break;
                    }
                }
                // So does a footnote mark after it (`... in 1805. [6]`).
                if let [open, number, close, ..] = pieces.get(last + 1..).unwrap_or(&[])
                    && &text[open.start..open.end] == "["
                    && &text[close.start..close.end] == "]"
                    && !open.newline_before
                    && number.end - number.start <= 4
                    && text[number.start..number.end].bytes().all(|b| b.is_ascii_alphanumeric())
                {
                    last += 3;
                }
                let absorbed = last > index;
                index = last;
                terminal_ends(text, piece, absorbed, pieces.get(last + 1), rules)
            }
            Kind::Abbreviation { can_end: true } => abbreviation_ends(text, piece, pieces.get(index + 1), rules),
            _ => false,
        };
        index += 1;
        if ends {
            push_sentence(first, index);
            first = index;
        }
    }
    push_sentence(first, pieces.len());
}

/// The index of the dash that ends a dateline starting a sentence at `start`: one to four
/// capitalised words (with `/` or `,` between), an optional agency in brackets, a dash,
/// and a capitalised word, number or quote on the same line (`Brüssel (dpa) - Die Nato ...`, `WASHINGTON (Reuters) —`,
/// `Wien – Die Gewerkschaft ...`). Without brackets at most two words may precede the dash.
fn dateline(text: &str, pieces: &[Piece], start: usize, rules: &LanguageRules) -> Option<usize> {
    let on_line = |index: usize| pieces.get(index).filter(|piece| index == start || !piece.newline_before);
    let first_word = on_line(start).map(|piece| &text[piece.start..piece.end])?;
    if with_lowercase(first_word, |lower| rules.sentence_openers.contains(lower)) {
        return None;
    }
    let mut index = start;
    let mut words = 0;
    while let Some(piece) = on_line(index) {
        let piece_text = &text[piece.start..piece.end];
        if piece.kind == Kind::Word && piece_text.starts_with(char::is_uppercase) {
            words += 1;
        } else if !(words > 0 && (piece_text == "/" || piece_text == ",")) {
            break;
        }
        index += 1;
        if words > 4 {
            return None;
        }
    }
    if words == 0 {
        return None;
    }
    let mut bracketed = false;
    if on_line(index).is_some_and(|piece| &text[piece.start..piece.end] == "(") {
        let close = (index + 1..index + 6)
            .find(|&inner| on_line(inner).is_some_and(|piece| piece.kind == Kind::CloseBracket))?;
        index = close + 1;
        bracketed = true;
    }
    let dash = on_line(index).filter(|piece| piece.kind == Kind::Dash && piece.end - piece.start <= 3)?;
    let spaced = dash.start > pieces[index - 1].end && on_line(index + 1).is_some_and(|next| next.start > dash.end);
    let single_dash = text[dash.start..dash.end].chars().count() == 1;
    let next_starts = on_line(index + 1).is_some_and(|next| {
        next.kind == Kind::OpenQuote
            || text[next.start..next.end].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    });
    (spaced && next_starts && (bracketed || (words <= 2 && single_dash))).then_some(index)
}

/// Whether a sentence ends after a final mark (and the closing quotes after it): not
/// before a comma or other continuation, nor before a lowercase word after `...`, after
/// a quoted question (`"Why?" he asked`), or after `!` and `?` in German (`von Hmm bis
/// Göttlich! reichen`).
fn terminal_ends(text: &str, terminal: Piece, absorbed: bool, next: Option<&Piece>, rules: &LanguageRules) -> bool {
    let Some(next) = next else { return true };
    if next.newline_before {
        return true;
    }
    match next.kind {
        Kind::Pause | Kind::CloseBracket | Kind::CloseQuote | Kind::Terminal => false,
        Kind::Word | Kind::Abbreviation { .. } => {
            let starts_lower = text[next.start..].chars().next().is_some_and(char::is_lowercase);
            let mark = &text[terminal.start..terminal.end];
            !starts_lower
                || mark == "."
                || (rules.lowercase_sentence_starts && !absorbed && !mark.starts_with(['.', '…']))
        }
        _ => true,
    }
}

/// Whether a sentence ends after an abbreviation that may end one: before a typical
/// sentence opener or an opening quote, and in German after `usw.`/`etc.` before any
/// capitalised word.
fn abbreviation_ends(text: &str, abbreviation: Piece, next: Option<&Piece>, rules: &LanguageRules) -> bool {
    let Some(next) = next else { return true };
    if next.newline_before {
        return true;
    }
    match next.kind {
        Kind::OpenQuote => true,
        Kind::Word => {
            let word = &text[next.start..next.end];
            let listed_final = rules.final_abbreviation_before_capital
                && with_lowercase(text[abbreviation.start..abbreviation.end].trim_end_matches('.'), |lower| {
                    rules.final_abbreviations.contains(lower)
                });
            word.chars().next().is_some_and(char::is_uppercase)
                && (listed_final || with_lowercase(word, |lower| rules.sentence_openers.contains(lower)))
        }
        _ => false,
    }
}
