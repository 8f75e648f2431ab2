"""Benchmarks; each script runs with one command and prints a table (docs/PERFORMANCE.md)."""
