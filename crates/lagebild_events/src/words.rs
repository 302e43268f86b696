//! Closed-class word lists per language: auxiliaries, prepositions, conjunctions,
//! negation, modals, speech verbs. Lowercase; compared with normalised forms or lemmas.

use lagebild_doc::Lang;

fn member(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

const DE_AUXILIARIES: &[&str] = &[
    "hat", "haben", "habe", "hatte", "hatten", "hätte", "hätten", "ist", "sind", "sei", "seien",
    "war", "waren", "wäre", "wären", "wird", "werden", "werde", "wurde", "wurden", "würde",
    "würden", "kann", "können", "könne", "könnte", "könnten", "will", "wollen", "wolle", "wollte",
    "wollten", "soll", "sollen", "solle", "sollte", "sollten", "muss", "müssen", "müsse", "musste",
    "mussten", "müsste", "darf", "dürfen", "dürfe", "dürfte", "dürften", "worden",
];
const EN_AUXILIARIES: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "will", "would", "could",
    "can", "may", "might", "shall", "should", "must", "does", "do", "did", "'s", "'re", "'ve",
    "'d", "'ll", "wo", "ca",
];

pub fn is_auxiliary(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::De => member(DE_AUXILIARIES, word),
        _ => member(EN_AUXILIARIES, word),
    }
}

pub fn is_passive_auxiliary(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::De => member(
            &[
                "werden", "wird", "wurde", "wurden", "worden", "werde", "würde", "würden", "wirst",
            ],
            word,
        ),
        _ => member(
            &[
                "be", "is", "are", "was", "were", "been", "being", "get", "got", "gets",
            ],
            word,
        ),
    }
}

pub fn is_agent_preposition(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::De => member(&["von", "durch", "vom"], word),
        _ => word == "by",
    }
}

/// Prepositions that name the actor of a nominal event (`der Besuch von Putin`).
pub fn is_agentive_preposition(word: &str) -> bool {
    member(&["von", "vom", "durch", "of", "by"], word)
}

const DE_PREPOSITIONS: &[&str] = &[
    "an",
    "am",
    "auf",
    "aus",
    "bei",
    "beim",
    "durch",
    "für",
    "gegen",
    "gegenüber",
    "in",
    "im",
    "ins",
    "mit",
    "nach",
    "über",
    "um",
    "unter",
    "von",
    "vom",
    "vor",
    "zu",
    "zum",
    "zur",
    "zwischen",
    "wegen",
    "trotz",
    "seitens",
    "laut",
    "ohne",
    "hinter",
    "neben",
    "nahe",
    "innerhalb",
    "außerhalb",
    "angesichts",
    "gemäß",
    "ab",
    "bis",
    "seit",
    "während",
];
const EN_PREPOSITIONS: &[&str] = &[
    "against", "at", "by", "for", "from", "in", "into", "of", "on", "onto", "over", "to", "toward",
    "towards", "with", "without", "between", "about", "after", "before", "near", "under", "upon",
    "across", "among", "amid", "through", "via", "despite", "within", "inside", "outside",
];

pub fn is_preposition(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::De => member(DE_PREPOSITIONS, word),
        _ => member(EN_PREPOSITIONS, word),
    }
}

pub fn is_conjunction(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::De => member(&["und", "sowie", "oder"], word),
        _ => member(&["and", "or", "as well as"], word),
    }
}

pub fn is_determiner(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::De => member(
            &[
                "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer",
                "eines", "seine", "seinen", "seinem", "ihre", "ihren", "ihrem",
            ],
            word,
        ),
        _ => member(&["the", "a", "an", "its", "their", "his", "her"], word),
    }
}

pub fn is_subordinator(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::De => member(
            &[
                "dass", "daß", "ob", "weil", "wenn", "nachdem", "obwohl", "da", "damit", "als",
                "bevor", "sobald", "falls", "indem",
            ],
            word,
        ),
        _ => member(
            &[
                "that", "because", "whether", "if", "after", "although", "since", "while", "when",
                "before", "who", "which",
            ],
            word,
        ),
    }
}

pub fn is_relative_pronoun(word: &str) -> bool {
    member(
        &[
            "der", "die", "das", "dem", "den", "deren", "dessen", "welche", "welcher", "welches",
        ],
        word,
    )
}

pub fn is_negation(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::De => member(
            &[
                "nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals",
                "nirgends",
            ],
            word,
        ),
        _ => member(&["not", "n't", "never", "no", "neither", "nor"], word),
    }
}

pub fn is_hypothetical(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::De => member(
            &[
                "könnte",
                "könnten",
                "könne",
                "können",
                "kann",
                "möglich",
                "möglicherweise",
                "würde",
                "würden",
                "dürfte",
                "dürften",
                "wäre",
                "wären",
                "hätte",
                "hätten",
                "vielleicht",
                "eventuell",
                "falls",
                "wenn",
            ],
            word,
        ),
        _ => member(
            &[
                "would", "could", "may", "might", "possibly", "perhaps", "if", "can",
            ],
            word,
        ),
    }
}

pub fn is_future(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::De => member(
            &[
                "will",
                "wollen",
                "wolle",
                "wollte",
                "wollten",
                "plant",
                "planen",
                "plante",
                "planten",
                "beabsichtigt",
                "beabsichtigen",
                "vorhat",
                "angekündigt",
                "kündigt",
                "kündigte",
                "ankündigen",
                "demnächst",
                "künftig",
                "morgen",
            ],
            word,
        ),
        _ => member(
            &[
                "will",
                "'ll",
                "shall",
                "plans",
                "planned",
                "plan",
                "intends",
                "intend",
                "intended",
                "announced",
                "wants",
                "want",
                "going",
                "tomorrow",
            ],
            word,
        ),
    }
}

