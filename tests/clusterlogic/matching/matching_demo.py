"""Small demo profiles in German and English whose right partners one can argue."""

from __future__ import annotations

from clusterlogic.matching.model import Organisation, Tie

DEMO = (
    Organisation(
        id="brenner",
        name="Rhein-Neckar Brennertechnik GmbH",
        kind="company",
        country="DE",
        city="Mannheim",
        text="Wir entwickeln Wasserstoffbrenner und Brenner für Erdgas in der Glasindustrie.",
        themes=("Wasserstoff", "Energie"),
    ),
    Organisation(
        id="recycling",
        name="Kurpfalz Recycling AG",
        kind="company",
        country="DE",
        city="Ludwigshafen",
        text="Recycling of industrial waste streams and by-products; circular economy services.",
        themes=("Kreislaufwirtschaft",),
    ),
    Organisation(
        id="elektrolyse",
        name="Institut für Elektrolyse",
        kind="research",
        country="DE",
        city="Heidelberg",
        text="Forschung zu Elektrolyse, Wasserstoff und Speichern für die Industrie.",
        themes=("Wasserstoff",),
    ),
    Organisation(
        id="medtech",
        name="Sensorik Start-up",
        kind="company",
        country="DE",
        city="Heidelberg",
        text="KI-gestützte Sensoren für die Medizintechnik und Diagnostik.",
        themes=("Medizintechnik", "KI"),
    ),
    Organisation(
        id="glas",
        name="Glaswerk Süd",
        kind="company",
        country="DE",
        city="Mannheim",
        text="Flat glass production; we want to cut the gas burners' CO2 emissions.",
        themes=("Energie",),
    ),
    Organisation(
        id="software",
        name="Data Software Labs",
        kind="company",
        country="FR",
        city="Lyon",
        text="Software for production planning and machine learning in smart factories.",
        themes=("KI", "Produktion"),
    ),
    Organisation(
        id="uni",
        name="Universität Mannheim",
        kind="university",
        country="DE",
        city="Mannheim",
        text="Betriebswirtschaft, Wirtschaftsinformatik, Data Science.",
        themes=("KI",),
    ),
)
DEMO_TIES = (
    Tie("brenner", "elektrolyse", year=2021),
    Tie("elektrolyse", "glas", year=2022),
    Tie("software", "uni", year=2022),
    Tie("medtech", "uni", year=2020),
)
