"""The agency's four clusters, the outside networks and the initiative with its consortia.

Descriptions are written from the article in ``shared/seed``. Contact data is deliberately
non-personal: a generic address at a reserved example domain, never the names, e-mail
addresses or phone numbers of the people quoted there.
"""

from __future__ import annotations

from dataclasses import dataclass

from clusterhub.clusters.models import Cluster
from clusterhub.taxonomy.models import Theme

Kind = Cluster.Kind
CONTACT_DOMAIN = "wifoe-mannheim.example"


@dataclass(frozen=True)
class ClusterSpec:
    slug: str
    name: str
    kind: str
    colour: str
    description_de: str
    description_en: str
    themes: tuple[str, ...] = ()
    parent: str = ""
    founded_year: int | None = None
    contact: str = ""
    website: str = ""


OWN_CLUSTERS = [
    ClusterSpec(
        slug="smart-industries",
        name="Cluster Smart Industries",
        kind=Kind.OWN,
        colour="#005A9C",
        description_de=(
            "Das Cluster Smart Industries fördert digitale Innovationen in der produzierenden "
            "Industrie und in Branchen, die bisher kaum mit Digitalisierung in Berührung kamen. "
            "Es baut auf dem 2016 gemeinsam mit dem Rhein-Neckar-Kreis gegründeten Netzwerk "
            "Smart Production e. V. auf, in dem rund 50 Start-ups, Mittelständler, Global Player "
            "und wissenschaftliche Einrichtungen zusammenarbeiten. Der Smart Production "
            "Demonstrator im MAFINEX-Technologiezentrum zeigt eine reale digitale Fertigung; "
            "mit der Hochschule Mannheim entsteht ein digitaler Zwilling."
        ),
        description_en=(
            "The Smart Industries cluster promotes digital innovation in manufacturing and in "
            "sectors that have had little contact with digitalisation so far. It builds on the "
            "Netzwerk Smart Production e. V., founded in 2016 together with the Rhein-Neckar "
            "district, where around 50 start-ups, mid-sized firms, global players and research "
            "institutions work together. The Smart Production Demonstrator at the MAFINEX "
            "technology centre shows a real digital factory; a digital twin is being built "
            "with Hochschule Mannheim."
        ),
        themes=(
            "smart-industries",
            "industrie-4-0",
            "digitalisierung-fertigung",
            "digitaler-zwilling",
            "it-sicherheit",
            "kmu-digitalisierung",
            "ki",
        ),
        contact="smart-industries",
    ),
    ClusterSpec(
        slug="mmt",
        name="Mannheim Medical Technology Cluster",
        kind=Kind.OWN,
        colour="#A3004F",
        description_de=(
            "Seit 2011 entwickelt das Mannheim Medical Technology Cluster das Ökosystem aus "
            "Forschung, Versorgung und Industrie weiter, damit der Weg von der Idee zum "
            "Medizinprodukt so effizient wie möglich wird. Herzstück ist der MMT-Campus an der "
            "Franz-Volhard-Straße mit dem Business Development Center CUBEX ONE, dem Gründungs- "
            "und Kompetenzzentrum CUBEX 41 und den Gebäuden der Technologiepark Mannheim GmbH. "
            "Real-Labore im klinischen Kontext erlauben es, Innovationen im Klinikalltag zu "
            "erproben."
        ),
        description_en=(
            "Since 2011 the Mannheim Medical Technology Cluster has been developing the "
            "ecosystem of research, care and industry so that the path from idea to medical "
            "product is as efficient as possible. Its heart is the MMT Campus on "
            "Franz-Volhard-Straße with the business development centre CUBEX ONE, the start-up "
            "and competence centre CUBEX 41 and the buildings of Technologiepark Mannheim GmbH. "
            "Clinical living labs let companies test innovations in everyday hospital routine."
        ),
        themes=(
            "medizintechnik",
            "digital-health",
            "biotechnologie",
            "klinische-reallabore",
            "gesundheitswirtschaft",
            "life-sciences",
        ),
        founded_year=2011,
        contact="medtech",
    ),
    ClusterSpec(
        slug="social-economy",
        name="Social Economy Cluster",
        kind=Kind.OWN,
        colour="#6A3D9A",
        description_de=(
            "Das Social Economy Cluster verbindet unternehmerisches Denken, marktwirtschaftliches "
            "Handeln und soziale Ziele. Seit 2018 vernetzt die Wirtschaftsförderung "
            "Sozialunternehmen, Social Entrepreneurs, Wohlfahrtsunternehmen und Wissenschaft, "
            "etwa beim Open Social Innovation Forum und der Social Innovation Bar. Mit dem "
            "S-Hub Accelerator und der kostenfreien Exi-Gründungsberatung werden soziale "
            "Start-ups begleitet."
        ),
        description_en=(
            "The Social Economy Cluster brings together entrepreneurial thinking, market-based "
            "action and social goals. Since 2018 the agency has been connecting social "
            "enterprises, social entrepreneurs, welfare organisations and researchers, for "
            "instance at the Open Social Innovation Forum and the Social Innovation Bar. The "
            "S-Hub Accelerator and free start-up advice support social start-ups."
        ),
        themes=(
            "social-economy",
            "soziale-innovation",
            "social-entrepreneurship",
            "wohlfahrt",
            "gruendungsberatung",
        ),
        contact="social-economy",
    ),
    ClusterSpec(
        slug="green-industry",
        name="Green Industry Cluster",
        kind=Kind.OWN,
        colour="#2E6B30",
        description_de=(
            "Das jüngste Cluster der Wirtschaftsförderung verbindet den starken "
            "Produktionsstandort Mannheim mit den Kompetenzen der Region in den sieben "
            "Green-Tech-Leitmärkten. Es treibt Innovationsprojekte voran, vermittelt Partner, "
            "schafft Sichtbarkeit durch Messeauftritte und Netzwerktreffen, wirbt Fördermittel "
            "ein und fördert Ansiedlungen und Gründungen. Im Jungbusch entsteht ein "
            "Innovationszentrum Green Tech, in dem auch die Klimaschutzagentur Mannheim "
            "ansässig wird."
        ),
        description_en=(
            "The agency's youngest cluster joins Mannheim's strength as a manufacturing "
            "location with the region's competences in the seven green-tech lead markets. It "
            "drives innovation projects, matches partners, creates visibility through trade "
            "fairs and network meetings, acquires funding and supports new businesses and "
            "start-ups. A green-tech innovation centre is being built in the Jungbusch "
            "district, which will also house the Klimaschutzagentur Mannheim."
        ),
        themes=(
            "green-tech",
            "energie-erzeugung-speicherung",
            "energieeffizienz",
            "rohstoff-materialeffizienz",
            "nachhaltige-mobilitaet",
            "kreislaufwirtschaft",
            "wasserwirtschaft",
            "agrar-forstwirtschaft",
            "klimaneutrale-produktion",
            "klimaschutz",
        ),
        contact="green-industry",
    ),
]


