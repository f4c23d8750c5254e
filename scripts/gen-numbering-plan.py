#!/usr/bin/env python3
"""Generates crates/jtel-core/src/numbering_plan/data.rs from libphonenumber's metadata.

The metadata is the PhoneNumberMetadata.xml that the `phonenumber` crate ships (the same crate
is jtel-core's native test oracle, so generator and oracle always read the same libphonenumber
version). Usage, from the repository root:

    scripts/gen-numbering-plan.py            # finds the crate with `cargo metadata`
    scripts/gen-numbering-plan.py FILE.xml   # or reads the given metadata file

Only what normalisation needs is written (see docs/phone-numbers.md):
- per region: its calling code and its international call prefixes;
- per calling code: the national (trunk) prefixes to strip, the possible lengths of national
  numbers by first digit and by a few longer prefixes, Argentina's mobile token, and how the
  example numbers are grouped in international format where that differs from the generic
  grouping (groups of 3, the last of up to 4 digits).
Every regular expression is reduced here to digit classes and length sets; nothing of
libphonenumber's regular expressions reaches the browser build.
"""

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from re import _constants as C
from re import _parser as P

OUT = "crates/jtel-core/src/numbering_plan/data.rs"
MAX_LEN = 17
# How many digits after a national or international prefix get their own length masks (one more
# after the calling code, for jtel's stored form).
EXTEND = 1
DIGITS = "0123456789"
# The number types libphonenumber's validity check accepts.
TYPES = [
    "fixedLine", "mobile", "tollFree", "premiumRate", "sharedCost", "personalNumber", "voip",
    "pager", "uan", "voicemail",
]


def crate_dir():
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--manifest-path", "crates/jtel-core/Cargo.toml"],
        check=True, capture_output=True, text=True,
    ).stdout
    for package in json.loads(out)["packages"]:
        if package["name"] == "phonenumber":
            return os.path.dirname(package["manifest_path"]), package["version"]
    sys.exit("the phonenumber crate is not a dependency of jtel-core")


def clean(pattern):
    return re.sub(r"\s+", "", pattern or "")


def charset(item):
    """The digits an IN / LITERAL / CATEGORY item matches."""
    op, av = item
    if op == C.LITERAL:
        return frozenset(chr(av)) & frozenset(DIGITS)
    if op == C.IN:
        out = set()
        negate = False
        for sop, sav in av:
            if sop == C.LITERAL:
                out.add(chr(sav))
            elif sop == C.RANGE:
                out.update(chr(c) for c in range(sav[0], sav[1] + 1))
            elif sop == C.CATEGORY and sav == C.CATEGORY_DIGIT:
                out.update(DIGITS)
            elif sop == C.NEGATE:
                negate = True
            else:
                raise ValueError(f"unsupported class item {sop}")
        out &= set(DIGITS)
        return frozenset(set(DIGITS) - out if negate else out)
    raise ValueError(f"not a character item {op}")


# ---- lengths of the strings a pattern matches, by how far they follow a given prefix ----

def lengths(items, prefix, states):
    """States are (k, n): k characters of `prefix` followed so far, n characters in all."""
    for op, av in items:
        if op in (C.LITERAL, C.IN):
            chars = charset((op, av))
            nxt = set()
            for k, n in states:
                if n >= MAX_LEN:
                    continue
                if k < len(prefix):
                    if prefix[k] in chars:
                        nxt.add((k + 1, n + 1))
                elif chars:
                    nxt.add((k, n + 1))
            states = nxt
        elif op == C.BRANCH:
            out = set()
            for alt in av[1]:
                out |= lengths(list(alt), prefix, states)
            states = out
        elif op == C.SUBPATTERN:
            states = lengths(list(av[3]), prefix, states)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, sub = av
            hi = min(hi, MAX_LEN)
            out = set()
            cur = states
            for i in range(hi + 1):
                if i >= lo:
                    out |= cur
                if i == hi or not cur:
                    break
                cur = lengths(list(sub), prefix, cur)
            states = out
        elif op == C.AT:
            pass
        else:
            raise ValueError(f"unsupported regex item {op}")
    return states


