"""Errors the command reports as bad input (exit code 2), as opposed to bugs."""


class PartykgError(Exception):
    """Base of every error caused by input: files, queries, spreadsheets, questions."""


class QueryError(PartykgError):
    """A query that does not parse or cannot run (on any backend: the embedded store or an
    endpoint)."""
