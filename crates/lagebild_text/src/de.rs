//! German word lists: abbreviations, months, ordinal cues and sentence openers.

use crate::rules::LanguageRules;

const ABBREVIATIONS: &str = "\
    abb abg abk abs abschn abt adj allg anh anm aufl ausg bd bde bearb bes betr bez bhf bsp bspw
    bzgl bzw ca dgl di dipl do dr dt ebd einschl engl entspr erg ev evang evtl exkl fa fam ff fr frl
    frz geb gebr gegr gem gen ges gesch gest ggf ggfs ggü grds hbf hl hr hrn hrsg ing inkl insb
    insbes int jh jhd jhdt jr jun kath kfm kl kap lfd lt mi mind mio mo mrd mwst nachf näml nr nrn
    od orig pfd pkt pl pol präs prof rd rel resp sa sek sen sog sr st std stellv str tab tel teilw
    tsd übers urspr usf verh verl vers vgl vj vol vors vs zahlr zb ehem eigtl ugs zus zusätzl nachm
    jährl mtl tägl eidg südl nördl östl westl röm griech lat ital russ amerik brit österr verf hg fn
    erw gegr ausschl zit zt zw zz zzgl zzt gebr dez okt sept febr z.b d.h u.a o.ä u.ä s.o s.u u.u
    z.t i.d.r z.zt v.a m.e a.d co
";

const FINAL_ABBREVIATIONS: &str = "\
    usw etc chr inc ltd corp u.ä o.ä u.v.m e.v
";

const NUMBER_ABBREVIATIONS: &str = "\
    art jan feb mär apr jun jul aug sep nov s ziff
";

const MONTHS: &str = "\
    januar jänner februar feber märz april mai juni juli august september oktober november dezember
    jan feb febr mär apr jun jul aug sep sept okt nov dez
";

const ORDINAL_CUES: &str = "\
    / der die das den dem des am im vom zum zur beim ins bis ab seit vor nach zwischen ihr ihre ihrem
    ihren ihrer sein seine seinem seinen seiner unser unsere ein eine einem einen einer jeder jede
    jedem jeden jedes diese dieser diesem diesen dieses und oder bzw. bis vom per zum bereits erst
";

const ORDINAL_HEADS: &str = "\
    tag tages platz platzes runde liga klasse jahrhundert jahrhunderts jahrestag jahrestages weltkrieg
    weltkrieges weltkriegs bundesliga stock mal quartal quartals halbjahr spieltag spieltages etappe
    minute geburtstag geburtstages jahrtausend todestag todestages lesung sitzung auflage stufe grad
    grades ordnung kammer armee division legislaturperiode wahlperiode parteitag durchgang wahlgang
    sinfonie symphonie advent fc amendment kongress gipfel
";

const SENTENCE_OPENERS: &str = "\
    der die das den dem des ein eine einer er sie es wir ich ihr man doch aber und auch dies diese
    dieser dieses damit dabei dann danach deshalb daher darum zudem außerdem nach im in am bei mit
    seit vor für als wenn wie was wer wo warum nun so noch bereits allerdings jedoch zuvor trotzdem
    hier dort heute gestern derzeit inzwischen mittlerweile zunächst später laut unter über auf aus
    nicht kein keine das es viele alle einige mehr weitere zuletzt erst schon insgesamt vielmehr
    dennoch ob da weil obwohl sein seine ihre unsere mein meine the a an
";

/// The German rules.
pub(crate) fn rules() -> LanguageRules {
    let mut rules = LanguageRules::new(
        ABBREVIATIONS,
        FINAL_ABBREVIATIONS,
        NUMBER_ABBREVIATIONS,
        MONTHS,
        ORDINAL_CUES,
        SENTENCE_OPENERS,
    );
    rules.period_ordinals = true;
    rules.ordinal_heads = ORDINAL_HEADS.split_whitespace().collect();
    rules.group_repeated_marks = false;
    rules.final_abbreviation_before_capital = true;
    rules
}
