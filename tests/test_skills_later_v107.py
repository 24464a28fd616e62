"""Skills rules of the later batch real-later-v107 (issue 9: Hacker News and Glassdoor skills).

Class B of the batch's misses, its one codable part: Amazon ECS written by the service's earlier name, "EC2
Container Service" ("container orchestration like EC2 Container Service, Kubernetes"; "Amazon EC2 Container
Services (Docker on AWS)" in a team's header), was read as Amazon EC2 (its first word) and missed as ECS. The
longer name is ECS's form; EC2 alone, "EC2 instances" and the other AWS services keep their reading.

Class C, its colleague half: a domain skill among the teams the role works with, named as organizations
("Collaborate with peer organizations, dev ops, support organizations on technical issues") is a colleague
team, not a skill asked, as it already was before "teams", "departments" or one "organization". The plural
joins the team words (etl/data/skill_context.yaml); a domain skill asked of the role beside other
organizations stays.

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named_in_posting


@pytest.mark.parametrize(("text", "skills"), [
    # the service's earlier name is Amazon ECS (and AWS by its implies), not EC2
    ("Experience with container orchestration like EC2 Container Service, Kubernetes.",
     {"Amazon ECS", "AWS", "Kubernetes"}),
    ("Harbourline | Amazon EC2 Container Services (Docker on AWS) | Software Engineer | Denver",
     {"Amazon ECS", "AWS", "Docker"}),
    ("Our workers run on AWS EC2 Container Service behind a load balancer.", {"Amazon ECS", "AWS"}),
    ("You deploy to the EC2 container service with Terraform.", {"Amazon ECS", "AWS", "Terraform"}),
])
def test_ec2_container_service_is_ecs(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills


@pytest.mark.parametrize(("text", "skills"), [
    # controls that must not move: EC2 itself and ECS by its other names
    ("Build services on EC2 and S3.", {"Amazon EC2", "Amazon S3", "AWS"}),
    ("You manage EC2 instances and containers on ECS.", {"Amazon EC2", "Amazon ECS", "AWS"}),
    ("We run Docker on Elastic Container Service and Fargate.", {"Amazon ECS", "AWS", "Docker"}),
    ("Our EC2 fleet hosts a container registry service for the mobile team.", {"Amazon EC2", "AWS"}),
])
def test_ec2_and_ecs_otherwise_stay(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills


@pytest.mark.parametrize(("text", "skills"), [
    # a domain skill among colleague teams named as organizations
    ("Collaborate with peer organizations, dev ops, support organizations on technical issues.", set()),
    ("Work with product, data science and sales organizations to plan the roadmap.", set()),
    ("You will work with DevOps and support organizations on incidents.", set()),
    ("Partner with the analytics, QA and platform organisations on each release.", set()),
])
def test_domain_skill_among_colleague_organizations(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills


@pytest.mark.parametrize(("text", "skills"), [
    # controls that must not move: the skill asked of the role near the word, and the singular read before
    ("Experience building DevOps pipelines for large organizations.", {"DevOps"}),
    ("Experience introducing DevOps in engineering organizations.", {"DevOps"}),
    ("We help organizations adopt DevOps practices; you will automate CI with Jenkins.",
     {"DevOps", "Jenkins"}),
    ("Experience with machine learning in large organizations is a plus.", {"Machine Learning"}),
    ("Collaborate with the DevOps organization on deployments.", set()),
    ("Partner with the finance, QA and support organizations on releases.", set()),
])
def test_skills_beside_organizations_stay(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills
