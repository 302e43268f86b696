//! English coding with PETRARCH-style dictionaries of our own: hand-built parses of our
//! own sentences and the events expected from them, through one `check` helper.

mod common;

use common::{Fixture, dyad};
use lagebild_doc::Lang;
use lagebild_events::Coder;

/// A coder on a PETRARCH verb dictionary given as text.
fn coder(verbs: &str) -> std::sync::Arc<Coder> {
    // One file per call: tests run in parallel and may load the same dictionary.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path =
        std::env::temp_dir().join(format!("lagebild_english_{}_{n}.txt", std::process::id()));
    if let Err(error) = std::fs::write(&path, verbs) {
        panic!("{}: {error}", path.display());
    }
    let coder = Coder::builder().petrarch_verbs(&path).build();
    let _ = std::fs::remove_file(&path);
    coder.unwrap_or_else(|error| panic!("{error}"))
}

/// Codes the sentence (`parse` as in [`Fixture`], or empty for an unparsed sentence) and
/// compares the events, one `SRC->TGT CODE` line each.
fn check(coder: &Coder, parse: &str, text: &str, actors: &[(&str, &str)], expected: &[&str]) {
    let fixture = Fixture {
        lang: Lang::En,
        text,
        parse: (!parse.trim().is_empty()).then_some(parse),
        actors,
        published: None,
    };
    common::check_events(coder, fixture, dyad, expected);
}

const SAY: &str = "--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n\n--- BELIEVE [023] ---\nBELIEVE\n";

#[test]
fn a_bare_statement_takes_no_target_from_its_clause() {
    let coder = coder(SAY);
    let actors = [("Arland", "ARL"), ("Borland", "BOR")];
    // "Borland" is the subject of the clause under "said": nothing is said to Borland.
    let parse = "
        Arland Arland PROPN 2 nsubj
        said say VERB 0 root Tense=Past|VerbForm=Fin
        Borland Borland PROPN 4 nsubj
        attacked attack VERB 2 ccomp Tense=Past|VerbForm=Fin
        villages village NOUN 4 obj
        . . PUNCT 2 punct";
    check(&coder, parse, "", &actors, &[]);
    // Said to Borland: the statement's own phrase.
    let parse = "
        Arland Arland PROPN 2 nsubj
        said say VERB 0 root Tense=Past|VerbForm=Fin
        to to ADP 4 case
        Borland Borland PROPN 2 obl
        . . PUNCT 2 punct";
    check(&coder, parse, "", &actors, &["ARL->BOR 010"]);
    // A verb of another code keeps PETRARCH's reach into the clause.
    let parse = "
        Arland Arland PROPN 2 nsubj
        believes believe VERB 0 root Tense=Pres|VerbForm=Fin
        Borland Borland PROPN 5 nsubj
        can can AUX 5 aux
        cope cope VERB 2 ccomp
        . . PUNCT 2 punct";
    check(&coder, parse, "", &actors, &["ARL->BOR 023"]);
}

#[test]
fn a_statement_pattern_takes_no_target_by_word_order() {
    let coder = coder("--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n- * CONCERN [012]\n");
    // The concern is about migrants staying in Borland, not addressed to Borland.
    let parse = "
        Arland Arland PROPN 2 nsubj
        said say VERB 0 root Tense=Past|VerbForm=Fin
        there there PRON 4 expl
        were be VERB 2 ccomp Tense=Past|VerbForm=Fin
        concerns concern NOUN 4 nsubj
        that that SCONJ 9 mark
        migrants migrant NOUN 9 nsubj
        would would AUX 9 aux
        stay stay VERB 5 acl VerbForm=Inf
        in in ADP 11 case
        Borland Borland PROPN 9 obl
        . . PUNCT 2 punct";
    check(
        &coder,
        parse,
        "",
        &[("Arland", "ARL"), ("Borland", "BOR")],
        &[],
    );
}

#[test]
fn sports_reports_code_nothing() {
    let coder = coder("--- DEFEAT [190] ---\nDEFEAT\nBEAT {BEATS BEAT BEATEN}\n");
    let actors = [("Arland", "ARL"), ("Borland", "BOR")];
    check(&coder, "", "Arland beat Borland 2 – 1 .", &actors, &[]);
    check(
        &coder,
        "",
        "Arland beat Borland in the football final .",
        &actors,
        &[],
    );
    check(
        &coder,
        "",
        "Arland beat Borland .",
        &actors,
        &["ARL->BOR 190"],
    );
}

