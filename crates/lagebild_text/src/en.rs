//! English word lists: abbreviations, months and sentence openers; clitic splitting on.

use crate::rules::LanguageRules;

const ABBREVIATIONS: &str = "\
    mr mrs ms messrs dr prof st mt ft sen rep gov gen lt col maj capt cpt sgt cpl adm cmdr rev hon
    pres supt insp det gens reps sens fr e.g i.e cf viz approx ca est vs v al fig figs eq eds vol
    vols pp ch sec dept univ assn ave blvd rd hwy apt ste mln bln mn bn tel ext dist govt intl natl
    jan feb mar apr jun jul aug sep sept oct nov dec
";

const FINAL_ABBREVIATIONS: &str = "\
    etc inc corp co ltd plc llc bros jr sr esq a.m p.m u.s u.k u.n u.s.a d.c n.y l.a ph.d calif ariz
    colo conn fla mich minn tenn tex wis mon tue tues wed thu thur thurs fri sat sun
";

const NUMBER_ABBREVIATIONS: &str = "\
    no nos art p para nr
";

const MONTHS: &str = "\
    january february march april may june july august september october november december
";

const SENTENCE_OPENERS: &str = "\
    the a an he she it they we i you but and or in this that these those there his her its their our
    my if when while as at on for so yet after before however meanwhile some many most not what why
    how who where officials one both all no earlier later since also still then thus although though
    because according last next
";

/// The English rules.
pub(crate) fn rules() -> LanguageRules {
    let mut rules =
        LanguageRules::new(ABBREVIATIONS, FINAL_ABBREVIATIONS, NUMBER_ABBREVIATIONS, MONTHS, "", SENTENCE_OPENERS);
    rules.split_clitics = true;
    rules
}
