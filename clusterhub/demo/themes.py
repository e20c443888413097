"""The demo's theme taxonomy, taken from the article on Mannheim's four clusters.

Each entry is (slug, German label, English label, scheme, broader slug or ""). Parents come
before their children, so one pass in order can resolve every broader link.
"""

from __future__ import annotations

from dataclasses import dataclass

from clusterhub.taxonomy.models import Theme

Scheme = Theme.Scheme


@dataclass(frozen=True)
class ThemeSpec:
    slug: str
    label_de: str
    label_en: str
    scheme: str
    broader: str = ""


def _specs(scheme: str, rows: list[tuple[str, str, str, str]]) -> list[ThemeSpec]:
    return [ThemeSpec(slug, de, en, scheme, broader) for slug, de, en, broader in rows]


CROSS_CUTTING = _specs(
    Scheme.CROSS_CUTTING,
    [
        ("innovation", "Innovation", "Innovation", ""),
        ("nachhaltigkeit", "Nachhaltigkeit", "Sustainability", ""),
        ("klimaschutz", "Klimaschutz", "Climate protection", "nachhaltigkeit"),
        ("ki", "Künstliche Intelligenz (KI)", "Artificial intelligence (AI)", "innovation"),
        ("fachkraefte", "Fachkräfte", "Skilled workers", ""),
        ("esg", "ESG (Umwelt, Soziales, Unternehmensführung)", "ESG", "nachhaltigkeit"),
    ],
)

CLUSTER_FIELDS = _specs(
    Scheme.CLUSTER_FIELD,
    [
        ("medizintechnik", "Medizintechnik", "Medical technology", ""),
        ("digital-health", "Digital Health", "Digital health", "medizintechnik"),
        ("biotechnologie", "Biotechnologie", "Biotechnology", "medizintechnik"),
        (
            "klinische-reallabore",
            "Klinische Real-Labore",
            "Clinical living labs",
            "medizintechnik",
        ),
        ("gesundheitswirtschaft", "Gesundheitswirtschaft", "Health economy", "medizintechnik"),
        ("life-sciences", "Life Sciences", "Life sciences", "medizintechnik"),
        ("smart-industries", "Smart Industries", "Smart industries", ""),
        ("industrie-4-0", "Industrie 4.0", "Industry 4.0", "smart-industries"),
        (
            "digitalisierung-fertigung",
            "Digitalisierung der Fertigung",
            "Digitalisation of manufacturing",
            "smart-industries",
        ),
        ("digitaler-zwilling", "Digitaler Zwilling", "Digital twin", "smart-industries"),
        ("it-sicherheit", "IT-Sicherheit", "IT security", "smart-industries"),
        (
            "kmu-digitalisierung",
            "Digitalisierung im Mittelstand",
            "Digitalisation of SMEs",
            "smart-industries",
        ),
        ("social-economy", "Social Economy", "Social economy", ""),
        ("soziale-innovation", "Soziale Innovation", "Social innovation", "social-economy"),
        (
            "social-entrepreneurship",
            "Social Entrepreneurship",
            "Social entrepreneurship",
            "social-economy",
        ),
        ("wohlfahrt", "Wohlfahrt", "Welfare", "social-economy"),
        ("gruendungsberatung", "Gründungsberatung", "Start-up advice", "social-economy"),
        ("green-tech", "Green Tech", "Green tech", ""),
        (
            "klimaneutrale-produktion",
            "Klimaneutrale Produktion",
            "Climate-neutral production",
            "green-tech",
        ),
    ],
)

LEAD_MARKETS = _specs(
    Scheme.LEAD_MARKET,
    [
        (
            "energie-erzeugung-speicherung",
            "Umweltfreundliche Erzeugung, Speicherung und Verteilung von Energie",
            "Environmentally friendly generation, storage and distribution of energy",
            "green-tech",
        ),
        ("energieeffizienz", "Energieeffizienz", "Energy efficiency", "green-tech"),
        (
            "rohstoff-materialeffizienz",
            "Rohstoff- und Materialeffizienz",
            "Raw material and material efficiency",
            "green-tech",
        ),
        ("nachhaltige-mobilitaet", "Nachhaltige Mobilität", "Sustainable mobility", "green-tech"),
        ("kreislaufwirtschaft", "Kreislaufwirtschaft", "Circular economy", "green-tech"),
        (
            "wasserwirtschaft",
            "Nachhaltige Wasserwirtschaft",
            "Sustainable water management",
            "green-tech",
        ),
        (
            "agrar-forstwirtschaft",
            "Nachhaltige Agrar- und Forstwirtschaft",
            "Sustainable agriculture and forestry",
            "green-tech",
        ),
    ],
)