#[test]
fn two_actors_of_unknown_state_make_no_dyad() {
    let coder = coder("--- RESCUE [073] ---\nRESCUE\n");
    let parse = "
        Fishermen fisherman NOUN 2 nsubj
        rescued rescue VERB 0 root Tense=Past|VerbForm=Fin
        migrants migrant NOUN 2 obj
        . . PUNCT 2 punct";
    check(
        &coder,
        parse,
        "",
        &[("Fishermen", "---AGR"), ("migrants", "---REF")],
        &[],
    );
    // One side of known state is enough.
    check(
        &coder,
        parse,
        "",
        &[("Fishermen", "ARLMIL"), ("migrants", "---REF")],
        &["ARLMIL->---REF 073"],
    );
}

#[test]
fn an_exchange_within_a_compound_subject_goes_both_ways() {
    let coder = coder(
        "&WEAPON\n+ARTILLERY\n+MORTAR\n\n--- TRADE [060] ---\nEXCHANGE\n- * &WEAPON [194:194]\n",
    );
    // "artillery" is the weapon of the pattern and a modifier of "fire": no target. The two
    // members of the subject fire at each other.
    let parse = "
        Arland Arland PROPN 4 nsubj
        and and CCONJ 3 cc
        Borland Borland PROPN 1 conj
        exchanged exchange VERB 0 root Tense=Past|VerbForm=Fin
        artillery artillery NOUN 6 compound
        fire fire NOUN 4 obj
        . . PUNCT 4 punct";
    let actors = [
        ("Arland", "ARL"),
        ("Borland", "BOR"),
        ("artillery", "---MIL"),
    ];
    check(
        &coder,
        parse,
        "",
        &actors,
        &["ARL->BOR 194", "BOR->ARL 194"],
    );
    // One side alone exchanges fire with nobody named.
    let parse = "
        Arland Arland PROPN 2 nsubj
        exchanged exchange VERB 0 root Tense=Past|VerbForm=Fin
        artillery artillery NOUN 4 compound
        fire fire NOUN 2 obj
        . . PUNCT 2 punct";
    check(
        &coder,
        parse,
        "",
        &[("Arland", "ARL"), ("artillery", "---MIL")],
        &[],
    );
}

#[test]
fn pattern_words_keep_their_side_of_the_verb() {
    // `- &WEAPON *` is a weapon that explodes, `- * &WEAPON` one that is fired.
    let coder = coder(
        "&WEAPON\n+ROCKET\n+MORTAR\n\n--- FIRE [190] ---\nFIRE\n- &WEAPON * [183]\n- * &WEAPON [194]\n",
    );
    let parse = "
        Arland Arland PROPN 2 nsubj
        fired fire VERB 0 root Tense=Past|VerbForm=Fin
        rockets rocket NOUN 2 obj
        at at ADP 5 case
        Borland Borland PROPN 2 obl
        . . PUNCT 2 punct";
    check(
        &coder,
        parse,
        "",
        &[("Arland", "ARL"), ("Borland", "BOR")],
        &["ARL->BOR 194"],
    );
}

#[test]
fn a_participle_of_a_noun_takes_no_subject_by_word_order() {
    // The sanctions were imposed on Borland; Arland only condemned them.
    let coder = coder("--- IMPOSE [163] ---\nIMPOSE\n");
    let parse = "
        Arland Arland PROPN 2 nsubj
        condemned condemn VERB 0 root Tense=Past|VerbForm=Fin
        the the DET 4 det
        sanctions sanction NOUN 2 obj
        imposed impose VERB 4 acl Tense=Past|VerbForm=Part|Voice=Pass
        on on ADP 7 case
        Borland Borland PROPN 5 obl
        . . PUNCT 2 punct";
    check(
        &coder,
        parse,
        "",
        &[("Arland", "ARL"), ("Borland", "BOR")],
        &[],
    );
}

fn coder_with_celebrate() -> std::sync::Arc<Coder> {
    coder("--- CELEBRATE [050] ---\nCELEBRATE\n- * (WITH +) [050]\n")
}

