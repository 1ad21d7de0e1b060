"""Seeded, deterministic generation of the PII NER corpus (texts + character-level entity spans)."""
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from faker import Faker
from freezegun import freeze_time

from . import ner_templates as T
from . import ner_templates_i18n as I

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-ADDR", "I-ADDR"]
ENTITY_TYPES = ["PER", "ORG", "LOC", "ADDR"]

TRAIN_LOCALES = [
    "en_US", "en_GB", "en_AU", "en_CA", "en_IE", "en_IN", "de_DE", "de_AT", "de_CH", "fr_FR", "fr_CA",
    "es_ES", "es_MX", "es_AR", "it_IT", "nl_NL", "nl_BE", "pl_PL", "pt_BR", "pt_PT", "sv_SE", "da_DK",
    "fi_FI", "cs_CZ", "ro_RO", "hu_HU", "tr_TR", "id_ID", "ru_RU", "el_GR",
]
# Locales seen only in the held-back split (unseen name/street distributions).
HELDOUT_ONLY_LOCALES = ["hr_HR", "sk_SK", "sl_SI", "en_NZ", "no_NO"]

RELATIONS = ["mother", "father", "sister", "brother", "wife", "husband", "friend", "partner"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TOPICS = ["travel", "food", "gardening", "football", "history", "technology", "parenting"]
AGENCIES = ["Reuters", "AP", "AFP", "dpa"]
# Look-alikes the model must leave alone: capitalised or coded tokens that are not identifiers.
ACRONYMS = [
    "VAT", "PIN", "FAQ", "CEO", "HR", "GDPR", "KYC", "OTP", "ETA", "RSVP", "SKU", "PDF", "USB", "HDMI",
    "ATM", "API", "CVV", "IBAN", "BIC", "TIN", "NIF", "DNI", "SSN", "MRN", "POS", "B2B", "ROI", "KPI",
]
SOFTWARE = [
    "Windows 11", "macOS", "Linux", "Firefox", "Safari", "Edge", "Excel", "Word", "PowerPoint", "Slack",
    "Zoom", "Photoshop", "WordPress", "Android", "iOS", "iPadOS", "Kindle", "Spotify", "Netflix", "Teams",
    "Outlook", "Gmail", "Docker", "Python", "Node.js", "Ubuntu", "Steam", "PlayStation 5", "Xbox", "Bluetooth",
]
DEMONYMS = [
    "Italian", "Mexican", "Korean", "Thai", "Vietnamese", "Nigerian", "Ethiopian", "Peruvian", "Lebanese",
    "Greek", "Turkish", "Polish", "Brazilian", "Indonesian", "Kenyan", "Moroccan", "Swedish", "Chilean",
    "Filipino", "Egyptian", "Hungarian", "Portuguese", "Cuban", "Nepalese", "Senegalese", "Georgian",
]
DISHES = [
    "Ramen", "Pho", "Tacos", "Paella", "Pierogi", "Bibimbap", "Jollof rice", "Injera", "Ceviche", "Falafel",
    "Moussaka", "Baklava", "Goulash", "Feijoada", "Rendang", "Tagine", "Pad Thai", "Kimchi", "Risotto",
    "Croissant", "Dim Sum", "Biryani", "Empanadas", "Sauerkraut", "Tiramisu", "Poutine", "Gyoza", "Halloumi",
]
UNITS = ["hPa", "km/h", "kWh", "mg", "ml", "GB", "MB", "mph", "bpm", "kcal", "Mbps", "dB", "mmHg", "°C"]
WEEKDAY_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTH_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True)
class Example:
    text: str
    spans: tuple  # ((start, end, type), ...)
    genre: str

    def to_json(self) -> str:
        return json.dumps({"text": self.text, "spans": self.spans, "genre": self.genre}, ensure_ascii=False)


def _one_line(value: str) -> str:
    return re.sub(r"\s*\n\s*", ", ", value.strip())


def _region(fake: Faker) -> str:
    for method in ("administrative_unit", "state", "region"):
        if hasattr(fake, method):
            try:
                return getattr(fake, method)()
            except (AttributeError, TypeError):
                continue
    return fake.city()


def _id_number(fake: Faker, rng: random.Random) -> str:
    options = [fake.ssn, fake.iban, fake.license_plate, lambda: fake.bothify("??#######").upper()]
    return rng.choice(options)()


def _price(fake: Faker, rng: random.Random) -> str:
    amount = f"{rng.randint(1, 9999)}" if rng.random() < 0.5 else f"{rng.randint(1, 999)}.{rng.randint(0, 99):02d}"
    return rng.choice([f"{amount} {fake.currency_code()}", f"{fake.currency_code()} {amount}", f"${amount}", f"€{amount}"])


