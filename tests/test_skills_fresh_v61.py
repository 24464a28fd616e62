"""Skills classes from the sixty-seventh round's misses (issue 9, real-fresh-v61, German; invented words)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # the German spelling of microservices, alone and in a compound with architecture
    ("Du bindest Modelle in Mikroservicearchitekturen ein.", "Microservices", True),
    ("Du baust Mikroservices mit Java.", "Microservices", True),
    ("Erfahrung mit einer Mikroservice-Architektur.", "Microservices", True),
    ("Du planst eine Microservicearchitektur für Kunden.", "Microservices", True),
    # "Azure Kubernetes" without "Service" is the managed service itself
    ("Du sammelst erste Erfahrung mit Azure Kubernetes im Betrieb.", "Azure Kubernetes Service", True),
    ("Du kennst Azure, Kubernetes und Helm.", "Azure Kubernetes Service", False),
    # forecasts or prognoses made and shown are data being visualised
    ("Du erstellst Vorhersagen und kannst sie visualisieren.", "Data Visualization", True),
    ("Du erstellst Prognosen für den Vertrieb und visualisierst sie.", "Data Visualization", True),
    ("Du visualisierst Ideen für unser Team.", "Data Visualization", False),
])
def test_sixty_seventh_round_forms(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # the inflected German adjective with another adjective between it and the design noun
    ("Umsetzung responsiver und barrierefreier Oberflächen für Apps.", True),
    ("Du entwirfst responsiven, schlanken Mobile Interfaces ein Gesicht.", True),
    ("Gestaltung eines responsiven, klaren Layouts.", True),
    # ... never without a design noun near
    ("Ein responsives, freundliches Team erwartet dich.", False),
    ("Unser Support ist responsiver als andere.", False),
])
def test_german_responsive_before_another_adjective(text: str, named: bool) -> None:
    assert ("Responsive Design" in _named(text)) is named
