"""The graph files: find and load them, derive lookup keys, export, validate."""
