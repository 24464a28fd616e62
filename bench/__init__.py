"""Benchmarks: see bench/__main__.py."""
