"""Units of measurement and currencies: a curated table, so that "142 km/h", "9.6m tonnes" and
"13 million Swiss francs" are read as a value in a known unit and compared only with their kind.

Sources: the SI Brochure (BIPM, 9th edition, 2019) for SI units, prefixes and symbols; NIST Special
Publication 811 (2008) for the customary units and their factors; ISO 4217 for currency codes and
the currencies' usual English names and signs. A unit maps to (dimension, factor to the dimension's
base unit); figures are compared only within one dimension, after conversion.

A curated table rather than a unit library: pint reads its registry on import (about 0.3 s), which a
pre-commit hook would pay on every article for the few dozen units news copy uses.
"""

from __future__ import annotations

# name or symbol (lower case unless case matters) -> (canonical unit, dimension, factor to the base)
_UNIT_ROWS = """
km/h kph kmh km/hr kilometres-per-hour  | km/h | speed | 0.2777778
mph                                     | mph  | speed | 0.44704
knots knot                              | knot | speed | 0.5144444
m/s                                     | m/s  | speed | 1
mm millimetre millimetres millimeter millimeters | mm | length | 0.001
cm centimetre centimetres centimeter centimeters | cm | length | 0.01
m metre metres meter meters             | m    | length | 1
km kilometre kilometres kilometer kilometers | km | length | 1000
mile miles                              | mile | length | 1609.344
foot feet ft                            | ft   | length | 0.3048
inch inches                             | inch | length | 0.0254
yard yards                              | yd   | length | 0.9144
ha hectare hectares                     | ha   | area   | 10000
acre acres                              | acre | area   | 4046.856
km2 km² sq-km square-kilometres square-kilometers | km2 | area | 1000000
m2 m² square-metres square-meters        | m2   | area   | 1
kg kilogram kilograms kilogramme kilogrammes kilo kilos | kg | mass | 1
g gram grams gramme grammes             | g    | mass   | 0.001
tonne tonnes t metric-tons metric-tonnes | t   | mass   | 1000
ton tons                                | t    | mass   | 1000
lb lbs                                  | lb   | mass   | 0.4535924
litre litres liter liters               | l    | volume | 0.001
ml millilitre millilitres               | ml   | volume | 0.000001
barrel barrels bbl                      | bbl  | volume | 0.1589873
gallon gallons                          | gal  | volume | 0.003785412
bcm                                     | bcm  | volume | 1000000000
W watt watts                            | W    | power  | 1
kW kilowatt kilowatts                   | kW   | power  | 1000
MW mw megawatt megawatts                | MW   | power  | 1000000
GW gw gigawatt gigawatts                | GW   | power  | 1000000000
kWh kilowatt-hour kilowatt-hours        | kWh  | energy | 1
MWh megawatt-hour megawatt-hours        | MWh  | energy | 1000
GWh gigawatt-hour gigawatt-hours        | GWh  | energy | 1000000
TWh terawatt-hour terawatt-hours        | TWh  | energy | 1000000000
hPa hectopascal hectopascals millibar millibars | hPa | pressure | 100
°C celsius                              | °C   | temperature-c | 1
°F fahrenheit                           | °F   | temperature-f | 1
"""

UNITS: dict[str, tuple[str, str, float]] = {}
for _row in _UNIT_ROWS.strip().splitlines():
    _names, _canonical, _dimension, _factor = (part.strip() for part in _row.split("|"))
    for _name in _names.split():
        UNITS[_name.replace("-", " ")] = (_canonical, _dimension, float(_factor))

# Symbols written right after a number ("142 km/h", "66.12m", "15°C"); case matters ("MW", not "mw").
SYMBOLS = ("km/h km/hr kph kmh mph m/s km² km2 m² m2 kWh MWh GWh TWh hPa bbl bcm lbs lb mm cm km ft yd ha kg "
           "kW MW GW °C °F m t").split()

CURRENCY_SIGNS = {
    "$": "USD", "us$": "USD", "nz$": "NZD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD",
    "hk$": "HKD", "s$": "SGD", "r$": "BRL", "nt$": "TWD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
    "rs": "INR", "rs.": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₦": "NGN", "₱": "PHP", "₴": "UAH",
    "₪": "ILS", "₫": "VND", "฿": "THB", "₸": "KZT", "₼": "AZN", "₾": "GEL", "₵": "GHS", "₲": "PYG",
}
ISO_CODES = ("USD EUR GBP JPY CNY RMB INR RUB CHF SEK NOK DKK KZT KGS UZS TJS AED SAR NZD AUD CAD HKD SGD "
             "BRL ZAR PLN TRY KES NGN MXN IDR PHP UAH ILS VND THB AZN GEL GHS CZK HUF RON BGN EGP MAD "
             "PKR BDT LKR MYR TWD KRW CLP COP PEN ARS QAR KWD BHD OMR JOD XOF XAF FCFA").split()