def _network(
    slug: str,
    name: str,
    colour: str,
    de: str,
    en: str,
    themes: tuple[str, ...],
    founded_year: int | None = None,
) -> ClusterSpec:
    return ClusterSpec(slug, name, Kind.NETWORK, colour, de, en, themes, founded_year=founded_year)


NETWORKS = [
    _network(
        "biorn",
        "BioRN",
        "#7A4B00",
        "Das Biotech-Cluster Rhein-Neckar, einer der führenden deutschen Cluster der roten "
        "Biotechnologie.",
        "The Rhein-Neckar biotech cluster, one of Germany's leading clusters in red "
        "(medical) biotechnology.",
        ("biotechnologie", "life-sciences"),
    ),
    _network(
        "food-net-z",
        "food.net:z",
        "#8A4B08",
        "Das Lebensmittelnetzwerk der Metropolregion Rhein-Neckar.",
        "The food network of the Rhine-Neckar metropolitan region.",
        ("agrar-forstwirtschaft",),
    ),
    _network(
        "energie-umwelt",
        "Clusternetzwerk Energie und Umwelt",
        "#00666B",
        "Clusternetzwerk in der Rhein-Neckar-Region für Energieeffizienz und erneuerbare Energien.",
        "Cluster network in the Rhine-Neckar region for energy efficiency and renewable energy.",
        ("energieeffizienz", "energie-erzeugung-speicherung"),
    ),
    _network(
        "smart-production",
        "Netzwerk Smart Production e. V.",
        "#3F4F8C",
        "2016 von der Wirtschaftsförderung und dem Rhein-Neckar-Kreis gegründetes Netzwerk, "
        "in dem rund 50 Start-ups, Mittelständler, Global Player und wissenschaftliche "
        "Einrichtungen die Digitalisierung der Fertigung voranbringen.",
        "Network founded in 2016 by the agency and the Rhein-Neckar district, in which about "
        "50 start-ups, mid-sized firms, global players and research institutions advance "
        "the digitalisation of manufacturing.",
        ("industrie-4-0", "digitalisierung-fertigung"),
        founded_year=2016,
    ),
    _network(
        "netzwerkbuero-hls",
        "Netzwerkbüro Health and Life Science Rhein-Neckar",
        "#8B1A4A",
        "Im Sommer 2023 gegründetes Netzwerkbüro im CUBEX ONE: Austausch der Organisationen "
        "aus Gesundheit und Life Sciences, Anlaufstelle für Gründerinnen und Gründer.",
        "Network office founded in summer 2023 in CUBEX ONE: exchange between health and "
        "life-science organisations and first point of contact for founders.",
        ("gesundheitswirtschaft", "life-sciences"),
        founded_year=2023,
    ),
    _network(
        "lsa-bw",
        "Life Science Accelerator BW",
        "#5B2C83",
        "Accelerator-Programm für Start-ups aus Digital Health, MedTech und Biotech.",
        "Accelerator programme for start-ups in digital health, medtech and biotech.",
        ("digital-health", "medizintechnik", "biotechnologie"),
    ),
]

