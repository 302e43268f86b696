//! Data-driven segmentation tests: input text -> expected tokens separated by `|` and
//! sentences by newlines. Every case also checks the span invariants.

use lagebild_doc::{Lang, Span, TextAnalysis};
use lagebild_text::segment;
use proptest::prelude::*;

/// Clamps like the segmenter does, to know which region the result must cover.
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

/// Checks the guarantees of `segment`: tokens sorted, non-empty, on char boundaries,
/// inside the region; only whitespace between and around them; sentences partition the
/// tokens in order; the title, if any, is exactly one sentence.
fn assert_invariants(text: &str, region: Span, title: Option<Span>, analysis: &TextAnalysis) {
    let (start, end) = clamp(text, region, 0, text.len());
    let mut cursor = start;
    for token in &analysis.tokens {
        let (token_start, token_end) = (token.span.start as usize, token.span.end as usize);
        assert!(token_start < token_end, "empty token {:?}", token.span);
        assert!(
            token_start >= cursor && token_end <= end,
            "token {:?} out of order or region {start}..{end}",
            token.span
        );
        assert!(
            text.is_char_boundary(token_start) && text.is_char_boundary(token_end),
            "token {:?} inside a char",
            token.span
        );
        let gap = &text[cursor..token_start];
        assert!(gap.chars().all(char::is_whitespace), "non-whitespace gap {gap:?} before {:?}", token.span);
        cursor = token_end;
    }
    let tail = &text[cursor..end];
    assert!(tail.chars().all(char::is_whitespace), "non-whitespace tail {tail:?}");
    let mut next_token = 0u32;
    for sentence in &analysis.sentences {
        assert_eq!(sentence.token_start, next_token, "sentences must partition the tokens");
        assert!(sentence.token_end > sentence.token_start, "empty sentence {sentence:?}");
        let tokens = &analysis.tokens[sentence.token_range()];
        assert_eq!(sentence.span, Span::new(tokens[0].span.start, tokens[tokens.len() - 1].span.end));
        next_token = sentence.token_end;
    }
    assert_eq!(next_token as usize, analysis.tokens.len(), "sentences must cover all tokens");
    if let Some(title) = title {
        let (title_start, title_end) = clamp(text, title, start, end);
        if title_start >= title_end {
            return;
        }
        let inside: Vec<_> = analysis
            .sentences
            .iter()
            .filter(|sentence| (sentence.span.start as usize) < title_end && sentence.span.end as usize > title_start)
            .collect();
        assert!(inside.len() <= 1, "title {title_start}..{title_end} split into {inside:?}");
        if let Some(sentence) = inside.first() {
            assert!(sentence.span.start as usize >= title_start && sentence.span.end as usize <= title_end);
        }
    }
}