/// Forms of German `werden` that make a future with an infinitive.
pub fn is_future_auxiliary_de(word: &str) -> bool {
    member(&["wird", "werden", "werde", "wirst", "werdet"], word)
}

const DE_SPEECH: &[&str] = &[
    "sagen",
    "sagte",
    "sagten",
    "sagt",
    "erklären",
    "erklärte",
    "erklärten",
    "erklärt",
    "betonen",
    "betonte",
    "betont",
    "warnen",
    "warnte",
    "warnt",
    "mitteilen",
    "teilte",
    "teilt",
    "berichten",
    "berichtete",
    "berichtet",
    "unterstreichen",
    "unterstrich",
    "unterstreicht",
    "meinen",
    "meinte",
    "behaupten",
    "behauptete",
    "behauptet",
    "versichern",
    "versicherte",
    "fordern",
    "forderte",
    "kritisieren",
    "kritisierte",
    "andeuten",
    "deutete",
    "bekräftigen",
    "bekräftigte",
    "hinweisen",
    "wies",
    "zufolge",
    "laut",
    "schreiben",
    "schrieb",
    "hieß",
    "heißt",
    "äußern",
    "äußerte",
];
const EN_SPEECH: &[&str] = &[
    "say",
    "said",
    "says",
    "tell",
    "told",
    "tells",
    "state",
    "stated",
    "claim",
    "claimed",
    "warn",
    "warned",
    "report",
    "reported",
    "announce",
    "announced",
    "according",
    "insist",
    "insisted",
    "argue",
    "argued",
    "add",
    "added",
    "note",
    "noted",
    "declare",
    "declared",
];

pub fn is_speech(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::De => member(DE_SPEECH, word),
        _ => member(EN_SPEECH, word),
    }
}

/// German Konjunktiv I finite forms that cannot be indicative (`sei`, `habe`,
/// `verstoße`, `könne`): 3rd person singular ending in `-e`.
pub fn looks_konjunktiv_one(word: &str) -> bool {
    member(
        &[
            "sei", "seien", "habe", "könne", "müsse", "solle", "wolle", "dürfe", "werde", "gebe",
            "stehe", "liege", "gehe",
        ],
        word,
    )
}

/// Words that place an event in the background, long before the report.
pub fn is_past_cue(lang: Lang, phrase: &str) -> bool {
    const DE: &[&str] = &[
        "amtszeit",
        "damals",
        "vor jahren",
        "vor wochen",
        "vor monaten",
        "vor jahrzehnten",
        "früher",
        "einst",
        "seinerzeit",
        "im wahlkampf",
    ];
    const EN: &[&str] = &[
        "first term",
        "years ago",
        "months ago",
        "weeks ago",
        "at the time",
        "back then",
        "decades ago",
        "formerly",
        "once",
    ];
    let list = if lang == Lang::De { DE } else { EN };
    list.iter().any(|cue| phrase.contains(cue))
}

/// Words before a nominal trigger that make it no specific, real event.
pub fn is_indefinite_or_hypothetical(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::De => member(
            &[
                "ein",
                "eine",
                "einen",
                "einem",
                "einer",
                "eines",
                "möglichen",
                "mögliche",
                "möglicher",
                "künftige",
                "künftigen",
                "geplante",
                "geplanten",
                "etwaige",
                "etwaigen",
                "kein",
                "keine",
                "keinen",
            ],
            word,
        ),
        _ => member(
            &[
                "a",
                "an",
                "possible",
                "potential",
                "future",
                "planned",
                "any",
                "no",
            ],
            word,
        ),
    }
}

/// German words (or compound endings) that only sports reports use, and match scores
/// ("2:0", "6:4", never clock times): sentences with them are not coded.
const DE_SPORTS: &[&str] = &[
    "achtelfinale",
    "viertelfinale",
    "halbfinale",
    "rückspiel",
    "hinspiel",
    "spieltag",
    "bundesliga",
    "tabellenführer",
    "schlusslicht",
    "elfer",
    "elfmeter",
    "torhüter",
    "auswärtsspiel",
    "heimspiel",
    "weltcup",
    "champions-league",
    "europa-league",
    "meistertitel",
    "abfahrt",
    "slalom",
    "qualifikationsspiel",
    "länderspiel",
    "freundschaftsspiel",
];

pub fn is_sports_marker(lang: Lang, surface: &str) -> bool {
    let score = surface.split_once(':').is_some_and(|(left, right)| {
        !left.is_empty()
            && !right.is_empty()
            && left.len() <= 2
            // Clock times have two-digit minutes ("14:30").
            && right.len() == 1
            && left.chars().all(|c| c.is_ascii_digit())
            && right.chars().all(|c| c.is_ascii_digit())
    });
    if score {
        return true;
    }
    if lang != Lang::De {
        return false;
    }
    let lower = surface.to_lowercase();
    DE_SPORTS.iter().any(|term| {
        lower == *term
            || lower.ends_with(&format!("-{term}"))
            || (lower.len() > term.len() + 3
                && lower.ends_with(term)
                && !matches!(*term, "abfahrt" | "elfer"))
    })
}
