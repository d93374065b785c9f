"""The feature kinds Routes speaks of, derived from GeoNames feature classes and codes.

GeoNames has hundreds of feature codes; a route map needs a handful of kinds that decide how a
place is drawn and how far a match may be from the truth (a river is a line, a region an area).
"""

from __future__ import annotations

__all__ = ["KINDS", "kind_of"]

_BY_CODE = {
    "PCLI": "country", "PCLD": "country", "PCLF": "country", "PCLS": "country", "PCL": "country",
    "PCLIX": "country", "TERR": "country",
    "ADM1": "region", "ADM2": "region", "ADM3": "region", "ADMD": "region", "ADM1H": "region",
    "RGN": "region", "CONT": "continent",
    "STM": "river", "STMI": "river", "CNL": "canal",
    "SEA": "sea", "GULF": "sea", "BAY": "sea", "STRT": "sea", "OCN": "sea", "SD": "sea",
    "LK": "lake", "RSV": "lake",
    "ISL": "island", "ISLS": "island", "PEN": "peninsula",
    "MT": "mountain", "MTS": "mountain", "PK": "mountain", "PASS": "mountain",
    "BDG": "bridge", "PSTB": "crossing", "RSTN": "station", "RSTP": "station",
    "CTRS": "spaceport", "AIRB": "airbase", "AIRP": "airport", "AIRF": "airport", "AIRH": "airport",
    "MILB": "base", "INSM": "base", "NVB": "base",
    "PRT": "port", "HBR": "port", "PAL": "palace",
}
_BY_CLASS = {"A": "region", "H": "water", "L": "area", "T": "landform", "S": "landmark",
             "R": "landmark", "U": "water", "V": "area"}

KINDS = (
    "city", "town", "region", "country", "continent", "river", "canal", "sea", "lake", "water",
    "island", "peninsula", "mountain", "landform", "area", "bridge", "crossing", "station",
    "spaceport", "airbase", "airport", "base", "port", "palace", "landmark",
)


def kind_of(feature_class: str, feature_code: str, population: int = 0) -> str:
    """Kind of a GeoNames feature; populated places split into cities (100,000+) and towns."""
    if feature_class == "P":
        return "city" if population >= 100_000 or feature_code.startswith("PPLC") else "town"
    return _BY_CODE.get(feature_code) or _BY_CLASS.get(feature_class, "landmark")
