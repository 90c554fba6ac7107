"""Growing the graph: extraction from articles, candidates, review, accept, and spreadsheet import."""