fn render(text: &str, analysis: &TextAnalysis) -> String {
    analysis
        .sentences
        .iter()
        .map(|sentence| {
            analysis.tokens[sentence.token_range()]
                .iter()
                .map(|token| token.span.slice(text))
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn check_with(lang: Lang, text: &str, title: Option<std::ops::Range<usize>>, expected: &str) {
    let region = Span::from_range(0..text.len());
    let title = title.map(Span::from_range);
    let analysis = segment(text, region, lang, title);
    assert_invariants(text, region, title, &analysis);
    let actual = render(text, &analysis);
    assert_eq!(actual, expected.trim(), "\ninput: {text:?}\nactual:\n{actual}\nexpected:\n{}\n", expected.trim());
}

fn check(lang: Lang, text: &str, expected: &str) {
    check_with(lang, text, None, expected);
}

#[test]
fn german_basic_sentences() {
    check(
        Lang::De,
        "Nato wirft Russland Hilfe vor. Das sagte Nato-Generalsekretär Mark Rutte am Mittwoch in Brüssel.",
        "Nato|wirft|Russland|Hilfe|vor|.\nDas|sagte|Nato-Generalsekretär|Mark|Rutte|am|Mittwoch|in|Brüssel|.",
    );
    check(Lang::De, "Kommt er? Ja! Sicher…", "Kommt|er|?\nJa|!\nSicher|…");
    check(Lang::De, "Warum nur?! Niemand weiß es.", "Warum|nur|?|!\nNiemand|weiß|es|.");
}

#[test]
fn german_abbreviations() {
    check(
        Lang::De,
        "Länder wie z. B. Polen, Dr. Müller und Prof. Schmidt bzw. die Nr. 2 kamen ca. um 9 Uhr.",
        "Länder|wie|z.|B.|Polen|,|Dr.|Müller|und|Prof.|Schmidt|bzw.|die|Nr.|2|kamen|ca.|um|9|Uhr|.",
    );
    check(
        Lang::De,
        "Er traf u. a. Vertreter der UN, d. h. der Vereinten Nationen, z.B. in St. Gallen.",
        "Er|traf|u.|a.|Vertreter|der|UN|,|d.|h.|der|Vereinten|Nationen|,|z.B.|in|St.|Gallen|.",
    );
    check(Lang::De, "Er kaufte Brot, Käse usw. Dann ging er.", "Er|kaufte|Brot|,|Käse|usw.\nDann|ging|er|.");
    check(Lang::De, "Das Ende kam im 5. Jh. v. Chr. Danach nicht.", "Das|Ende|kam|im|5.|Jh.|v.|Chr.\nDanach|nicht|.");
}

#[test]
fn german_ordinals_and_dates() {
    check(
        Lang::De,
        "Am 20. Januar 2025 beginnt die Amtszeit. Am 3. März 2024 gewann der 1. FC Köln.",
        "Am|20.|Januar|2025|beginnt|die|Amtszeit|.\nAm|3.|März|2024|gewann|der|1.|FC|Köln|.",
    );
    check(Lang::De, "Sie kam auf Platz 3. Danach regnete es.", "Sie|kam|auf|Platz|3|.\nDanach|regnete|es|.");
    check(
        Lang::De,
        "Die Zahl stieg auf 20. Rettungskräfte suchen weiter.",
        "Die|Zahl|stieg|auf|20|.\nRettungskräfte|suchen|weiter|.",
    );
    check(Lang::De, "Das geschah am 20.01.2024 in Berlin.", "Das|geschah|am|20.01.2024|in|Berlin|.");
    check(Lang::De, "Im späten 15. Jahrhundert begann es.", "Im|späten|15.|Jahrhundert|begann|es|.");
    check(Lang::De, "1. FC Köln gewinnt.", "1.|FC|Köln|gewinnt|.");
}

#[test]
fn german_numbers() {
    check(
        Lang::De,
        "Rund 2.500 Soldaten, also 24,5 Prozent, kosten 3,5 Mio. Euro oder 12:30 Uhr.",
        "Rund|2.500|Soldaten|,|also|24,5|Prozent|,|kosten|3,5|Mio.|Euro|oder|12:30|Uhr|.",
    );
    check(Lang::De, "Der Anteil sank um 5%.", "Der|Anteil|sank|um|5|%|.");
}

#[test]
fn german_compounds() {
    check(
        Lang::De,
        "Die Raketen- und Nuklearprogramme, Ein-, Aus- und Durchfuhr sowie US-Präsident Biden.",
        "Die|Raketen-|und|Nuklearprogramme|,|Ein-|,|Aus-|und|Durchfuhr|sowie|US-Präsident|Biden|.",
    );
    check(Lang::De, "Alle Bürger*innen und Lehrer:innen kamen.", "Alle|Bürger*innen|und|Lehrer:innen|kamen|.");
    check(
        Lang::De,
        "Er ging zum Bahnhof und im Zug beim Schaffner vom Dienst.",
        "Er|ging|zum|Bahnhof|und|im|Zug|beim|Schaffner|vom|Dienst|.",
    );
    check(Lang::De, "Wie geht's dir?", "Wie|geht's|dir|?");
}

#[test]
fn german_quotes() {
    check(
        Lang::De,
        "„Wir sind bereit“, sagte er. »Das ist gut«, meinte sie.",
        "„|Wir|sind|bereit|“|,|sagte|er|.\n»|Das|ist|gut|«|,|meinte|sie|.",
    );
    check(Lang::De, "Er sagte: „Wir kommen.“ Dann ging er.", "Er|sagte|:|„|Wir|kommen|.|“\nDann|ging|er|.");
    check(Lang::De, "„Warum?“, fragte er.", "„|Warum|?|“|,|fragte|er|.");
    check(
        Lang::De,
        "Er sagte: „Sie rief ‚Wir kommen.‘“ Dann ging er. »Das ‚Ja‘ gilt«, sagte sie.",
        "Er|sagte|:|„|Sie|rief|‚|Wir|kommen|.|‘|“\nDann|ging|er|.\n»|Das|‚|Ja|‘|gilt|«|,|sagte|sie|.",
    );
    check(Lang::De, "Die sogenannte ‚Zeitenwende‘ kam.", "Die|sogenannte|‚|Zeitenwende|‘|kam|.");
    check(Lang::De, "Das Motto ist «Freiheit». Gut.", "Das|Motto|ist|«|Freiheit|»|.\nGut|.");
    check(Lang::De, "``Das reicht'', sagte sie.", "``|Das|reicht|''|,|sagte|sie|.");
    // A sentence end inside a quote ends the sentence; the quote goes on in the next.
    check(Lang::De, "\"Wir kommen. Morgen\", sagte er.", "\"|Wir|kommen|.\nMorgen|\"|,|sagte|er|.");
}

#[test]
fn german_brackets_and_dashes() {
    check(
        Lang::De,
        "Die Sozialdemokraten (SPD) verloren – deutlich. Die Grünen [sic] auch - kaum.",
        "Die|Sozialdemokraten|(|SPD|)|verloren|–|deutlich|.\nDie|Grünen|[|sic|]|auch|-|kaum|.",
    );
    check(Lang::De, "Er zögerte ... und ging. Dann kam sie.", "Er|zögerte|...|und|ging|.\nDann|kam|sie|.");
    check(Lang::De, "(Er kam.) Sie nicht.", "(|Er|kam|.|)\nSie|nicht|.");
}

#[test]
fn german_headlines_and_paragraphs() {
    let text = "Nato wirft Russland Hilfe vor\nVon Anna Beispiel\nBrüssel (dpa) - Die Nato warnt. Russland schweigt";
    check_with(
        Lang::De,
        text,
        Some(0..29),
        "Nato|wirft|Russland|Hilfe|vor\nVon|Anna|Beispiel\nBrüssel|(|dpa|)|-\nDie|Nato|warnt|.\nRussland|schweigt",
    );
    // Every line break ends a sentence, also one that seems to wrap a line.
    check(
        Lang::De,
        "Er hält sich im\ndeutschen Grenzgebiet auf\nDie Polizei\n\nweiß es",
        "Er|hält|sich|im\ndeutschen|Grenzgebiet|auf\nDie|Polizei\nweiß|es",
    );
    check(Lang::En, "A\u{b}b\r\nC\u{2029}d", "A\nb\nC\nd");
    // A title is one sentence even with inner punctuation, and ends one without.
    check_with(Lang::De, "Krieg. Frieden? Nein Dann kam es.", Some(0..20), "Krieg|.|Frieden|?|Nein\nDann|kam|es|.");
}

#[test]
fn datelines() {
    check(Lang::De, "Wien – Die Gewerkschaft warnt.", "Wien|–\nDie|Gewerkschaft|warnt|.");
    check(Lang::De, "BRÜSSEL/BERLIN (dpa/AFP) – Die Nato warnt.", "BRÜSSEL|/|BERLIN|(|dpa|/|AFP|)|–\nDie|Nato|warnt|.");
    check(Lang::En, "KYIV, Ukraine (AP) — Russia attacked.", "KYIV|,|Ukraine|(|AP|)|—\nRussia|attacked|.");
    // Not datelines: a sentence opener, too many words, no text after the dash.
    check(Lang::De, "Die Nato – das Bündnis – warnt.", "Die|Nato|–|das|Bündnis|–|warnt|.");
    check(Lang::De, "Grüne Union Berlin Mitte Süd – alle dabei.", "Grüne|Union|Berlin|Mitte|Süd|–|alle|dabei|.");
    check(Lang::De, "Berlin –\nDie Stadt.", "Berlin|–\nDie|Stadt|.");
    check(Lang::De, "Das Team kam -- Super Sache.", "Das|Team|kam|--|Super|Sache|.");
    // A dateline after the teaser on the same line (as in many news exports).
    check(
        Lang::De,
        "Die Gewerkschaft fordert mehr. Wien – Die GPA sieht Bedarf.",
        "Die|Gewerkschaft|fordert|mehr|.\nWien|–\nDie|GPA|sieht|Bedarf|.",
    );
}

#[test]
fn urls_and_mail() {
    check(
        Lang::De,
        "Mehr unter https://www.tagesschau.de/ausland/nato-100.html. Fragen an info@example.org!",
        "Mehr|unter|https://www.tagesschau.de/ausland/nato-100.html|.\nFragen|an|info@example.org|!",
    );
    check(
        Lang::En,
        "Contact press@nato.int or visit www.nato.int (see nato.int) today.",
        "Contact|press@nato.int|or|visit|www.nato.int|(|see|nato.int|)|today|.",
    );
}

#[test]
fn english_clitics() {
    check(Lang::En, "Don't worry, Russia's army can't win.", "Do|n't|worry|,|Russia|'s|army|ca|n't|win|.");
    check(Lang::En, "I'm sure they'll come, won't they?", "I|'m|sure|they|'ll|come|,|wo|n't|they|?");
    check(Lang::En, "It’s ‘historic’, she said.", "It|’s|‘|historic|’|,|she|said|.");
    check(Lang::En, "The parents' group cannot meet.", "The|parents|'|group|can|not|meet|.");
    check(Lang::En, "O'Neill said we're gonna win.", "O'Neill|said|we|'re|gon|na|win|.");
}

#[test]
fn english_abbreviations() {
    check(
        Lang::En,
        "Mr. Smith and Mrs. Jones met Dr. Brown at St. Paul's on Jan. 5.",
        "Mr.|Smith|and|Mrs.|Jones|met|Dr.|Brown|at|St.|Paul|'s|on|Jan.|5|.",
    );
    check(
        Lang::En,
        "The U.S. and the U.N. agreed, e.g. on trade, i.e. tariffs.",
        "The|U.S.|and|the|U.N.|agreed|,|e.g.|on|trade|,|i.e.|tariffs|.",
    );
    check(
        Lang::En,
        "Shares of Acme Corp. rose 3.5 percent to $1,000.50. The U.S. Army said so.",
        "Shares|of|Acme|Corp.|rose|3.5|percent|to|$|1,000.50|.\nThe|U.S.|Army|said|so|.",
    );
    check(Lang::En, "He moved to the U.S. The move was planned.", "He|moved|to|the|U.S.\nThe|move|was|planned|.");
    check(Lang::En, "Jan said no. Then he left.", "Jan|said|no|.\nThen|he|left|.");
}

#[test]
fn english_quotes_and_dashes() {
    check(Lang::En, "\"We will respond,\" he said. \"Soon.\"", "\"|We|will|respond|,|\"|he|said|.\n\"|Soon|.|\"");
    check(Lang::En, "“Why?” he asked. Nobody knew.", "“|Why|?|”|he|asked|.\nNobody|knew|.");
    check(
        Lang::En,
        "He said: 'They called it a \"red line.\"' Then he left.",
        "He|said|:|'|They|called|it|a|\"|red|line|.|\"|'\nThen|he|left|.",
    );
    check(Lang::En, "The deal—signed in 2024—failed -- again.", "The|deal|—|signed|in|2024|—|failed|--|again|.");
    check(Lang::En, "It was great :) Thanks!!! Bye.", "It|was|great|:)|Thanks|!!!\nBye|.");
}

#[test]
fn english_web_and_numbers() {
    check(
        Lang::En,
        "Follow #Nato and @dpa_news at 10am for the $1.4bn deal and/or 24/7 news at 50 km/h.",
        "Follow|#Nato|and|@dpa_news|at|10|am|for|the|$|1.4|bn|deal|and|/|or|24/7|news|at|50|km/h|.",
    );
    check(
        Lang::En,
        "It was sold in the 1990s and 1st place went to Acme Inc.. Then it ended.",
        "It|was|sold|in|the|1990s|and|1st|place|went|to|Acme|Inc.|.\nThen|it|ended|.",
    );
    check(Lang::En, "Nice :-). Really.", "Nice|:-)|.\nReally|.");
    check(
        Lang::En,
        "He studied at Harrow in 1805. [6] Then he left.",
        "He|studied|at|Harrow|in|1805|.|[|6|]\nThen|he|left|.",
    );
    check(Lang::En, "see you. call me later.", "see|you|.\ncall|me|later|.");
}

#[test]
fn german_sport_and_list_abbreviations() {
    check(
        Lang::De,
        "Tore: Müller (79.) und Kane (86.) trafen. Platz fünf ging an Thailand I. Die Damen schieden aus.",
        "Tore|:|Müller|(|79.|)|und|Kane|(|86.|)|trafen|.\nPlatz|fünf|ging|an|Thailand|I.\nDie|Damen|schieden|aus|.",
    );
    check(
        Lang::De,
        "Er nannte Kosten, Fristen usw. Demgemäß lehnte Bundeskanzler a.D. Helmut Schmidt die Müller GmbH & Co. KG ab.",
        "Er|nannte|Kosten|,|Fristen|usw.\nDemgemäß|lehnte|Bundeskanzler|a.D.|Helmut|Schmidt|die|Müller|GmbH|&|Co.|KG|ab|.",
    );
    check(
        Lang::De,
        "Ergebnis: 1. Latvala – 2. Mikkelsen (APA, 30. 9. 2015)",
        "Ergebnis|:|1.|Latvala|–|2.|Mikkelsen|(|APA|,|30.|9.|2015|)",
    );
    check(
        Lang::De,
        "Das Kostüm zum 1./2. Weltkrieg, das von Hmm bis Göttlich! reicht.",
        "Das|Kostüm|zum|1.|/|2.|Weltkrieg|,|das|von|Hmm|bis|Göttlich|!|reicht|.",
    );
    check(
        Lang::De,
        "Er war beim „2. Deutschen Klimakongress“. Chronik der Krise 1. Tag: Beginn",
        "Er|war|beim|„|2.|Deutschen|Klimakongress|“|.\nChronik|der|Krise|1.|Tag|:|Beginn",
    );
    check(
        Lang::De,
        "So der EuGH.Hingegen sagte Dr.Müller von tagesschau.de nichts.",
        "So|der|EuGH|.\nHingegen|sagte|Dr.|Müller|von|tagesschau.de|nichts|.",
    );
    check(Lang::De, "Siehe pic.twitter.com/AbC12x Der Text.", "Siehe|pic.twitter.com/AbC12x|Der|Text|.");
}

#[test]
fn german_possessive_and_repeated_marks() {
    check(Lang::De, "Pompeius' Heer und Marx' Werk. Toll!!", "Pompeius'|Heer|und|Marx'|Werk|.\nToll|!|!");
    check(
        Lang::De,
        "Der Abg. der Grünen und der ehem. Minister kamen.",
        "Der|Abg.|der|Grünen|und|der|ehem.|Minister|kamen|.",
    );
}

#[test]
fn english_headline_title() {
    let text = "NATO accuses Russia of helping North Korea\nBRUSSELS (Reuters) — NATO said on Wednesday.";
    check_with(
        Lang::En,
        text,
        Some(0..42),
        "NATO|accuses|Russia|of|helping|North|Korea\nBRUSSELS|(|Reuters|)|—\nNATO|said|on|Wednesday|.",
    );
}

#[test]
fn regions_and_odd_spans_are_clamped() {
    let text = "Ä Öl. Über";
    // A region that starts and ends inside multi-byte characters.
    let analysis = segment(text, Span::new(1, 11), Lang::De, Some(Span::new(7, 100)));
    assert_invariants(text, Span::new(1, 11), Some(Span::new(7, 100)), &analysis);
    let forms: Vec<&str> = analysis.tokens.iter().map(|token| token.span.slice(text)).collect();
    assert_eq!(forms, ["Öl", ".", "Üb"]);
    assert_eq!(analysis.sentences.len(), 2);
    assert!(segment(text, Span::new(50, 60), Lang::De, None).tokens.is_empty());
    assert!(segment(text, Span::new(8, 3), Lang::En, None).tokens.is_empty());
    assert!(segment("   \n ", Span::new(0, 5), Lang::En, None).sentences.is_empty());
}

#[test]
fn long_chunks_without_spaces_stay_cheap() {
    // Quadratic rescanning of a chunk would make this take minutes.
    for piece in ["a,", "a.", "(a", "a@", "a/", "x.de/", "a'", "1.", "#a", ":)"] {
        let text = piece.repeat(100_000);
        let region = Span::from_range(0..text.len());
        let analysis = segment(&text, region, Lang::De, None);
        assert_invariants(&text, region, None, &analysis);
        assert!(!analysis.tokens.is_empty());
    }
}

#[test]
fn unknown_language_uses_both_lists() {
    check(Lang::Other, "Dr. Who met Mr. Bean z. B. today.", "Dr.|Who|met|Mr.|Bean|z.|B.|today|.");
}

fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Wort",
        "US-Präsident",
        "Raketen-",
        "z.",
        "B.",
        "Dr.",
        "U.S.",
        "20.",
        "2.500",
        "24,5",
        " ",
        " ",
        "\n",
        ".",
        ",",
        "!",
        "?",
        "…",
        "...",
        "„",
        "“",
        "”",
        "\"",
        "'",
        "’",
        "‘",
        "‚",
        "«",
        "»",
        "(",
        ")",
        "-",
        "–",
        "—",
        "don't",
        "Russia's",
        "http://x.de/a?b=1.",
        "a@b.de",
        "Über",
        "ß",
        "é",
        "\u{301}",
        "\u{200d}",
        "🙂",
        "\u{a0}",
        "\r\n",
        ":)",
        "*",
        "Bürger*innen",
        "12:30",
        "Jan.",
        "1.",
        "XVI.",
        "usw.",
        "``",
        "''",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_on_arbitrary_text(
        text in "\\PC{0,80}|[a-zA-Z .,!?\"'„“\n-]{0,80}|[\\x00-\\x20a.\u{85}\u{2028}\u{2029}]{0,40}",
        start in 0u32..100,
        length in 0u32..120,
        title in proptest::option::of((0u32..100, 0u32..60)),
        lang in prop::sample::select(vec![Lang::De, Lang::En, Lang::Other]),
    ) {
        let region = Span::new(start, start.saturating_add(length));
        let title = title.map(|(first, length)| Span::new(first, first + length));
        let analysis = segment(&text, region, lang, title);
        assert_invariants(&text, region, title, &analysis);
    }

    #[test]
    fn invariants_hold_on_tricky_text(
        text in tricky_text(),
        start in 0u32..20,
        title in proptest::option::of((0u32..200, 0u32..80)),
        lang in prop::sample::select(vec![Lang::De, Lang::En]),
    ) {
        let region = Span::new(start, u32::MAX);
        let title = title.map(|(first, length)| Span::new(first, first + length));
        let analysis = segment(&text, region, lang, title);
        assert_invariants(&text, region, title, &analysis);
    }
}
