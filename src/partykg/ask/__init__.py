"""Plain questions: mentions -> entities (resolve), question -> intent, answer -> text and JSON."""
