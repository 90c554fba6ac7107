"""Interactive graph views: SPARQL -> networkx -> a self-contained HTML page (pyvis, vis-network).

Data flows one way. The queries in ``queries/views/*.rq`` select what a view draws over any graph
backend (``kg.select(query, bindings)``): the entities drawn as nodes (documents, bodies, events,
mergers and people, never literals), their names, attributes, statuses and sources, and the
relations drawn as edges. :func:`build_view` turns them into a :class:`networkx.MultiDiGraph` for
one kind of view:

- ``graph``: everything;
- ``neighbourhood``: what lies within ``depth`` relations of one document or body;
- ``lineage``: a document's chain of replaces / planned to replace / amends / implements /
  guides / continues, both directions, ordered by date (hierarchical layout);
- ``bodies``: bodies with their hierarchy and mergers (the pk:Merger and the document that
  decided it);
- ``source``: the facts one source states.

:func:`render_html` writes the page with pyvis: vis-network and its CSS inlined, no request to
any host (a Content-Security-Policy allows no fetch at all and only the page's own two scripts,
by hash), the graph data in a JSON block that is never executed, every label and tooltip built
as text (``textContent``) in the page. :func:`export_graph` writes GraphML (Gephi) and friends.

This module is the stage's public face; the work is split by job: :mod:`.style` (kinds, families,
colours, page strings from ``templates/i18n.json``), :mod:`.catalog` (the view queries and what
they return), :mod:`.build` (networkx graphs of the five kinds), :mod:`.render` (the HTML page) and
:mod:`.export` (GraphML, GEXF, JSON).
"""

from partykg.errors import PartykgError
from partykg.views.build import build_view, lineage_order, resolve_focus, resolve_source
from partykg.views.catalog import Catalog, local_name, pick, query_dir, short_id, view_query
from partykg.views.export import export_graph
from partykg.views.render import render_html, seed_positions, vis_options, write_html
from partykg.views.style import EXPORT_FORMATS, I18N, KINDS, LANGS, ViewError

__all__ = ["Catalog", "EXPORT_FORMATS", "I18N", "KINDS", "LANGS", "PartykgError", "ViewError",
           "build_view", "export_graph", "lineage_order", "local_name", "pick", "query_dir",
           "render_html", "resolve_focus", "resolve_source", "seed_positions", "short_id",
           "vis_options", "view_query", "write_html"]
