"""Identity and vocabulary: namespaces, data IRIs and document codes."""
