"""Nationalities: the one table of nationality words, with the two views other rules read.

Each row of ``NATIONALITY_TABLE`` is::

    adjective | country name | ISO 3166 alpha-2 | person nouns (singular, plural)

"-" marks an empty cell: a nationality with no single adjective ("New Zealander"), or no single
country code ("Soviet", "European", "Congolese": two Congos). The country name is the
entity name a NORP mention links to (``country``); the code tags it for places
(``country_code``). A demonym never becomes a place: "Russian" names Russians, not Russia.

Views:

* ``COUNTRY_OF_DEMONYM``  "Russian" -> "Russia": adjectives and singular person nouns in their
  written case (entity rules; a plural "Russians" is the singular plus "s", see
  ``storyline.rules.entities.DEMONYM_PLURAL_SUFFIX``).
* ``CODE_OF_DEMONYM``     "russian"/"russians" -> "RU": every form lower-cased (places rules),
  None where the nationality spans several states.
"""
from __future__ import annotations

EMPTY_CELL = "-"

NATIONALITY_TABLE = """
American        | United States           | US | Americans
Russian         | Russia                  | RU | Russians
British         | United Kingdom          | GB | Briton, Britons
English         | United Kingdom          | GB |
Scottish        | United Kingdom          | GB |
Welsh           | United Kingdom          | GB |
French          | France                  | FR |
German          | Germany                 | DE | Germans
Italian         | Italy                   | IT | Italians
Spanish         | Spain                   | ES |
Portuguese      | Portugal                | PT |
Dutch           | Netherlands             | NL |
Belgian         | Belgium                 | BE |
Swiss           | Switzerland             | CH |
Austrian        | Austria                 | AT |
Polish          | Poland                  | PL | Pole, Poles
Czech           | Czech Republic          | CZ |
Slovak          | Slovakia                | SK |
Hungarian       | Hungary                 | HU |
Romanian        | Romania                 | RO |
Bulgarian       | Bulgaria                | BG |
Greek           | Greece                  | GR |
Turkish         | Turkey                  | TR | Turk, Turks
Ukrainian       | Ukraine                 | UA | Ukrainians
Belarusian      | Belarus                 | BY |
Georgian        | Georgia                 | GE |
Armenian        | Armenia                 | AM |
Azerbaijani     | Azerbaijan              | AZ |
Swedish         | Sweden                  | SE | Swede
Norwegian       | Norway                  | NO |
Danish          | Denmark                 | DK |
Finnish         | Finland                 | FI |
Irish           | Ireland                 | IE |
Icelandic       | Iceland                 | IS |
Estonian        | Estonia                 | EE |
Latvian         | Latvia                  | LV |
Lithuanian      | Lithuania               | LT |
Serbian         | Serbia                  | RS | Serb, Serbs
Croatian        | Croatia                 | HR |
Bosnian         | Bosnia and Herzegovina  | BA |
Slovenian       | Slovenia                | SI |
Albanian        | Albania                 | AL |
Chinese         | China                   | CN |
Japanese        | Japan                   | JP |
Korean          | Korea                   | KR |
South Korean    | South Korea             | KR |
North Korean    | North Korea             | KP |
Indian          | India                   | IN | Indians
Pakistani       | Pakistan                | PK |
Afghan          | Afghanistan             | AF |
Iranian         | Iran                    | IR | Iranians
Iraqi           | Iraq                    | IQ |
Syrian          | Syria                   | SY |
Israeli         | Israel                  | IL | Israelis
Palestinian     | Palestine               | PS | Palestinians
Lebanese        | Lebanon                 | LB |
Jordanian       | Jordan                  | JO |
Saudi           | Saudi Arabia            | SA |
Egyptian        | Egypt                   | EG |
Libyan          | Libya                   | LY |
Tunisian        | Tunisia                 | TN |
Algerian        | Algeria                 | DZ |
Moroccan        | Morocco                 | MA |
Nigerian        | Nigeria                 | NG |
Kenyan          | Kenya                   | KE |
Ethiopian       | Ethiopia                | ET |
South African   | South Africa            | ZA |
Sudanese        | Sudan                   | SD |
Canadian        | Canada                  | CA | Canadians
Mexican         | Mexico                  | MX | Mexicans
Brazilian       | Brazil                  | BR |
Argentine       | Argentina               | AR |
Argentinian     | Argentina               | AR |
Chilean         | Chile                   | CL |
Colombian       | Colombia                | CO |
Venezuelan      | Venezuela               | VE |
Cuban           | Cuba                    | CU |
Peruvian        | Peru                    | PE |
Australian      | Australia               | AU |
Indonesian      | Indonesia               | ID |
Malaysian       | Malaysia                | MY |
Thai            | Thailand                | TH |
Vietnamese      | Vietnam                 | VN |
Filipino        | Philippines             | PH |
Taiwanese       | Taiwan                  | TW |
Kazakh          | Kazakhstan              | KZ |
Uzbek           | Uzbekistan              | UZ |
Qatari          | Qatar                   | QA |
Emirati         | United Arab Emirates    | AE |
Kuwaiti         | Kuwait                  | KW |
Yemeni          | Yemen                   | YE |
Omani           | Oman                    | OM |
Luxembourgish   | Luxembourg              | LU | Luxembourger
Maltese         | Malta                   | MT |
Cypriot         | Cyprus                  | CY |
Moldovan        | Moldova                 | MD |
Bangladeshi     | Bangladesh              | BD |
Sri Lankan      | Sri Lanka               | LK |
Nepalese        | Nepal                   | NP |
Burmese         | Myanmar                 | MM |
Cambodian       | Cambodia                | KH |
Mongolian       | Mongolia                | MN |
Ghanaian        | Ghana                   | GH |
Senegalese      | Senegal                 | SN |
Somali          | Somalia                 | SO |
Rwandan         | Rwanda                  | RW |
Ugandan         | Uganda                  | UG |
Tanzanian       | Tanzania                | TZ |
Zimbabwean      | Zimbabwe                | ZW |
Montenegrin     | Montenegro              | ME |
Macedonian      | North Macedonia         | MK |
Kosovar         | Kosovo                  | XK |
Andorran        | Andorra                 | AD |
Monegasque      | Monaco                  | MC |
Sammarinese     | San Marino              | SM |
-               | Liechtenstein           | LI | Liechtensteiner
Kyrgyz          | Kyrgyzstan              | KG |
Tajik           | Tajikistan              | TJ |
Turkmen         | Turkmenistan            | TM |
Bahraini        | Bahrain                 | BH |
Singaporean     | Singapore               | SG |
Jamaican        | Jamaica                 | JM |
Ecuadorian      | Ecuador                 | EC |
Bolivian        | Bolivia                 | BO |
Paraguayan      | Paraguay                | PY |
Uruguayan       | Uruguay                 | UY |
Malian          | Mali                    | ML |
Nigerien        | Niger                   | NE |
Chadian         | Chad                    | TD |
Cameroonian     | Cameroon                | CM |
Angolan         | Angola                  | AO |
Mozambican      | Mozambique              | MZ |
Zambian         | Zambia                  | ZM |
Eritrean        | Eritrea                 | ER |
Congolese       | Congo                   | -  |
Soviet          | Soviet Union            | -  |
European        | Europe                  | -  |
-               | New Zealand             | NZ | New Zealander
"""