def pattern_lengths(pattern, prefix):
    """Lengths of the strings `pattern` matches (in full) that start with `prefix`."""
    parsed = list(P.parse(clean(pattern)))
    return {n for k, n in lengths(parsed, prefix, {(0, 0)}) if k == len(prefix)}


# ---- finite expansions to digit-class sequences ----

def expand(items, stop_group=None):
    """Alternatives of `items` as (sequence of digit sets, stopped) pairs; a sequence stops at
    the capturing group `stop_group` (what follows it is kept, not stripped)."""
    seqs = [((), False)]
    for op, av in items:
        if op in (C.LITERAL, C.IN):
            part = [((charset((op, av)),), False)]
        elif op == C.BRANCH:
            part = [alt for sub in av[1] for alt in expand(list(sub), stop_group)]
        elif op == C.SUBPATTERN:
            if av[0] == stop_group and stop_group:
                # What follows the stripped prefix is kept; its first two digits must match
                # (`>` marks them in the pattern), a shorter and so looser check than the group.
                try:
                    heads = {seq[:2] for seq, _ in expand(list(av[3])[:2])}
                except ValueError:  # an unbounded group (`\d{10,11}`): no condition
                    heads = {()}
                part = [((LOOKAHEAD,) + head, True) if head else ((), True) for head in heads]
            else:
                part = expand(list(av[3]), stop_group)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, sub = av
            if hi > 8:
                raise ValueError("unbounded repeat in a prefix")
            inner = expand(list(sub), stop_group)
            part = []
            cur = [((), False)]
            for i in range(hi + 1):
                if i >= lo:
                    part += cur
                cur = [join(a, b) for a in cur for b in inner]
        elif op == C.AT:
            raise ValueError("anchor in a prefix")
        else:
            raise ValueError(f"unsupported regex item {op}")
        seqs = [join(a, b) for a in seqs for b in part]
        if len(seqs) > 400:
            raise ValueError("too many alternatives")
    return seqs


LOOKAHEAD = frozenset(">")


def join(a, b):
    if a[1]:
        return a
    return (a[0] + b[0], b[1])


def render(seq):
    out = []
    for chars in seq:
        if chars == LOOKAHEAD:
            out.append(">")
        elif len(chars) == 1:
            out.append(next(iter(chars)))
        else:
            digits = sorted(chars)
            text = ""
            i = 0
            while i < len(digits):
                j = i
                while j + 1 < len(digits) and ord(digits[j + 1]) == ord(digits[j]) + 1:
                    j += 1
                text += digits[i] if j == i else (digits[i] + digits[j] if j == i + 1 else f"{digits[i]}-{digits[j]}")
                i = j + 1
            out.append(f"[{text}]")
    return "".join(out)


def alternatives(pattern, stop_group=None):
    rendered = sorted({render(seq) for seq, _ in expand(list(P.parse(clean(pattern))), stop_group)}, key=lambda s: (len(s), s))
    return [alt for alt in rendered if alt]


def top_level_alternatives(pattern):
    """Splits a pattern at its top-level `|`."""
    depth, start, out = 0, 0, []
    for i, ch in enumerate(pattern):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


def national_prefixes(territory):
    """National prefixes for parsing as class-sequence alternatives, and Argentina's quirk."""
    a = territory.attrib
    npp = clean(a.get("nationalPrefixForParsing")) or clean(a.get("nationalPrefix"))
    rule = a.get("nationalPrefixTransformRule")
    if not npp:
        return [], None
    # Alternatives anchored at the end complete a local number with an area code: those local
    # forms are not accepted here (they are refused as too short), so they are left out.
    kept = [alt for alt in top_level_alternatives(npp) if "$" not in alt]
    if not kept:
        return [], None
    npp = "|".join(kept)
    groups = P.parse(npp).state.groups - 1
    refs = {int(g) for g in re.findall(r"\$(\d)", rule or "")}
    if not refs or all(ref > groups for ref in refs):
        return alternatives(npp), None
    if re.fullmatch(r"\$\d", rule):
        return alternatives(npp, stop_group=int(rule[1])), None
    # Argentina: `0?(?:(AREA)15)?` becomes `9AREA`: the mobile token 15 after the area code.
    m = re.fullmatch(r"0\?\(\?:\((.*)\)(\d+)\)\?", npp)
    if m and re.fullmatch(r"(\d)\$1", rule):
        area_lengths = pattern_lengths(m.group(1), "")
        quirk = f"{m.group(2)}>{rule[0]}:{min(area_lengths)}{max(area_lengths)}"
        return ["0"], quirk
    raise ValueError(f"{a['id']}: national prefix rule {npp!r} / {rule!r} is not understood")