#[test]
fn passives_and_purpose_clauses_take_no_source_by_word_order() {
    let coder = coder("--- PRAISE [051] ---\nHONOR\nGREET\n");
    // A headline passive: "Arland" belongs to the honoured team, it did not honour it.
    let parse = "
        girls girl NOUN 3 compound
        Arland Arland ADJ 3 amod
        team team NOUN 4 nsubj:pass
        honored honor VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
        for for ADP 6 case
        bravery bravery NOUN 4 obl";
    let actors = [("girls", "---CVL"), ("Arland", "ARL")];
    check(&coder, parse, "", &actors, &[]);
    // An infinitive of purpose has the subject of its clause (Arland hosts Borland to
    // celebrate).
    let coder = coder_with_celebrate();
    let parse = "
        Arland Arland PROPN 4 nsubj
        will will AUX 4 aux
        be be AUX 4 aux
        hosting host VERB 0 root VerbForm=Ger
        Borland Borland PROPN 4 obj
        to to PART 7 mark
        celebrate celebrate VERB 4 advcl VerbForm=Inf
        the the DET 9 det
        holiday holiday NOUN 7 obj
        with with ADP 11 case
        Gondor Gondor PROPN 7 obl
        . . PUNCT 4 punct";
    let actors = [("Arland", "ARL"), ("Borland", "BOR"), ("Gondor", "GON")];
    check(&coder, parse, "", &actors, &["ARL->GON 050"]);
    // A subject that names no actor leaves the source open: the guest is no better guess.
    let parse = parse.replacen("Arland Arland PROPN", "Fairs fair NOUN", 1);
    check(&coder, &parse, "", &actors[1..], &[]);
}

#[test]
fn a_pattern_word_is_no_target() {
    let coder = coder(
        "--- TRADE [060] ---\nEXCHANGE\n- * FIRE [193:193]\n\n--- REJECT [120] ---\nREJECT\n- * REQUEST [128]\n",
    );
    // The agent dictionary may know "artillery" as a military agent: here it is the
    // kind of the pattern's "fire", not whom it hits.
    let parse = "
        Arland Arland PROPN 2 nsubj
        exchanged exchange VERB 0 root Tense=Past|VerbForm=Fin
        artillery artillery NOUN 4 compound
        fire fire NOUN 2 obj
        . . PUNCT 2 punct";
    check(
        &coder,
        parse,
        "",
        &[("Arland", "ARL"), ("artillery", "---MIL")],
        &[],
    );
    let parse = "
        Arland Arland PROPN 2 nsubj
        exchanged exchange VERB 0 root Tense=Past|VerbForm=Fin
        fire fire NOUN 2 obj
        with with ADP 5 case
        Borland Borland PROPN 2 obl
        . . PUNCT 2 punct";
    check(
        &coder,
        parse,
        "",
        &[("Arland", "ARL"), ("Borland", "BOR")],
        &["ARL->BOR 193", "BOR->ARL 193"],
    );
    // A state modifying the pattern's noun owns it: Borland's request.
    let parse = "
        Arland Arland PROPN 2 nsubj
        rejected reject VERB 0 root Tense=Past|VerbForm=Fin
        a a DET 5 det
        Borland Borland PROPN 5 compound
        request request NOUN 2 obj
        . . PUNCT 2 punct";
    check(
        &coder,
        parse,
        "",
        &[("Arland", "ARL"), ("Borland", "BOR")],
        &["ARL->BOR 128"],
    );
}

#[test]
fn attribution_is_no_target_and_passive_agents_are_not_reciprocal() {
    let coder = coder("--- CRITICIZE [111] ---\nCRITICISE\n\n--- SUPPORT [050] ---\nSUPPORT\n");
    // "According to Corland, Arland criticised the plan": Corland only reports it.
    let parse = "
        According accord VERB 3 case
        to to ADP 1 fixed
        Corland Corland PROPN 5 obl
        Arland Arland PROPN 5 nsubj
        criticised criticise VERB 0 root Tense=Past|VerbForm=Fin
        the the DET 7 det
        plan plan NOUN 5 obj
        . . PUNCT 5 punct";
    check(
        &coder,
        parse,
        "",
        &[("Corland", "COR"), ("Arland", "ARL")],
        &[],
    );
    // "The plan was supported by Arland and Borland": they support the plan, not
    // each other.
    let parse = "
        The the DET 2 det
        study study NOUN 4 nsubj:pass
        was be AUX 4 aux:pass
        supported support VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
        by by ADP 6 case
        Arland Arland PROPN 4 obl:agent
        and and CCONJ 8 cc
        Borland Borland PROPN 6 conj
        . . PUNCT 4 punct";
    check(
        &coder,
        parse,
        "",
        &[("Arland", "ARL"), ("Borland", "BOR")],
        &[],
    );
    // Active coordinated subjects still support each other.
    let parse = "
        Arland Arland PROPN 4 nsubj
        and and CCONJ 3 cc
        Borland Borland PROPN 1 conj
        support support VERB 0 root Tense=Pres|VerbForm=Fin
        . . PUNCT 4 punct";
    check(
        &coder,
        parse,
        "",
        &[("Arland", "ARL"), ("Borland", "BOR")],
        &["ARL->BOR 050", "BOR->ARL 050"],
    );
}