def _rows(table: str):
    for line in table.strip().splitlines():
        adj, country, iso, nouns = (c.strip() for c in line.split("|"))
        yield (None if adj == EMPTY_CELL else adj, country,
               None if iso == EMPTY_CELL else iso,
               tuple(n.strip() for n in nouns.split(",") if n.strip()))


#: (adjective or None, country name, ISO alpha-2 or None, person nouns), in table order.
NATIONALITIES = tuple(_rows(NATIONALITY_TABLE))


def _is_plural(noun: str, forms: set[str]) -> bool:
    """"Poles" is the plural of "Pole", "Americans" of "American"; "Swiss" is no plural."""
    return noun.endswith("s") and noun[:-1] in forms


def _country_view() -> dict[str, str]:
    out: dict[str, str] = {}
    for adj, country, _iso, nouns in NATIONALITIES:
        forms = {adj, *nouns} - {None}
        for form in forms:
            if not _is_plural(form, forms):
                out.setdefault(form, country)
    return out


def _code_view() -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for adj, _country, iso, nouns in NATIONALITIES:
        for form in (adj, *nouns):
            if form is not None:
                out.setdefault(form.lower(), iso)
    return out


#: Written form -> country name ("Russian" -> "Russia", "Briton" -> "United Kingdom").
COUNTRY_OF_DEMONYM: dict[str, str] = _country_view()
#: Lower-cased form -> ISO alpha-2 or None ("russians" -> "RU", "soviet" -> None).
CODE_OF_DEMONYM: dict[str, str | None] = _code_view()