CONSORTIUM_THEMES = _specs(
    Scheme.CONSORTIUM,
    [
        ("wasserstoff", "Wasserstoff", "Hydrogen", "energie-erzeugung-speicherung"),
        (
            "industrielle-kreislaufwirtschaft",
            "Kreislaufwirtschaft in der Industrie",
            "Industrial circular economy",
            "kreislaufwirtschaft",
        ),
        (
            "smart-grids",
            "Smart Grids und Energieversorgungssicherheit",
            "Smart grids and security of energy supply",
            "energie-erzeugung-speicherung",
        ),
        (
            "mobilitaet-logistik",
            "Mobilität & Logistik-Infrastruktur",
            "Mobility and logistics infrastructure",
            "nachhaltige-mobilitaet",
        ),
        (
            "transformation-automobil",
            "Transformation der Automobilindustrie",
            "Transformation of the automotive industry",
            "nachhaltige-mobilitaet",
        ),
        (
            "digitale-prozessketten",
            "Digitale Prozessketten",
            "Digital process chains",
            "industrie-4-0",
        ),
        ("industrieflaechen", "Industrieflächen", "Industrial sites", ""),
        (
            "fachkraeftegewinnung",
            "Fachkräftegewinnung",
            "Recruiting skilled workers",
            "fachkraefte",
        ),
    ],
)

# Horizon 2020 programme parts as the CORDIS extract names them (column programme_parts).
RESEARCH_PROGRAMMES = _specs(
    Scheme.RESEARCH,
    [
        ("h2020", "Horizont 2020", "Horizon 2020", ""),
        (
            "h2020-erc",
            "Europäischer Forschungsrat (ERC)",
            "European Research Council (ERC)",
            "h2020",
        ),
        (
            "h2020-msca",
            "Marie-Skłodowska-Curie-Maßnahmen (MSCA)",
            "Marie Skłodowska-Curie Actions (MSCA)",
            "h2020",
        ),
        (
            "h2020-fet",
            "Künftige und neu entstehende Technologien (FET)",
            "Future and Emerging Technologies (FET)",
            "h2020",
        ),
        ("h2020-ri", "Forschungsinfrastrukturen", "Research infrastructures", "h2020"),
        (
            "h2020-leit",
            "Industrielle Schlüsseltechnologien (LEIT)",
            "Leadership in enabling and industrial technologies (LEIT)",
            "h2020",
        ),
        ("h2020-innosup", "Innovation in KMU", "Innovation in SMEs", "h2020"),
        ("h2020-arf", "Zugang zu Risikofinanzierung", "Access to risk finance", "h2020"),
        (
            "h2020-sc1",
            "Gesundheit, demografischer Wandel und Wohlergehen (SC1)",
            "Health, demographic change and wellbeing (SC1)",
            "h2020",
        ),
        (
            "h2020-sc2",
            "Lebensmittelsicherheit, nachhaltige Landwirtschaft, Bioökonomie (SC2)",
            "Food security, sustainable agriculture, bioeconomy (SC2)",
            "h2020",
        ),
        (
            "h2020-sc3",
            "Sichere, saubere und effiziente Energie (SC3)",
            "Secure, clean and efficient energy (SC3)",
            "h2020",
        ),
        (
            "h2020-sc4",
            "Intelligenter, umweltfreundlicher und integrierter Verkehr (SC4)",
            "Smart, green and integrated transport (SC4)",
            "h2020",
        ),
        (
            "h2020-sc5",
            "Klimaschutz, Umwelt, Ressourceneffizienz und Rohstoffe (SC5)",
            "Climate action, environment, resource efficiency and raw materials (SC5)",
            "h2020",
        ),
        (
            "h2020-sc6",
            "Integrative, innovative und reflektierende Gesellschaften (SC6)",
            "Inclusive, innovative and reflective societies (SC6)",
            "h2020",
        ),
        ("h2020-sc7", "Sichere Gesellschaften (SC7)", "Secure societies (SC7)", "h2020"),
        (
            "h2020-sewp",
            "Verbreitung von Exzellenz und Ausweitung der Beteiligung",
            "Spreading excellence and widening participation",
            "h2020",
        ),
        (
            "h2020-swafs",
            "Wissenschaft mit der und für die Gesellschaft",
            "Science with and for society",
            "h2020",
        ),
        ("h2020-euratom", "Euratom", "Euratom", "h2020"),
    ],
)

# Value in the CORDIS column programme_parts -> theme slug.
PROGRAMME_PART_THEMES = {
    "ERC": "h2020-erc",
    "MSCA": "h2020-msca",
    "FET": "h2020-fet",
    "RI": "h2020-ri",
    "LEIT": "h2020-leit",
    "Innovation in SMEs": "h2020-innosup",
    "ARF": "h2020-arf",
    "SC1": "h2020-sc1",
    "SC2": "h2020-sc2",
    "SC3": "h2020-sc3",
    "SC4": "h2020-sc4",
    "SC5": "h2020-sc5",
    "SC6": "h2020-sc6",
    "SC7": "h2020-sc7",
    "SEWP": "h2020-sewp",
    "SWAFS": "h2020-swafs",
    "Euratom": "h2020-euratom",
}

ALL_THEMES = CROSS_CUTTING + CLUSTER_FIELDS + LEAD_MARKETS + CONSORTIUM_THEMES + RESEARCH_PROGRAMMES


def load_themes() -> dict[str, Theme]:
    """Create or update every theme; returns them by slug."""
    by_slug: dict[str, Theme] = {}
    for spec in ALL_THEMES:
        theme, _created = Theme.objects.update_or_create(
            slug=spec.slug,
            defaults={
                "label_de": spec.label_de,
                "label_en": spec.label_en,
                "scheme": spec.scheme,
                "broader": by_slug[spec.broader] if spec.broader else None,
            },
        )
        by_slug[spec.slug] = theme
    return by_slug
