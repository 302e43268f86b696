#!/usr/bin/env python3
"""Derives models/cues.tsv.gz: context-cue words for the person tagger.

Sources (DERIVE data in ../shared, see NOTICE.md):
- German Wiktionary glosses (`wiktionary-de-glosses`, CC BY-SA 4.0): person nouns. A
  capitalised headword is a person noun when one of its first two glosses defines a person
  ("Person, die ...", "jemand, der ...", "männliche Person", "Mitglied ...", "Einwohner
  ..."), or when the head noun of its first gloss is itself a person noun ("Rapper:
  Musiker, der ..."; three rounds), or when it is the feminine -in form of one. A few kin
  words are added by hand. Inflected forms (-s, -n, -en, -e, -es, -innen) are included.
- spaCy lookups (`spacy-lookups-de`, MIT package): verb forms, i.e. lowercase forms whose
  lemma is a lowercase infinitive (-en, -ern, -eln) that Wiktionary lists as a headword.

Output lines: `lowercase word<TAB>flags`, flags a string of `p` (person noun) and `v` (verb
form). Run from anywhere:

    python3 crates/lagebild_actors/scripts/derive_cues.py [SHARED]
"""

import gzip
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "..", "shared")
LEXICONS = os.path.join(SHARED, "data", "lexicons")

SEED = re.compile(
    r"^(?:[\w ,]*?: )?(?:eine?r? |der |die )?"
    r"(?:(?:männliche|weibliche|junge|ältere|erwachsene|bestimmte)[rn]? )?"
    r"(?:Person(?:en)?|Mensch(?:en)?|jemand|Mann|Frau|Angehörige[rn]?|Mitglied"
    r"|Bewohner(?:in)?|Einwohner(?:in)?|Inhaber(?:in)?|Anhänger(?:in)?|Staatsangehörige[rn]?"
    r"|Vertreter(?:in)?|Beamter|Beamtin|weibliche Form|männliche Form"
    r"|Bezeichnung für (?:eine[n]? )?(?:Person|Mann|Frau|jemanden))\b"
)
# The head noun of a gloss: after an optional label ("Sport: "), article and adjectives.
HEAD = re.compile(
    r"^(?:[\w ,]*?: )?(?:(?:ein|eine|einer|der|die|das)\s+)?(?:[a-zäöüß-]+(?:e|er|en|es)\s+)*"
    r"([A-ZÄÖÜ][\wäöüß-]+)(?:$|[,;(]| (?:der|des|die|eines|einer|im|in|mit|für|aus|von|auf|bei|an|am|zur|zum)\b)"
)
KIN = [
    "Sohn", "Tochter", "Vater", "Mutter", "Bruder", "Schwester", "Frau", "Mann", "Ehefrau",
    "Ehemann", "Witwe", "Witwer", "Enkel", "Enkelin", "Onkel", "Tante", "Neffe", "Nichte",
    "Cousin", "Cousine", "Gattin", "Gatte", "Freund", "Freundin", "Kind", "Herr", "Dame",
]


def read_glosses():
    glosses = {}
    path = os.path.join(LEXICONS, "wiktionary-de-glosses", "glosses.txt.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            head, _, gloss = line.rstrip("\n").partition("\t")
            glosses.setdefault(head, []).extend(part.strip() for part in gloss.split(" | "))
    return glosses


def person_nouns(glosses):
    nouns = {head for head in glosses if head[:1].isupper() and " " not in head}
    person = {head for head in nouns if any(SEED.match(g) for g in glosses[head][:2])}
    for _ in range(3):
        new = set()
        for head in nouns - person:
            match = HEAD.match(glosses[head][0]) if glosses[head] else None
            if match and match.group(1) in person:
                new.add(head)
        person |= new
    person |= {head for head in nouns if head.endswith("in") and head[:-2] in person}
    person |= set(KIN)
    forms = set()
    for noun in person:
        lower = noun.lower()
        forms.add(lower)
        if lower.endswith("in"):
            forms.add(lower + "nen")
        else:
            for ending in ("s", "n", "en", "e", "es"):
                forms.add(lower + ending)
    return forms


def verb_forms(glosses):
    infinitives = {head for head in glosses if head.islower() and re.search(r"(en|ern|eln)$", head)}
    path = os.path.join(LEXICONS, "spacy-lookups-de", "de_lemma_lookup.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        table = json.load(handle)
    forms = set(infinitives)
    for form, lemma in table.items():
        if form.islower() and lemma in infinitives:
            forms.add(form)
    return forms


def main():
    glosses = read_glosses()
    person = person_nouns(glosses)
    verbs = verb_forms(glosses)
    out = os.path.join(HERE, "..", "models", "cues.tsv.gz")
    lines = []
    for word in sorted(person | verbs):
        flags = ("p" if word in person else "") + ("v" if word in verbs else "")
        lines.append(f"{word}\t{flags}\n")
    with gzip.GzipFile(out, "wb", mtime=0) as handle:
        handle.write("".join(lines).encode("utf-8"))
    print(f"{out}: {len(person)} person-noun forms, {len(verbs)} verb forms")


if __name__ == "__main__":
    main()
