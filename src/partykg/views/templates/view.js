/* partykg graph view: draws the graph held in the page's JSON block with vis-network.
 * Every text from the graph reaches the page through textContent (never innerHTML): tooltips
 * are DOM elements built here, labels are drawn on the canvas. Physics runs until the
 * stabilisation iterations are done, then stops, so that big graphs stay responsive.
 * window.partykgView exposes the network and its DataSets (for tests and benchmarks). */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("partykg-data").textContent);
  var ui = data.ui;
  var view = window.partykgView = {
    stable: false, stableAt: null, startedAt: performance.now(), highlighted: null,
    neighbours: [], nodeCount: data.nodes.length, edgeCount: data.edges.length
  };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function row(box, name, value) {
    if (value === undefined || value === null || value === "") { return; }
    var r = el("div", "pk-row");
    r.appendChild(el("span", "pk-key", name + ": "));
    r.appendChild(el("span", "pk-val", value));
    box.appendChild(r);
  }
  function nodeTooltip(n) {
    var i = n.info || {};
    var box = el("div", "pk-tip");
    box.appendChild(el("div", "pk-tip-head", i.name || n.label));
    row(box, ui["class"], i.class_label);
    row(box, ui.code, i.code);
    row(box, ui.title, i.title);
    row(box, ui.date, i.date);
    row(box, ui.issuer, i.issuer);
    row(box, ui.status, i.status);
    if (i.sources && i.sources.length) {
      box.appendChild(el("div", "pk-key", ui.sources + ":"));
      var ul = el("ul", "pk-sources");
      i.sources.forEach(function (s) { ul.appendChild(el("li", null, s)); });
      box.appendChild(ul);
    }
    box.appendChild(el("div", "pk-iri", i.id));
    return box;
  }

  var labels = {};
  data.nodes.forEach(function (n) { labels[n.id] = n.label; });
  function edgeTooltip(e) {
    var box = el("div", "pk-tip");
    box.appendChild(el("div", "pk-tip-head", e.label));
    box.appendChild(el("div", null, labels[e.from] + " \u2192 " + labels[e.to]));
    return box;
  }

  var originalNode = {}, originalEdge = {};
  var nodeItems = data.nodes.map(function (n) {
    originalNode[n.id] = { color: n.color, font: n.font || { color: "#343434" } };
    var item = Object.assign({}, n);
    item.title = nodeTooltip(n);
    delete item.info;
    return item;
  });
  var edgeItems = data.edges.map(function (e) {
    originalEdge[e.id] = { color: e.color, font: { color: "#343434" } };
    var item = Object.assign({}, e);
    item.title = edgeTooltip(e);
    return item;
  });
  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  view.nodes = nodes;
  view.edges = edges;

  var container = document.getElementById("mynetwork");
  var statusBox = document.getElementById("pk-status");
  var progress = document.getElementById("pk-progress");
  var network = new vis.Network(container, { nodes: [], edges: [] }, data.options);
  view.network = network;

  function done() {
    if (view.stable) { return; }
    network.setOptions({ physics: { enabled: false } });
    view.stable = true;
    view.stableAt = performance.now();
    statusBox.hidden = true;
    document.body.setAttribute("data-stable", "true");
  }
  network.on("stabilizationProgress", function (p) {
    progress.textContent = Math.round(100 * p.iterations / Math.max(1, p.total)) + "%";
  });
  network.once("stabilizationIterationsDone", done);
  network.once("stabilized", done);
  network.setData({ nodes: nodes, edges: edges });
  if (!data.options.physics || !data.options.physics.enabled || nodeItems.length === 0) { done(); }

  // --- click: highlight a node and its neighbours -------------------------------------------
  var DIM_NODE = { background: "#eeeeee", border: "#d5d5d5",
                   highlight: { background: "#eeeeee", border: "#d5d5d5" },
                   hover: { background: "#eeeeee", border: "#d5d5d5" } };
  var DIM_EDGE = { color: "#e3e3e3", highlight: "#e3e3e3", hover: "#e3e3e3" };
  // Beyond this many nodes, dimming every other node costs too much per click (a DataSet
  // update of every node); the neighbourhood is then shown by selection alone.
  var DIM_LIMIT = 1500;
  var dimmed = false;
  function highlight(id) {
    var upN = [], upE = [];
    if (id === null || id === undefined || nodes.get(id) === null) {
      view.highlighted = null;
      view.neighbours = [];
      network.unselectAll();
      if (!dimmed) { return; }
      dimmed = false;
      Object.keys(originalNode).forEach(function (k) {
        upN.push({ id: k, color: originalNode[k].color, font: originalNode[k].font });
      });
      Object.keys(originalEdge).forEach(function (k) {
        upE.push({ id: k, color: originalEdge[k].color, font: originalEdge[k].font });
      });
    } else {
      var keep = {}, keepE = {};
      var around = network.getConnectedNodes(id), aroundE = network.getConnectedEdges(id);
      around.forEach(function (k) { keep[k] = true; });
      keep[id] = true;
      aroundE.forEach(function (k) { keepE[k] = true; });
      view.highlighted = id;
      view.neighbours = Object.keys(keep).filter(function (k) { return k !== id; });
      network.setSelection({ nodes: [id].concat(view.neighbours), edges: aroundE },
                           { unselectAll: true, highlightEdges: false });
      if (nodeItems.length > DIM_LIMIT) { return; }
      dimmed = true;
      Object.keys(originalNode).forEach(function (k) {
        upN.push(keep[k] ? { id: k, color: originalNode[k].color, font: originalNode[k].font }
                         : { id: k, color: DIM_NODE, font: { color: "#bbbbbb" } });
      });
      Object.keys(originalEdge).forEach(function (k) {
        upE.push(keepE[k] ? { id: k, color: originalEdge[k].color, font: originalEdge[k].font }
                          : { id: k, color: DIM_EDGE, font: { color: "rgba(0,0,0,0)" } });
      });
    }
    nodes.update(upN);
    edges.update(upE);
  }
  view.highlight = highlight;
  network.on("click", function (p) { highlight(p.nodes.length ? p.nodes[0] : null); });

  // --- search box ----------------------------------------------------------------------------
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\u0111/g, "d")
      .replace(/\u0110/g, "D").toLowerCase().replace(/\s+/g, " ").trim();
  }
  var haystack = data.nodes.map(function (n) {
    return { id: n.id, label: fold(n.label), all: fold(n.label) + " " + (n.search || "") };
  });
  function find(q) {
    var f = fold(q), exact = [], starts = [], contains = [];
    if (!f) { return []; }
    haystack.forEach(function (h) {
      if (h.label === f) { exact.push(h.id); }
      else if (h.label.indexOf(f) === 0) { starts.push(h.id); }
      else if (h.all.indexOf(f) >= 0) { contains.push(h.id); }
    });
    return exact.concat(starts, contains);
  }
  var input = document.getElementById("pk-search");
  var result = document.getElementById("pk-search-result");
  var matches = [], pos = -1, lastQuery = null;
  function search(q) {
    if (q !== lastQuery) { matches = find(q); pos = -1; lastQuery = q; }
    if (!matches.length) { result.textContent = ui.no_match; return null; }
    pos = (pos + 1) % matches.length;
    var id = matches[pos];
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    highlight(id);
    result.textContent = (pos + 1) + " / " + matches.length + ": " + labels[id];
    return id;
  }
  view.search = search;
  document.getElementById("pk-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(input.value);
  });
  document.getElementById("pk-clear").addEventListener("click", function () {
    input.value = "";
    result.textContent = "";
    lastQuery = null;
    highlight(null);
  });
}());
