"""A class of `real-later-v132`'s misses (issue 9, twenty-sixth session, h26rolede2). Invented wording
throughout.

*A cloud cost (FinOps) role* (`real-later-v80` #358, a cloud strategy and cost consultant read software by
its text's cloud words, and `real-later-v132` #338, a cloud cost and analytics engineer read data by
"Analytics": two labelled records, both other). The labelling rules name a cloud cost (FinOps) consultant
other (`real-test-later-v2` borderline 3, `real-later-v80`): the work is the cost side of the cloud (cost
allocation, tagging, budgets, savings), not building or running software nor data work. Now "FinOps" and a
title naming cloud costs ("Cloud Cost ...", "Cloud Strategy & Cost ...", "Cloud-Kosten...") join the
not-software words, tried before the data rule's "analytics" and the text's tie-break; an explicit software
title keeps its family ("Software Engineer - FinOps").
"""

import pytest

from etl.normalize.role_family import classify_role_family, title_family

# a FinOps text heavy with cloud and code words, which the tie-break reads as software
CLOUD_COST_DE = (
    "Du analysierst die Ausgaben unserer Kunden in AWS, Azure und GCP, baust Kostenstellen-Tagging mit "
    "Terraform auf, automatisierst Kosten-Reports mit Python und SQL und berätst DevOps-Teams zu "
    "Kubernetes-Rightsizing."
)
CLOUD_COST_EN = (
    "You review cloud bills across AWS and Azure, set up tagging policies with Terraform, script cost "
    "reports in Python and advise our Kubernetes and DevOps teams on reserved capacity."
)


@pytest.mark.parametrize("title", [
    "Junior Cloud Cost & Analytics Engineer (m/w/d)",
    "Cloud Cost Engineer",
    "Senior Cloud Strategy & Cost Consultant (m/w/d)",
    "Cloud Strategy and Cost Analyst",
    "Cloud Costs Specialist",
    "Cloud-Kosten-Analyst (m/w/d)",
    "Cloud-Kostenmanager:in",
    "FinOps Analyst (m/w/d)",
    "FinOps Engineer",
    "Consultant FinOps & Cloud Governance (w/m/d)",
])
@pytest.mark.parametrize("text", [CLOUD_COST_DE, CLOUD_COST_EN, None])
def test_a_cloud_cost_role_is_other(title: str, text: str | None) -> None:
    assert title_family(title) == "other"
    assert classify_role_family(title, text) == "other"


@pytest.mark.parametrize(("title", "family"), [
    # an explicit software title wins over everything
    ("Lead Software Engineer - FinOps, Cloud Platform", "software_engineering"),
    ("Softwareentwickler (m/w/d) Cloud-Kostenplattform", "software_engineering"),
    # a cloud engineer or a data analyst naming no cost keeps its rule
    ("Cloud Engineer (m/w/d)", "software_engineering"),
    ("Cloud Data Analytics Engineer", "data"),
    ("Data Analyst Cloud Strategy", "data"),
    # cost words without the cloud, or the cloud without a cost, are not this rule
    ("Cost Engineer Railway (m/w/d)", None),
    ("Cost Analyst Data Warehouse", "data"),
    ("Cloud Strategy Consultant", None),
    ("Kostenrechner Cloud Betrieb", None),
])
def test_other_titles_keep_their_reading(title: str, family: str | None) -> None:
    assert title_family(title) == family
