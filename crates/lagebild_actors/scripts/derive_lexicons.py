#!/usr/bin/env python3
"""Derives the compact lexicons in kb/derived/ from ../shared/data/lexicons (DERIVE data).

Usage: python3 scripts/derive_lexicons.py [SHARED_DIR]
(run from crates/lagebild_actors; SHARED_DIR defaults to ../../../shared).

Outputs (all UTF-8, tab-separated, sorted, one entry a line):
  kb/derived/states.tsv     ISO3 <TAB> field <TAB> form
                            field: de (German name), en (English name), de_official,
                            en_official, adj (German adjective stem, uninflected),
                            dem (German demonym, nominative singular)
  kb/derived/firstnames.tsv name <TAB> m|f|u (German Wiktionary given names with
                            gender; given names of persons in the Phoenix actor
                            dictionaries, u = unknown gender)
  kb/derived/surnames.txt   one surname a line (German Wiktionary family names and
                            last names of Phoenix persons, minus German common nouns
                            from Wikidata lexemes)
Attribution: see NOTICE.md.
"""
import csv
import gzip
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CRATE = os.path.dirname(HERE)
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(CRATE, "..", "..", "..", "shared")
LEX = os.path.join(SHARED, "data", "lexicons")
OUT = os.path.join(CRATE, "kb", "derived")