def possible_lengths(territory, prefix):
    """Lengths of valid national numbers that start with `prefix` (a superset: lengths of the
    general description's matches that some number type also has)."""
    out = set()
    for tag in TYPES:
        desc = territory.find(tag)
        if desc is None or desc.find("nationalNumberPattern") is None:
            continue
        pl = desc.find("possibleLengths")
        allowed = None
        if pl is not None:
            allowed = set()
            for part in pl.attrib.get("national", "").split(","):
                if part.startswith("["):
                    lo, hi = part[1:-1].split("-")
                    allowed.update(range(int(lo), int(hi) + 1))
                elif part and part != "-1":
                    allowed.add(int(part))
        found = pattern_lengths(desc.find("nationalNumberPattern").text, prefix)
        out |= found if allowed is None else found & allowed
    # Valid numbers match the general description too (libphonenumber checks it first).
    general = territory.find("generalDesc/nationalNumberPattern")
    return out & pattern_lengths(general.text, prefix) if general is not None else out


def b36(n):
    return "0123456789abcdefghijklmnopqrstuvwxyz"[n]


def generic_grouping(length):
    """Groups of 3 and a last group of up to 4 digits: phone.rs's grouping without data."""
    sizes = []
    while length > 4:
        sizes.append(3)
        length -= 3
    return sizes + [length]


def groupings(members):
    """How each region writes its example numbers internationally (libphonenumber's choice of
    format: the last leading-digits pattern, then the whole pattern), keyed by first digit and
    length, where that differs from the generic grouping: `d` + length + group sizes."""
    found = {}
    for t in members:
        formats = t.find("availableFormats")
        for tag in TYPES:
            desc = t.find(tag)
            if desc is None or desc.find("exampleNumber") is None:
                continue
            nsn = desc.find("exampleNumber").text.strip()
            for nf in formats if formats is not None else []:
                leading = nf.findall("leadingDigits")
                if leading and not re.match(clean(leading[-1].text), nsn):
                    continue
                m = re.fullmatch(clean(nf.attrib["pattern"]), nsn)
                if not m:
                    continue
                intl = nf.find("intlFormat")
                if intl is None or intl.text != "NA":
                    sizes = [len(g) for g in m.groups()]
                    if sizes != generic_grouping(len(nsn)):
                        found.setdefault((nsn[0], len(nsn)), sizes)
                break
    return ",".join(f"{d}{b36(n)}{''.join(b36(s) for s in sizes)}" for (d, n), sizes in found.items())


def mask(lengths_set):
    return format(sum(1 << n for n in lengths_set), "x") if lengths_set else ""


