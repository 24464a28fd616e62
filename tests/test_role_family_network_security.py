"""Network security engineers (lead's `real-test-later-v1` ruling 3 and `real-later-v80` ruling 2, h19net).

A network *security* (firewall) engineer is an infrastructure security engineer: software_engineering. A
network engineer who builds and runs networks (routers, switches) and whose title names no security is other,
as system administrators are; network security analysts stay other (security analysts are other). Invented
titles."""

from __future__ import annotations

import pytest

from etl.normalize.role_family import classify_role_family

SE, OTHER = "software_engineering", "other"

# a text of network operations with no software cue
ROUTING = "Configure routers and switches, run the campus LAN and WAN, and keep the VPN gateways patched."


@pytest.mark.parametrize(("title", "text", "family"), [
    # the ruling: network security (firewall) engineers -> software_engineering, whatever the text
    ("Network Security Engineer", "", SE),
    ("Senior Network Security Engineer II (Firewalls)", ROUTING, SE),
    ("Network Security Engineering Lead", "", SE),
    ("Firewall Engineer - Palo Alto", ROUTING, SE),
    ("Network Engineer - Firewall & VPN", ROUTING, SE),
    ("Network Engineer (Security)", "", SE),
])
def test_network_security_engineers(title: str, text: str, family: str) -> None:
    assert classify_role_family(title, text) == family


@pytest.mark.parametrize(("title", "text", "family"), [
    # unchanged: network engineers naming no security, a clearance (not a security role), network security
    # analysts and administrators stay other
    ("Network Engineer", ROUTING, OTHER),
    ("Senior Network Engineer - Data Center", ROUTING, OTHER),
    ("Network Engineer - Security Clearance Required", ROUTING, OTHER),
    ("Network Engineer (Secret Clearance)", "", OTHER),
    ("Network Security Analyst", "", OTHER),
    ("Network Security Administrator", ROUTING, OTHER),
    ("Hardware Security Engineer", "", OTHER),
])
def test_network_neighbours(title: str, text: str, family: str) -> None:
    assert classify_role_family(title, text) == family