def read_tsv(path):
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def main():
    os.makedirs(OUT, exist_ok=True)
    rows = set()
    alpha2_to_3 = {}
    # German name (and genitive) -> ISO3, to read Wiktionary glosses.
    german_names = {}
    for row in read_tsv(os.path.join(LEX, "pycountry-de", "iso3166-1_de.tsv")):
        a3 = row["alpha_3"]
        alpha2_to_3[row["alpha_2"]] = a3
        for field, key in (("de", "name_de"), ("de", "common_name_de"), ("en", "name"), ("en", "common_name"),
                           ("de_official", "official_name_de"), ("en_official", "official_name")):
            value = (row.get(key) or "").strip()
            if value and "," not in value and "(" not in value:
                rows.add((a3, field, value))
    for row in read_tsv(os.path.join(LEX, "cldr-babel-de", "territories_de_en.tsv")):
        a3 = alpha2_to_3.get(row["code"])
        if not a3:
            continue
        for field, key in (("de", "name_de"), ("en", "name_en")):
            value = row[key].strip()
            if value and "," not in value and "(" not in value:
                rows.add((a3, field, value))
    for a3, field, value in list(rows):
        if field in ("de", "de_official"):
            german_names.setdefault(value, a3)
    # Wiktionary: adjectives ("russisch: Russland betreffend") and demonyms
    # ("Russe: Staatsbürger Russlands").
    name_pattern = "|".join(sorted((re.escape(name) for name in german_names), key=len, reverse=True))
    country_re = re.compile(r"(?<![\w-])(" + name_pattern + r")(s|es)?(?![\w-])")
    adjective_re = re.compile(r"^(?:den |die |das |der |zu |zum |zur |aus )?(?:\w+ ){0,2}?(" + name_pattern + r")s? (?:betreffend|gehörig|gehörend|kommend|stammend)")
    demonym_re = re.compile(r"^(?:Staatsbürger|Staatsangehöriger|Bürger|Einwohner|Bewohner)(?:in)?\b")
    firstnames = {}
    surnames = set()
    with gzip.open(os.path.join(LEX, "wiktionary-de-glosses", "glosses.txt.gz"), "rt", encoding="utf-8") as handle:
        for line in handle:
            head, _, gloss = line.rstrip("\n").partition("\t")
            if not head or " " in head:
                continue
            first_sense = gloss.split(" | ")[0]
            if re.match(r"^[A-ZÄÖÜ][a-zäöüßéèáíóúçñ]+$", head):
                if re.search(r"\bmännlicher Vorname", gloss):
                    firstnames[head] = "m" if firstnames.get(head, "m") == "m" else "u"
                elif re.search(r"\bweiblicher Vorname", gloss):
                    firstnames[head] = "f" if firstnames.get(head, "f") == "f" else "u"
                if re.search(r"(^|\| )(\w+ )?(Nachname|Familienname)", gloss):
                    surnames.add(head)
            if re.match(r"^[a-zäöü][a-zäöü-]*isch$", head) or re.match(r"^[A-Z]{2}-[a-zäöü]+isch$", head):
                for sense in gloss.split(" | ")[:3]:
                    match = adjective_re.search(sense)
                    if match:
                        rows.add((german_names[match.group(1)], "adj", head))
                        break
            if re.match(r"^[A-ZÄÖÜ][\wäöüß-]+$", head) and not head.endswith("in") and demonym_re.match(first_sense):
                match = country_re.search(first_sense)
                if match and match.group(1) in german_names:
                    rows.add((german_names[match.group(1)], "dem", head))
    # Phoenix persons (entries with dated codes): first and last words of their names.
    nouns = set()
    with gzip.open(os.path.join(LEX, "wikidata-lexemes-de", "nouns.txt.gz"), "rt", encoding="utf-8") as handle:
        for line in handle:
            nouns.add(line.strip())
    dictionaries = os.path.join(SHARED, "data", "petrarch", "petrarch2", "dictionaries")
    agent_words = set()
    with open(os.path.join(dictionaries, "Phoenix.agents.txt"), encoding="utf-8", errors="replace") as handle:
        for line in handle:
            for word in re.split(r"[_\s{},!]+", line.split("#")[0].split("[")[0]):
                if word.isalpha():
                    agent_words.add(word.title())
    first_counts, last_counts = {}, {}
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        names, dated = [], False

        def flush():
            if not dated:
                return
            for phrase in names:
                words = [word for word in re.split(r"[_\s]+", phrase) if word]
                if len(words) >= 2 and words[0].isalpha() and len(words[0]) >= 3:
                    first_counts[words[0].title()] = first_counts.get(words[0].title(), 0) + 1
                if len(words) >= 2 and words[-1].isalpha() and len(words[-1]) >= 4:
                    last_counts[words[-1].title()] = last_counts.get(words[-1].title(), 0) + 1

        with open(os.path.join(dictionaries, name), encoding="utf-8", errors="replace") as handle:
            for line in handle:
                line = line.split("#")[0]
                if not line.strip():
                    continue
                has_date = re.search(r"\[\w+ [<>]?\d", line) is not None
                if line[0] not in " \t+[":
                    flush()
                    names, dated = [line.split("[")[0].strip()], has_date
                elif line.startswith("+"):
                    names.append(line[1:].split("[")[0].strip())
                dated = dated or has_date
            flush()
    for name, count in first_counts.items():
        if count >= 1 and name not in agent_words and name not in nouns and name not in firstnames:
            firstnames[name] = "u"
    surnames = {name for name in surnames if name not in nouns}
    for name in last_counts:
        if name not in agent_words and name not in nouns and name not in firstnames:
            surnames.add(name)
    with open(os.path.join(OUT, "states.tsv"), "w", encoding="utf-8") as out:
        out.write("# derived by scripts/derive_lexicons.py from pycountry-de, cldr-babel-de, wiktionary-de-glosses; see NOTICE.md\n")
        for row in sorted(rows):
            out.write("\t".join(row) + "\n")
    with open(os.path.join(OUT, "firstnames.tsv"), "w", encoding="utf-8") as out:
        out.write("# derived by scripts/derive_lexicons.py from wiktionary-de-glosses and the Phoenix actor dictionaries; see NOTICE.md\n")
        for name in sorted(firstnames):
            out.write(f"{name}\t{firstnames[name]}\n")
    with open(os.path.join(OUT, "surnames.txt"), "w", encoding="utf-8") as out:
        out.write("# derived by scripts/derive_lexicons.py from wiktionary-de-glosses, the Phoenix actor dictionaries and wikidata-lexemes-de; see NOTICE.md\n")
        for name in sorted(surnames):
            out.write(name + "\n")
    print(f"states.tsv: {len(rows)} rows, firstnames.tsv: {len(firstnames)}, surnames.txt: {len(surnames)}")


if __name__ == "__main__":
    main()
