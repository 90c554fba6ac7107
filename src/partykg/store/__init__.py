"""Where the graph is queried: the embedded store, remote SPARQL endpoints, parameter binding and the query library."""