# The usual English names of currencies (ISO 4217); an adjective before an ambiguous name decides it.
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "dlrs": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "sterling": "GBP", "stg": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR",
    "rupee": "INR", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "kronor": "SEK",
    "krona": "SEK", "kroner": "NOK", "krone": "NOK", "francs": "CHF", "franc": "CHF", "soms": "KGS",
    "som": "KGS", "tenge": "KZT", "pesos": "MXN", "peso": "MXN", "rand": "ZAR", "dirhams": "AED",
    "dirham": "AED", "riyals": "SAR", "riyal": "SAR", "lira": "TRY", "liras": "TRY", "zlotys": "PLN",
    "zloty": "PLN", "shillings": "KES", "shilling": "KES", "naira": "NGN", "rupiah": "IDR", "won": "KRW",
    "lei": "RON", "leu": "RON", "forints": "HUF", "forint": "HUF", "koruna": "CZK", "korunas": "CZK",
    "hryvnias": "UAH", "hryvnia": "UAH", "shekels": "ILS", "shekel": "ILS", "baht": "THB",
    "ringgit": "MYR", "dong": "VND", "cedis": "GHS", "cedi": "GHS", "manat": "AZN", "lari": "GEL",
    "levs": "BGN", "leva": "BGN", "lev": "BGN", "dinars": "DINAR", "dinar": "DINAR", "taka": "BDT",
}
CURRENCY_ADJECTIVES = {
    ("us", "USD"): "USD", ("american", "USD"): "USD", ("hong kong", "USD"): "HKD", ("new zealand", "USD"): "NZD",
    ("australian", "USD"): "AUD", ("canadian", "USD"): "CAD", ("singapore", "USD"): "SGD",
    ("taiwan", "USD"): "TWD", ("taiwanese", "USD"): "TWD", ("swiss", "CHF"): "CHF", ("cfa", "CHF"): "XOF",
    ("philippine", "MXN"): "PHP", ("mexican", "MXN"): "MXN", ("argentine", "MXN"): "ARS",
    ("argentinian", "MXN"): "ARS", ("chilean", "MXN"): "CLP", ("colombian", "MXN"): "COP",
    ("egyptian", "GBP"): "EGP", ("lebanese", "GBP"): "LBP", ("pakistani", "INR"): "PKR",
    ("sri lankan", "INR"): "LKR", ("nepalese", "INR"): "NPR", ("indonesian", "IDR"): "IDR",
    ("indian", "INR"): "INR", ("kenyan", "KES"): "KES", ("ugandan", "KES"): "UGX", ("tanzanian", "KES"): "TZS",
    ("swedish", "SEK"): "SEK", ("norwegian", "NOK"): "NOK", ("danish", "NOK"): "DKK", ("turkish", "TRY"): "TRY",
    ("romanian", "RON"): "RON", ("moldovan", "RON"): "MDL", ("jordanian", "DINAR"): "JOD",
    ("kuwaiti", "DINAR"): "KWD", ("iraqi", "DINAR"): "IQD", ("serbian", "DINAR"): "RSD",
    ("saudi", "SAR"): "SAR", ("qatari", "SAR"): "QAR", ("brazilian", "BRL"): "BRL",
}
CURRENCY_ADJECTIVE_WORDS = sorted({a for a, _ in CURRENCY_ADJECTIVES}, key=len, reverse=True)


def currency_of(adjective: str, noun: str) -> str:
    """The ISO code of "Swiss francs", "Hong Kong dollars", "pesos": the noun's default unless the
    adjective names another country's currency of that name."""
    code = CURRENCY_WORDS.get(noun.lower(), "")
    if adjective:
        return CURRENCY_ADJECTIVES.get((adjective.lower(), code), code)
    return code


def unit_of(word: str) -> tuple[str, str, float] | None:
    """(canonical unit, dimension, factor) of a unit symbol (as written) or name (any case), or None."""
    return UNITS.get(word) or UNITS.get(word.lower().replace("-", " ")) if len(word) > 3 else UNITS.get(word)
