"""Skills classes from the later batch real-later-v44's misses and the rulings it brings due (issue 9, Hacker
News; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named
from skill_names import named_in_posting


@pytest.mark.parametrize(("text", "skill", "named"), [
    # class F (lead ruling 2 on real-later-v39): "we're using <field> to <business goal>" is the employer's
    # method, not a skill asked of the role - also with the contraction and other goal verbs
    ("We're using data analytics, custom software and machine learning to coordinate care for our members. "
     "Apply below.", "Machine Learning", False),
    ("We’re using computer vision to solve parking for busy cities.", "Computer Vision", False),
    ("We are using deep learning to drive down the cost of crop insurance.", "Deep Learning", False),
    ("We use big data to reimagine how farms plan a season.", "Big Data", False),
    # a requirement wording still asks for it, and so does the role's own line
    ("You'll be using machine learning to coordinate care for our members.", "Machine Learning", True),
    ("Experience using machine learning to solve ranking problems is required.", "Machine Learning", True),
    ("We're using machine learning to coordinate care. You will train and ship machine learning models.",
     "Machine Learning", True),
    ("We're looking for an engineer who enjoys using machine learning to solve routing problems.",
     "Machine Learning", True),
    # the concrete tools of the same sentence are still the team's
    ("We're using Python, Django and machine learning to coordinate care.", "Python", True),
])
def test_later_v44_employer_method_sentence(text: str, skill: str, named: bool) -> None:
    assert (skill in named_in_posting(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a stack opener before a context-needing name with no neighbour (lead ruling 1 on real-later-v39: it
    # waited for a record with only such names): "<our> architecture / stack / codebase / backend is (mostly)
    # <name>"
    ("Our architecture is mostly Ruby, with other tools where they fit.", "Ruby", True),
    ("Our stack is Go and a few shell scripts.", "Go", True),
    ("The backend is primarily Ruby; the apps are native.", "Ruby", True),
    ("The codebase is mostly Rails.", "Ruby on Rails", True),
    # the same words after other nouns name nothing ("our office is", "the team lead is")
    ("Our office is mostly Ruby red and gold.", "Ruby", False),
    ("Our team lead is Ruby, who joined in May.", "Ruby", False),
])
def test_later_v44_stack_is_leads_in(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a device the worker owns or is given: the operating systems in a bracket or between dashes right after
    # it name the phone's platform, not work asked (real-later-v32 ruling 2, now with a second record)
    ("Benefits: a company-supplied smartphone -- iOS, Android or Windows -- you choose.", "iOS", False),
    ("Benefits: a company-supplied smartphone -- iOS, Android or Windows -- you choose.", "Android", False),
    ("Benefits: a company-supplied smartphone -- iOS, Android or Windows -- you choose.", "Windows", False),
    ("You need daily access to a smartphone (Android 4.1, iOS 8 or higher) and a computer.", "Android",
     False),
    ("You need daily access to a smartphone (Android 4.1, iOS 8 or higher) and a computer.", "iOS", False),
    ("Du brauchst ein eigenes Smartphone (Android oder iOS) für die Schichtplanung.", "Android", False),
    # apps for such devices, and the platforms asked elsewhere, still count
    ("You will build native apps for phones (iOS and Android) in Swift and Kotlin.", "iOS", True),
    ("You will build native apps for tablets (iOS, Android) for our field teams.", "Android", True),
    ("A company smartphone is provided. Experience with iOS and Android development is a must.", "Android",
     True),
])
def test_later_v44_device_operating_systems(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a role named by the context-needing language before a role noun, as "Go developer" (real-later-v44)
    ("2) Experienced Solidity Developer | REMOTE | apply via the link.", "Solidity", True),
    ("We need two Solidity engineers for the token contracts.", "Solidity", True),
    ("The solidity of our balance sheet lets us plan ahead.", "Solidity", False),
    # an app built with the framework ("a desktop/Electron app"), not the particle
    ("You'll own the companion apps, including a desktop/Electron app and a browser extension.", "Electron",
     True),
    ("Electron microscopy images are analysed by the lab's scientists.", "Electron", False),
])
def test_later_v44_role_and_app_after_a_short_name(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named