#[test]
fn built_in_english_requests() {
    let coder = Coder::embedded();
    // A request with an infinitive: an appeal to the one asked.
    let parse = "
        Arland Arland PROPN 2 nsubj
        asked ask VERB 0 root Tense=Past|VerbForm=Fin
        Borland Borland PROPN 2 obj
        to to PART 5 mark
        withdraw withdraw VERB 2 xcomp VerbForm=Inf
        . . PUNCT 2 punct";
    let actors = [("Arland", "ARL"), ("Borland", "BOR")];
    check(&coder, parse, "", &actors, &["ARL->BOR 020"]);
    // Asking for aid stays the more specific request.
    let parse = "
        Arland Arland PROPN 2 nsubj
        asked ask VERB 0 root Tense=Past|VerbForm=Fin
        Borland Borland PROPN 2 obj
        for for ADP 5 case
        aid aid NOUN 2 obl
        . . PUNCT 2 punct";
    check(&coder, parse, "", &actors, &["ARL->BOR 021"]);
}

#[test]
fn built_in_english_contacts_rescues_and_exchanges_of_fire() {
    let coder = Coder::embedded();
    let parse = "
        Arland Arland PROPN 2 nsubj
        contacted contact VERB 0 root Tense=Past|VerbForm=Fin
        Borland Borland PROPN 2 obj
        . . PUNCT 2 punct";
    check(
        &coder,
        parse,
        "",
        &[("Arland", "ARL"), ("Borland", "BOR")],
        &["ARL->BOR 040"],
    );
    let parse = "
        Arland Arland PROPN 2 nsubj
        rescued rescue VERB 0 root Tense=Past|VerbForm=Fin
        Borland Borland PROPN 2 obj
        . . PUNCT 2 punct";
    check(
        &coder,
        parse,
        "",
        &[("Arland", "ARLMIL"), ("Borland", "---REF")],
        &["ARLMIL->---REF 073"],
    );
    // Two coordinated subjects exchanging fire fire at each other.
    let parse = "
        Arland Arland PROPN 5 nsubj
        and and CCONJ 3 cc
        Borland Borland PROPN 1 conj
        have have AUX 5 aux
        exchanged exchange VERB 0 root Tense=Past|VerbForm=Part
        artillery artillery NOUN 7 compound
        fire fire NOUN 5 obj
        . . PUNCT 5 punct";
    check(
        &coder,
        parse,
        "",
        &[("Arland", "ARL"), ("Borland", "BOR")],
        &["ARL->BOR 194", "BOR->ARL 194"],
    );
    // The boats turned away are the migrants'.
    let parse = "
        Arland Arland PROPN 2 nsubj
        turned turn VERB 0 root Tense=Past|VerbForm=Fin
        away away ADV 2 compound:prt
        migrants migrant NOUN 2 obj
        . . PUNCT 2 punct";
    check(
        &coder,
        parse,
        "",
        &[("Arland", "ARLMIL"), ("migrants", "---REF")],
        &["ARLMIL->---REF 174"],
    );
}

#[test]
fn a_bare_statement_takes_no_target_by_word_order() {
    let coder = coder(SAY);
    // The parse leaves "Borland" unattached (`dep`): word order would make it the
    // addressee.
    let parse = "
        Arland Arland PROPN 2 nsubj
        said say VERB 0 root Tense=Past|VerbForm=Fin
        yesterday yesterday NOUN 2 obl:tmod
        Borland Borland PROPN 2 dep
        . . PUNCT 2 punct";
    check(
        &coder,
        parse,
        "",
        &[("Arland", "ARL"), ("Borland", "BOR")],
        &[],
    );
}