INITIATIVE = ClusterSpec(
    slug="industriestandort-mannheim",
    name="Industriestandort Mannheim",
    kind=Kind.INITIATIVE,
    colour="#4D4D4D",
    description_de=(
        "Im Juli 2021 gestartete Initiative der beschäftigungsstärksten Unternehmen am "
        "Standort mit Hafen, Gewerkschaften, Arbeitgeberverband, IHK und Agentur für Arbeit: "
        "In Verbundprojekten soll die klimaneutrale Transformation von Produktion und "
        "Wertschöpfung in Mannheim vorangebracht werden. Inzwischen arbeiten acht Konsortien."
    ),
    description_en=(
        "Initiative started in July 2021 by the largest employers in Mannheim together with "
        "the port, unions, the employers' association, the chamber of commerce and the "
        "employment agency, to advance the climate-neutral transformation of production in "
        "joint projects. Eight consortia are at work."
    ),
    themes=("klimaneutrale-produktion", "innovation"),
    contact="industriestandort",
)


def _consortium(slug: str, name: str, theme: str, de: str, en: str) -> ClusterSpec:
    return ClusterSpec(
        slug=f"konsortium-{slug}",
        name=name,
        kind=Kind.CONSORTIUM,
        colour="#4D4D4D",
        description_de=de,
        description_en=en,
        themes=(theme,),
        parent=INITIATIVE.slug,
    )


CONSORTIA = [
    _consortium(
        "digitale-prozessketten",
        "Digitale Prozessketten in Industrie- und Dienstleistungsproduktion",
        "digitale-prozessketten",
        "Bündelt Expertise, um Fertigung und Montage zu digitalisieren.",
        "Pools expertise to digitalise manufacturing and assembly.",
    ),
    _consortium(
        "wasserstoff",
        "Wasserstoff",
        "wasserstoff",
        "Sektorkopplung und Verstromung mit Blockheizkraftwerken und Brennstoffzellen, "
        "H2-Brenner in der Industrie, hybride und bivalente Produktionsanlagen.",
        "Sector coupling and power generation with CHP plants and fuel cells, industrial "
        "hydrogen burners, hybrid and bivalent production plants.",
    ),
    _consortium(
        "kreislaufwirtschaft",
        "Kreislaufwirtschaft",
        "industrielle-kreislaufwirtschaft",
        "Material- und Ressourceneffizienz, nachhaltige Rohstoffsicherung, Wertstoffe aus "
        "Abfallströmen anderer Firmen.",
        "Material and resource efficiency, sustainable raw-material supply, recovering "
        "materials from other companies' waste streams.",
    ),
    _consortium(
        "smart-grids",
        "Energieversorgungssicherheit (standortnah)/Smart Grids",
        "smart-grids",
        "Klimaneutralität durch klimaneutrale Energieträger, Grünstrom und die "
        "Elektrifizierung von Prozessen.",
        "Climate neutrality through carbon-free energy carriers, green power and the "
        "electrification of processes.",
    ),
    _consortium(
        "mobilitaet-logistik",
        "Mobilität & Logistik-Infrastruktur",
        "mobilitaet-logistik",
        "E-Ladeinfrastruktur und ihr Betrieb für Pkw und Lkw.",
        "Charging infrastructure and its operation for cars and trucks.",
    ),
    _consortium(
        "automobil",
        "Transformation der Automobilindustrie",
        "transformation-automobil",
        "Technologiewandel durch neue Produktionstechnologien für E-Achse, Batterie und "
        "Brennstoffzelle.",
        "Technology change through new production technologies for e-axles, batteries and "
        "fuel cells.",
    ),
    _consortium(
        "industrieflaechen",
        "Industrieflächen",
        "industrieflaechen",
        "Verfügbarkeit von Industrieflächen am Standort Mannheim.",
        "Availability of industrial land in Mannheim.",
    ),
    _consortium(
        "fachkraefte",
        "Fachkräftegewinnung",
        "fachkraeftegewinnung",
        "Gemeinsame Gewinnung und Qualifizierung von Fachkräften.",
        "Joint recruiting and training of skilled workers.",
    ),
]

ALL_CLUSTERS = [*OWN_CLUSTERS, *NETWORKS, INITIATIVE, *CONSORTIA]


def load_clusters(themes: dict[str, Theme]) -> dict[str, Cluster]:
    """Create or update every cluster with its focus themes; returns them by slug."""
    by_slug: dict[str, Cluster] = {}
    for spec in ALL_CLUSTERS:
        cluster, _created = Cluster.objects.update_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "kind": spec.kind,
                "colour": spec.colour,
                "description_de": spec.description_de,
                "description_en": spec.description_en,
                "parent": by_slug[spec.parent] if spec.parent else None,
                "founded_year": spec.founded_year,
                "contact_email": f"{spec.contact}@{CONTACT_DOMAIN}" if spec.contact else "",
                "website": spec.website,
            },
        )
        cluster.focus_themes.set([themes[slug] for slug in spec.themes])
        by_slug[spec.slug] = cluster
    return by_slug
