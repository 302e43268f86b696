#!/usr/bin/env python3
"""Derives models/names.tsv.gz (given and family names) for the person tagger.

Source: the person providers of Faker (PyPI `faker`, MIT licence), all locales; only
names in Latin script are kept. Faker is read from a downloaded wheel, not installed:

    pip download faker==40.63.0 --no-deps -d /tmp/faker
    python3 scripts/derive_names.py /tmp/faker/faker-40.63.0-py3-none-any.whl

Output lines: `name<TAB>flags`, flags a string of `g` (given name) and `f` (family name).
"""

import gzip
import importlib
import os
import pkgutil
import sys


def items(value):
    if isinstance(value, dict):
        return list(value.keys())
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    return []


def latin(word):
    return (
        isinstance(word, str)
        and word[:1].isupper()
        and all((c.isalpha() and ord(c) < 0x250) or c in "-'" for c in word)
    )


def main():
    sys.path.insert(0, sys.argv[1])
    import faker.providers.person as person

    given, family = set(), set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module("faker.providers.person." + module.name).Provider
        for attribute in ("first_names", "first_names_male", "first_names_female",
                          "first_names_nonbinary"):
            given.update(items(getattr(provider, attribute, None)))
        for attribute in ("last_names", "last_names_male", "last_names_female"):
            family.update(items(getattr(provider, attribute, None)))
    given = {name for name in given if latin(name)}
    family = {name for name in family if latin(name)}
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "models", "names.tsv.gz")
    lines = []
    for name in sorted(given | family):
        flags = ("g" if name in given else "") + ("f" if name in family else "")
        lines.append(f"{name}\t{flags}\n")
    with gzip.GzipFile(out, "wb", mtime=0) as handle:
        handle.write("".join(lines).encode("utf-8"))
    print(f"{out}: {len(given)} given names, {len(family)} family names")


if __name__ == "__main__":
    main()
