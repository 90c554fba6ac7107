"""Interactive HTML graph views (networkx + pyvis) and network analytics."""
