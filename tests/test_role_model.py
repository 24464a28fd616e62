"""The trained role-family reader measured by the pre-registered CV (etl/role_model.py, etl/role_model_cv.py;
etl/data/labelled/README.md "A trained reader for the role family, pre-registered"); wording invented."""

from __future__ import annotations

import numpy as np

from etl import role_model as rmod
from etl.normalize.role_family import classify_roles_family


def test_rule_path_of_one_title() -> None:
    assert rmod.rule_path(None, "Senior Backend Software Engineer") == "title"
    assert rmod.rule_path(None, "Marketing Manager") == "title"
    assert rmod.rule_path(None, "Senior Engineer") == "title_text"  # an open title: the text decides
    assert rmod.rule_path(None, "") == "no_title"
    assert rmod.rule_path(None, None) == "no_title"


def test_rule_path_of_a_comment_naming_roles() -> None:
    roles = ("Backend Engineer", "Data Scientist", "Product Designer")
    assert rmod.rule_path(roles, "Backend Engineer") == "votes"
    # one named role leaves the family to the title
    assert rmod.rule_path(("Backend Engineer",), "Backend Engineer") == "title"


def test_rules_reading_is_the_rules_answer() -> None:
    text = "We write Python services and review code daily."
    family, path = rmod.rules_reading(None, None, "Senior Engineer", text)
    assert family == classify_roles_family(None, "Senior Engineer", text) and path == "title_text"
    family, path = rmod.rules_reading(None, None, "Data Scientist", "Models and statistics.")
    assert (family, path) == ("data", "title")


def test_features_keep_title_and_text_apart_and_add_rule_tokens() -> None:
    plain = rmod.features(["Data Engineer"], ["Data Engineer"])
    assert len(plain[0]) == 5 and len(plain[0][4]) == 0
    title_ngrams, text_ngrams = set(plain[0][0].tolist()), set(plain[0][2].tolist())
    assert len(title_ngrams & text_ngrams) < len(title_ngrams) // 4  # the text's n-grams are salted apart
    ruled = rmod.features(["Data Engineer"], ["x"], ["data"], ["title"])
    assert len(ruled[0][4]) == 3
    assert all(int(b.max(initial=0)) < rmod.DIM for b in ruled[0])


def test_training_separates_invented_postings_deterministically() -> None:
    titles = ["Backend Developer", "Frontend Developer", "Data Analyst", "Data Scientist", "Sales Manager",
              "Account Executive"] * 3
    texts = ["We write code in Go.", "React and TypeScript.", "SQL dashboards and reports.",
             "Statistics and models.", "Sell to customers.", "Close deals with clients."] * 3
    labels = ["software_engineering", "software_engineering", "data", "data", "other", "other"] * 3
    rows = rmod.features(titles, texts)
    m1 = rmod.train(rows, labels)
    m2 = rmod.train(rows, labels)
    assert np.allclose(m1.weights, m2.weights) and np.allclose(m1.bias, m2.bias)
    got = [rmod.CLASSES[int(i)] for i in np.argmax(m1.proba(rmod.features(
        ["Senior Backend Developer", "Data Analyst II", "Regional Sales Manager"],
        ["Code in Go.", "SQL reports.", "Customers."])), axis=1)]
    assert got == ["software_engineering", "data", "other"]
    assert np.allclose(m1.proba(rows).sum(axis=1), 1.0)
    arr = m1.to_array()
    assert arr.shape == (rmod.DIM + 1, 3) and arr.dtype == np.float32
    assert np.array_equal(rmod.Model.from_array(arr).weights, m1.weights)