def _code(fake: Faker, rng: random.Random) -> str:
    pattern = rng.choice(["SKU-#####-?", "??-####", "#??-###", "INV-####", "ORD-######", "TK-#####", "??###", "REF ####-??"])
    return fake.bothify(pattern).upper()


def _place_in_building(rng: random.Random) -> str:
    letter, n = rng.choice("ABCDEFGHJK"), rng.randint(1, 60)
    return rng.choice([f"gate {letter}{n}", f"seat {n}{letter}", f"Building {letter}", f"Terminal {n % 5 + 1}",
                       f"Platform {n}", f"Room {n % 9 + 1}.{n:02d}", f"Hall {letter}", f"Level {n % 7}"])


def _language(fake: Faker, rng: random.Random) -> str:
    try:
        return fake.language_name()
    except AttributeError:
        return rng.choice(["English", "Spanish", "Hindi", "Arabic", "Swahili", "Japanese"])


def _filler(slot: str, fake: Faker, rng: random.Random):
    """Return (value, entity type or None) for one template slot."""
    base = slot.rstrip("0123456789") if slot not in ("NUM4",) else slot
    base = base.replace("PER2", "PER")
    makers = {
        "PER": lambda: (fake.name(), "PER"),
        "PER_FIRST": lambda: (fake.first_name(), "PER"),
        "PER_LAST": lambda: (fake.last_name(), "PER"),
        "ORG": lambda: (_one_line(fake.company()), "ORG"),
        "CITY": lambda: (fake.city(), "LOC"),
        "COUNTRY": lambda: (fake.country(), "LOC"),
        "REGION": lambda: (_region(fake), "LOC"),
        "ADDR": lambda: (_one_line(fake.street_address()), "ADDR"),
        "ADDR_FULL": lambda: (_one_line(fake.address()), "ADDR"),
        "POSTCODE": lambda: (fake.postcode(), "ADDR"),
        "PHONE": lambda: (fake.phone_number(), None),
        "EMAIL": lambda: (fake.email(), None),
        "ID": lambda: (_id_number(fake, rng), None),
        "DATE": lambda: (fake.date(pattern=rng.choice(["%d.%m.%Y", "%Y-%m-%d", "%B %d, %Y", "%d/%m/%Y"])), None),
        "YEAR": lambda: (str(rng.randint(1950, 2005)), None),
        "NUM": lambda: (str(rng.randint(2, 400)), None),
        "NUM4": lambda: (f"{rng.randint(0, 9999):04d}", None),
        "RELATION": lambda: (rng.choice(RELATIONS), None),
        "WEEKDAY": lambda: (rng.choice(WEEKDAYS), None),
        "TOPIC": lambda: (rng.choice(TOPICS), None),
        "AGENCY": lambda: (rng.choice(AGENCIES), None),
        "PRICE": lambda: (_price(fake, rng), None),
        "CODE": lambda: (_code(fake, rng), None),
        "GATE": lambda: (_place_in_building(rng), None),
        "ACRONYM": lambda: (rng.choice(ACRONYMS), None),
        "SOFTWARE": lambda: (rng.choice(SOFTWARE), None),
        "DEMONYM": lambda: (rng.choice(DEMONYMS), None),
        "DISH": lambda: (rng.choice(DISHES), None),
        "LANG": lambda: (_language(fake, rng), None),
        "UNIT": lambda: (f"{rng.randint(1, 1100)} {rng.choice(UNITS)}", None),
        "CONST": lambda: ("_".join(w.upper() for w in fake.words(2)) + rng.choice(["_KEY", "_TOKEN", "_URL", "_ID", ""]), None),
        "PROMO": lambda: (f"{fake.word().upper()}{rng.choice([5, 10, 15, 20, 25, 50])}", None),
        "HEADING": lambda: (rng.choice(I.HEADINGS), None),
        "JOB": lambda: (rng.choice(I.JOBS), None),
        "DAYDATE": lambda: (f"{rng.choice(WEEKDAY_SHORT)}, {rng.randint(1, 28)} {rng.choice(MONTH_SHORT)}", None),
    }
    return makers[base]()


TOKEN = re.compile(r"\{([A-Z0-9_]+)\}|\[([^\]]+)\]\((PER|ORG|LOC|ADDR|O)\)")


