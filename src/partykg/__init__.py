"""partykg: a knowledge graph of the Communist Party of Vietnam's documents, bodies and their
relations, every fact traced to its source and quote."""

__version__ = "0.1.0"
