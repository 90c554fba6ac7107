"""The ``partykg`` command: argparse wiring only, one module per group of subcommands."""
