"""Deterministic synthetic job postings for the embedded demo warehouse.

Why: a newcomer's ``make run`` must show a dashboard with something worth
looking at, without any real data and without a download. The generator draws
postings from the calibration in ``etl/data/demo_profile.yaml`` (seniority mix,
skill shares with trends, salaries by country, city and seniority, remote mix)
with a seeded random generator, so the same seed always gives the same files.
The postings are then written in the real source formats (see writers.py) and
loaded through the ordinary ETL path, so the demo exercises the real code.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from etl.yaml_data import load_yaml

PROFILE = Path(__file__).resolve().parents[1] / "data" / "demo_profile.yaml"

TITLES = {
    "junior": ["Junior Software Engineer", "Software Engineer I", "Junior Backend Developer",
               "Graduate Software Developer"],
    "mid": ["Software Engineer II", "Mid-level Software Developer", "Software Engineer II, Backend",
            "Mid-level Frontend Engineer"],
    "senior": ["Senior Software Engineer", "Sr. Software Developer", "Senior Backend Engineer",
               "Senior Full Stack Developer", "Software Engineer III", "Senior Platform Engineer",
               "Senior Frontend Engineer"],
    "staff": ["Staff Software Engineer", "Staff Backend Engineer", "Staff Platform Engineer"],
    "principal": ["Principal Software Engineer", "Principal Engineer, Platform"],
    "lead": ["Lead Software Engineer", "Tech Lead, Backend", "Lead Software Developer"],
    "manager": ["Engineering Manager", "Software Engineering Manager", "Engineering Manager, Platform"],
}
OTHER_TITLES = ["Senior Data Analyst", "Data Scientist", "Product Marketing Manager",
                "Senior Account Executive", "Technical Recruiter", "Senior Product Designer",
                "Customer Success Manager"]
CLOSING = [
    "We are an equal opportunity employer. We do not discriminate on the basis of race, religion, colour, "
    "national origin, gender, sexual orientation, age, marital status, veteran status or disability status. "
    "If you need an accommodation during the hiring process, tell your recruiter and we will make it happen.",
    "Our interview process has four steps: a short call with a recruiter, a conversation with the hiring "
    "manager, a practical exercise that we pay you for, and a final round with the people you would work "
    "with. We aim to give an answer within two weeks of the first call and to give useful feedback whatever "
    "the outcome.",
    "We care about how we work as much as what we build. Teams plan their own work in short cycles, write "
    "down their decisions, and share what they learn in open demos every other Friday. New joiners get a "
    "buddy, a clear plan for the first ninety days, and time to learn the codebase before they take on "
    "production duties.",
    "Benefits include comprehensive health, dental and vision cover, a pension or retirement plan with an "
    "employer match, a home-office allowance, an annual learning budget for books, courses and conferences, "
    "sixteen weeks of paid parental leave, and a yearly company retreat. Compensation also includes a share "
    "of the company.",
]
SENIOR_DUTIES = {
    "senior": ["Mentor junior engineers and take part in code reviews.", "Own the system design of the "
                                                                         "services you build."],
    "staff": ["Set technical direction across teams and lead design reviews.", "Mentor senior engineers "
                                                                               "and review code."],
    "principal": ["Define the software architecture of the platform.", "Provide technical leadership across "
                                                                       "the organisation."],
    "lead": ["Lead a team of five engineers and run code reviews.", "Work with product managers and "
                                                                    "stakeholders on the roadmap."],
    "manager": ["Hire, grow and mentor a team of engineers.", "Partner with product and business "
                                                              "stakeholders on planning."],
}


@dataclass(slots=True)
class DemoPosting:
    n: int
    title: str
    company: str
    seniority: str
    software: bool
    city: str
    region: str
    country: str
    remote: str
    posted: date
    skills: list[str]
    years: tuple[int, int | None]
    degree: str | None
    salary: tuple[float, float, str, str] | None  # min, max, currency, period
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@lru_cache(maxsize=1)
def profile() -> dict[str, Any]:
    with open(PROFILE, encoding="utf-8") as fh:
        return load_yaml(fh)


def _months(p: dict[str, Any]) -> list[date]:
    y, m = (int(x) for x in p["end_month"].split("-"))
    out = []
    for _ in range(p["months"]):
        out.append(date(y, m, 1))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out[::-1]


class Generator:
    """Draws postings one by one; ``postings(n)`` is deterministic for a seed.

    ``full_every=k`` gives every k-th posting the full description (about 1,900 characters) and the
    others a brief one with the same facts (title, city, years, skills, degree, remote): extraction
    costs about a third as much, for tests that need tens of thousands of postings. The default (1)
    draws exactly what it always drew.
    """

    def __init__(self, seed: int = 7, full_every: int = 1) -> None:
        self.rng = random.Random(seed)
        self.full_every = full_every
        self.p = profile()
        self.months = _months(self.p)
        self.countries = list(self.p["countries"])
        self.country_w = [self.p["countries"][c]["weight"] for c in self.countries]
        self.cities: dict[str, list[list[Any]]] = {}
        for row in self.p["cities"]:
            self.cities.setdefault(row[2], []).append(row)
        self.levels = list(self.p["seniority_mix"])
        self.level_w = [self.p["seniority_mix"][k] for k in self.levels]
        self.skills = list(self.p["skills"].items())
        self._chances: dict[float, list[tuple[str, float]]] = {}

    def _skill_set(self, t: float) -> list[str]:
        rng, chosen = self.rng, []
        # each skill's chance depends on the month only: computed once a month, not once a posting (the
        # same floats, so the same draws: a 5M-posting bench input no longer pays an exp() per skill)
        chances = self._chances.get(t)
        if chances is None:
            # trend per year, t in [0, 1] over two years
            chances = self._chances[t] = [(name, min(0.95, weight * math.exp(trend * 2 * t)))
                                          for name, (weight, trend, _group) in self.skills]
        for name, chance in chances:
            if rng.random() < chance:
                chosen.append(name)
        if not chosen:
            chosen = [rng.choice(["Python", "Java", "JavaScript", "Go", "C#"])]
        return chosen

    def posting(self, n: int) -> DemoPosting:
        rng, p = self.rng, self.p
        # slight growth over time
        mi = min(len(self.months) - 1, int(len(self.months) * (rng.random() ** 0.85)))
        month = self.months[mi]
        posted = month.replace(day=rng.randint(1, 28))
        t = mi / max(1, len(self.months) - 1)
        country = rng.choices(self.countries, self.country_w)[0]
        crow = rng.choices(self.cities[country], [c[3] for c in self.cities[country]])[0]
        software = rng.random() >= p["non_software_share"]
        level = rng.choices(self.levels, self.level_w)[0]
        title = rng.choice(TITLES[level]) if software else rng.choice(OTHER_TITLES)
        if not software:
            level = "senior" if title.startswith("Senior") else "mid"
        lo, hi = p["years_by_seniority"][level]
        years: tuple[int, int | None] = (lo, None) if rng.random() < 0.55 else (lo, hi)
        remote = rng.choices(list(p["remote_mix"]), list(p["remote_mix"].values()))[0]
        cinfo = p["countries"][country]
        skills = self._skill_set(t) if software else rng.sample(["SQL", "Python", "Agile"], 2)
        premium = 1.0 + sum(p["salary_premium"].get(s, 0.0) for s in skills)
        salary = None
        if rng.random() < (0.62 if country == "US" else 0.4):
            mid = (
                cinfo["senior_median"]
                * p["salary_multiplier"][level]
                * crow[4]
                * premium
                * (0.85 if not software else 1.0)
            )
            mid *= math.exp(rng.gauss(0, 0.13))
            step = 50_000 if cinfo["currency"] == "INR" else (500 if cinfo["period"] == "month" else 1000)
            low = round(mid * 0.9 / step) * step
            high = round(mid * 1.12 / step) * step
            salary = (float(low), float(high), cinfo["currency"], cinfo["period"])
        degree = rng.choices([None, "bachelor", "master"], [0.45, 0.47, 0.08])[0]
        post = DemoPosting(
            n=n,
            title=title,
            company=rng.choice(p["companies"]),
            seniority=level,
            software=software,
            city=crow[0],
            region=crow[1],
            country=country,
            remote=remote,
            posted=posted,
            skills=skills,
            years=years,
            degree=degree,
            salary=salary,
        )
        post.description = self._description(post) if n % self.full_every == 0 else self._brief(post)
        return post

    @staticmethod
    def _brief(d: DemoPosting) -> str:
        """A short description with the facts of the full one, drawn without the random generator."""
        a, b = d.years
        years = f"{a}+ years" if b is None and a > 0 else f"{a}-{b if b is not None else a + 2} years"
        degree = {"bachelor": " A bachelor's degree in computer science is required.",
                  "master": " A master's degree in computer science is required."}.get(d.degree or "", "")
        remote = {"remote": "This is a fully remote position.",
                  "hybrid": f"This is a hybrid role in our {d.city} office.",
                  "onsite": f"This role is onsite in our {d.city} office."}[d.remote]
        return (f"{d.company} is hiring a {d.title} in {d.city}. You have {years} of professional experience "
                f"with {', '.join(d.skills)}.{degree} {remote}")

    def _description(self, d: DemoPosting) -> str:
        rng = self.rng
        a, b = d.years
        if b is None and a > 0:
            years = rng.choice(["{a}+ years", "at least {a} years", "a minimum of {a} years"]).format(a=a)
        else:
            years = rng.choice(["{a}-{b} years", "{a} to {b} years"]).format(
                a=a, b=b if b is not None else a + 2
            )
        core, rest = d.skills[:4], d.skills[4:]
        lines = [
            f"{d.company} builds software that thousands of teams rely on every day. We are hiring a "
            f"{d.title} to join our engineering group in {d.city}.",
            "",
            "About the role",
            "You will work in a small, autonomous team that owns its services end to end, from the first "
            "design document to production support. We value clear writing, careful testing and steady "
            "delivery.",
            "",
            "What you will do",
            "- Design, build and operate reliable services used by customers around the world.",
            "- Improve the performance, reliability and developer experience of the platform.",
        ]
        lines += [f"- {duty}" for duty in SENIOR_DUTIES.get(d.seniority, [])]
        lines += ["", "What we are looking for", f"- {years} of professional experience building software."]
        lines.append(
            "- Strong hands-on experience with "
            f"{', '.join(core[:-1]) + ' and ' + core[-1] if len(core) > 1 else core[0]}."
        )
        if rest:
            lines.append(f"- Familiarity with {', '.join(rest)} is a plus.")
        if d.degree == "bachelor":
            lines.append(
                "- A bachelor's degree in computer science or a related field, or equivalent experience."
            )
        elif d.degree == "master":
            lines.append("- A master's degree in computer science, mathematics or a related field.")
        lines.append("")
        lines.append({"remote": "This is a fully remote position.",
                      "hybrid": f"This is a hybrid role with three days a week in our {d.city} office.",
                      "onsite": f"This role is onsite in our {d.city} office."}[d.remote])
        lines += ["", "What we offer", *rng.sample(CLOSING, 3)]
        return "\n".join(lines)

    def postings(self, n: int) -> Iterator[DemoPosting]:
        for i in range(1, n + 1):
            yield self.posting(i)