def render(template: str, fake: Faker, rng: random.Random) -> tuple[str, list]:
    """Fill a template; return the text and its entity spans. Repeated slots reuse one value."""
    out, spans, cache, pos = [], [], {}, 0
    length = 0
    for match in TOKEN.finditer(template):
        literal = template[pos:match.start()]
        out.append(literal)
        length += len(literal)
        if match.group(1):
            slot = match.group(1)
            if slot not in cache:
                cache[slot] = _filler(slot, fake, rng)
            value, label = cache[slot]
        else:
            value, label = match.group(2), (None if match.group(3) == "O" else match.group(3))
        if label:
            spans.append((length, length + len(value), label))
        out.append(value)
        length += len(value)
        pos = match.end()
    out.append(template[pos:])
    # "Postcode City" inside an address line should read as one ADDR entity.
    return "".join(out), _merge_adjacent_addr(spans, "".join(out))


def _merge_adjacent_addr(spans: list, text: str) -> list:
    merged: list = []
    for span in spans:
        if merged and span[2] == "ADDR" and merged[-1][2] == "ADDR" and text[merged[-1][1]:span[0]].strip() == "":
            merged[-1] = (merged[-1][0], span[1], "ADDR")
        else:
            merged.append(span)
    return merged


def _faker_pool(locales: list[str], seed: int) -> dict[str, Faker]:
    pool = {}
    for index, locale in enumerate(locales):
        fake = Faker(locale)
        fake.seed_instance(seed * 1000 + index)
        pool[locale] = fake
    return pool


# Faker draws dates, birth dates and date-derived IDs (many national ID numbers) relative to
# today; the clock is frozen while generating so the corpus does not depend on the build date.
CORPUS_CLOCK = "2026-01-01 12:00:00"


@freeze_time(CORPUS_CLOCK)
def generate(split: str, count: int, seed: int) -> list[Example]:
    """Deterministically generate `count` examples for 'train' or 'heldout'."""
    if split == "train":
        pii, hard, clean, locales = T.TRAIN, T.HARD_TRAIN, T.NO_PII_TRAIN, TRAIN_LOCALES
        local, local_hard = I.TRAIN, I.HARD_TRAIN
    else:
        pii, hard, clean, locales = T.HELDOUT, T.HARD_HELDOUT, T.NO_PII_HELDOUT, TRAIN_LOCALES + HELDOUT_ONLY_LOCALES
        local, local_hard = I.HELDOUT, I.HARD_HELDOUT
    rng = random.Random(seed)
    fakers = _faker_pool(locales, seed)
    templates = [(genre, t) for genre, group in sorted(pii.items()) for t in group]
    local_templates = [(lang, t) for lang, group in sorted(local.items()) for t in group]
    examples = []
    for _ in range(count):
        fake = fakers[rng.choice(locales)]
        roll = rng.random()
        if roll < 0.36:
            genre, template = rng.choice(templates)
        elif roll < 0.62:
            # A template in another language, filled from a locale that speaks it.
            lang, template = rng.choice(local_templates)
            genre, fake = f"local_{lang}", fakers[rng.choice(I.LANG_LOCALES[lang])]
        elif roll < 0.75:
            genre, template = "hard_negative", rng.choice(hard)
        elif roll < 0.84:
            genre, template = "hard_negative", rng.choice(local_hard)
        elif roll < 0.92:
            genre, template = "no_pii", rng.choice(clean)
        else:
            # Locale-language filler text: real words, no entities.
            genre, template = "no_pii", fake.paragraph(nb_sentences=rng.randint(1, 3)).replace("{", "(").replace("[", "(")
        text, spans = render(template, fake, rng)
        if rng.random() < 0.25 and genre not in ("no_pii",):
            # Glue a second, entity-free sentence on to vary position and length.
            extra = rng.choice(clean)
            if rng.random() < 0.5:
                text = f"{text} {extra}"
            else:
                shift = len(extra) + 1
                text = f"{extra} {text}"
                spans = [(s + shift, e + shift, label) for s, e, label in spans]
        examples.append(Example(text, tuple(tuple(s) for s in spans), genre))
    return examples


def write_jsonl(examples: list[Example], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(e.to_json() + "\n" for e in examples), encoding="utf-8")


def token_labels(offsets, spans) -> list[int]:
    """BIO label id for every token from its character offsets; -100 for special tokens.

    Every sub-word piece of an entity is labelled (B- on the first, I- on the rest), because
    transformers.js' token-classification pipeline reports pieces, not words.
    """
    labels = []
    previous_span = None
    for start, end in offsets:
        if start == end:
            labels.append(-100)
            continue
        hit = next((i for i, (s, e, _) in enumerate(spans) if start < e and end > s), None)
        if hit is None:
            labels.append(0)
            previous_span = None
            continue
        kind = spans[hit][2]
        prefix = "I" if previous_span == hit else "B"
        labels.append(LABELS.index(f"{prefix}-{kind}"))
        previous_span = hit
    return labels