def main():
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    if len(sys.argv) > 1:
        xml_path, version = sys.argv[1], "given file"
    else:
        directory, version = crate_dir()
        xml_path = os.path.join(directory, "assets", "PhoneNumberMetadata.xml")
    territories = list(ET.parse(xml_path).getroot().find("territories"))

    by_code = {}
    for t in territories:
        by_code.setdefault(int(t.attrib["countryCode"]), []).append(t)

    regions = []
    idd_table = []
    for t in territories:
        a = t.attrib
        if a["id"] == "001":
            continue
        idd = "|".join(alternatives(a.get("internationalPrefix", "")))
        if idd not in idd_table:
            idd_table.append(idd)
        main = a.get("mainCountryForCode") == "true" or len(by_code[int(a["countryCode"])]) == 1
        regions.append((not main, a["id"], int(a["countryCode"]), idd_table.index(idd)))
    # The main region of a shared calling code comes first among the regions with that code.
    regions.sort(key=lambda r: (r[2], r[0], r[1]))

    groups = []
    for code in sorted(by_code):
        members = by_code[code]
        prefixes, quirk = [], None
        for t in members:
            alts, q = national_prefixes(t)
            prefixes += [alt for alt in alts if alt not in prefixes]
            quirk = quirk or q
        # Lengths by first digit, as a palette of masks and one palette index per digit.
        palette, index = [], ""
        for d in DIGITS:
            m = mask(set().union(*(possible_lengths(t, d) for t in members)))
            if m == "":
                index += "-"
                continue
            if m not in palette:
                palette.append(m)
            index += str(palette.index(m))
        # Longer prefixes whose lengths matter: the code itself (jtel's stored form without +),
        # the national and the international prefixes, each followed by up to EXTEND digits.
        idds = [alt for t in members for alt in alternatives(t.attrib.get("internationalPrefix", ""))]
        starts = {str(code)} | {alt for alt in prefixes + idds if re.fullmatch(r"\d+", alt)}
        masks = {}

        def effective(q):
            """The mask that applies to numbers starting with q without an entry for q."""
            best = palette[int(index[int(q[0])])] if index[int(q[0])] != "-" else ""
            for length in range(2, len(q)):
                best = masks.get(q[:length], best)
            return best

        for start in sorted(starts, key=len):
            level = [start]
            for depth in range(EXTEND + (start == str(code)) + 1):
                following = []
                for q in level:
                    if len(q) >= 2:
                        m = mask(set().union(*(possible_lengths(t, q) for t in members)))
                        if m != effective(q):
                            masks[q] = m
                    following += [q + d for d in DIGITS]
                level = following
        # Siblings with the same mask share one entry with a digit class: `492[024-9]=1fc0`.
        siblings = {}
        for q, m in sorted(masks.items()):
            siblings.setdefault((q[:-1], m), []).append(q[-1])
        extra = [
            f"{parent}{digits[0] if len(digits) == 1 else render((frozenset(digits), frozenset('0123456789'))[:1])}={m}"
            for (parent, m), digits in siblings.items()
        ]
        groups.append(
            f"{code};{','.join(palette)};{index};{','.join(extra)};{'|'.join(prefixes)};{quirk or ''};"
            f"{groupings(members)}"
        )

    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    assert len(idd_table) <= len(letters), "too many distinct international prefixes"
    germany = next(f"{rid}{code}{letters[idd]}" for _, rid, code, idd in regions if rid == "DE")
    region_text = " ".join(f"{rid}{code}{letters[idd]}" for _, rid, code, idd in regions)
    with open(OUT, "w") as f:
        f.write(
            "// @generated by scripts/gen-numbering-plan.py from libphonenumber's\n"
            f"// PhoneNumberMetadata.xml (phonenumber crate {version}). Do not edit by hand:\n"
            "// regenerate as docs/phone-numbers.md describes.\n\n"
            "//! libphonenumber's numbering plans, reduced to what normalisation needs (generated).\n\n"
            "/// The `phonenumber` crate (and libphonenumber version) this data was generated from.\n"
            f"pub const SOURCE: &str = \"{version}\";\n\n"
            "/// International call prefixes: `|`-separated alternatives of digits and `[…]` classes.\n"
            "pub const IDD: &[&str] = &[\n"
            + "".join(f"    \"{idd}\",\n" for idd in idd_table)
            + "];\n\n"
            "/// Regions as `ID` + calling code + index into [`IDD`] (`a`…`z`, `A`…`Z`), space-separated,\n"
            "/// ordered by calling code with a shared code's main region first.\n"
            f"pub const REGIONS: &str = \"{region_text}\";\n\n"
            "/// Germany's entry in [`REGIONS`], the default region.\n"
            f"pub const GERMANY: &str = \"{germany}\";\n\n"
            "/// One line per calling code: `code;length masks;index per first digit;pattern=mask,…;\n"
            "/// national prefixes;quirk;groupings` (see numbering_plan.rs).\n"
            "pub const CODES: &str = \"\\\n"
            + "".join(f"{g}\\n\\\n" for g in groups)
            + "\";\n"
        )
    print(f"wrote {OUT}: {len(regions)} regions, {len(groups)} calling codes, from {version}")


if __name__ == "__main__":
    main()
