// The entity graph (cytoscape): nodes are entities, edges co-participation in events and co-occurrence in sentences.
"use strict";
(function () {
  const box = document.getElementById("graph");
  if (!box) return;
  const form = document.getElementById("graph-filters");
  const detail = document.getElementById("graph-detail");
  const COLORS = {person: "#2e86c1", organization: "#8e44ad", country: "#c0392b", place: "#27ae60", equipment: "#d68910", other: "#7f8c8d"};
  const focus = new URLSearchParams(location.search).get("focus");
  let cy = null;
  async function draw() {
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) q.set(k, v);
    const data = await getJSON("/api/graph?" + q.toString());
    if (!data.nodes.length) {
      box.replaceChildren(el("p", {class: "empty", text: tr("web.js.graph.empty")}));
      return;
    }
    box.replaceChildren();
    const maxW = Math.max(1, ...data.nodes.map((n) => n.weight));
    const maxE = Math.max(1, ...data.edges.map((e) => e.weight));
    const elements = [
      ...data.nodes.map((n) => ({data: {id: n.id, label: n.name.length > 26 ? n.name.slice(0, 25) + "…" : n.name, full: n.name,
        type: n.type, size: 14 + 30 * Math.sqrt(n.weight / maxW)}})),
      ...data.edges.map((e, i) => ({data: {id: "e" + i, source: e.source, target: e.target, w: 1 + 7 * e.weight / maxE,
        style: e.events ? "solid" : "dotted", title: trn("web.js.events", e.events) + ", " + trn("web.js.sentences", e.sentences)}})),
    ];
    cy = cytoscape({
      container: box, elements: elements,
      style: [
        {selector: "node", style: {"background-color": (n) => COLORS[n.data("type")] || "#7f8c8d", label: "data(label)",
          width: "data(size)", height: "data(size)", "font-size": 11, color: "#222", "text-valign": "bottom", "text-margin-y": 3,
          "text-outline-color": "#fff", "text-outline-width": 2, "min-zoomed-font-size": 7}},
        {selector: "edge", style: {width: "data(w)", "line-color": "#9aa5b1", "line-style": "data(style)", opacity: 0.7, "curve-style": "haystack"}},
        {selector: "node.focus", style: {"border-width": 4, "border-color": "#f1c40f"}},
        {selector: ".faded", style: {opacity: 0.15}},
      ],
      layout: {name: "cose", animate: false, randomize: false, nodeRepulsion: () => 600000, idealEdgeLength: () => 110,
        nodeOverlap: 40, gravity: 0.3, componentSpacing: 140, numIter: 1500, padding: 20},
    });
    window.recoupeGraph = cy;  // for the browser tests, which click an edge where it is drawn
    cy.on("tap", "node", (ev) => { location.href = entityUrl(ev.target.id()); });
    cy.on("mouseover", "node", (ev) => {
      const n = ev.target;
      cy.elements().addClass("faded");
      n.closedNeighborhood().removeClass("faded");
      detail.textContent = n.data("full") + " (" + term("entity_types", n.data("type")) + "): " + trn("web.js.graph.links", n.degree());
    });
    cy.on("mouseout", "node", () => cy.elements().removeClass("faded"));
    cy.on("mouseover", "edge", (ev) => { detail.textContent = ev.target.source().data("label") + " — " + ev.target.target().data("label") + ": " + ev.target.data("title"); });
    cy.on("tap", "edge", (ev) => openLink(ev.target.source().id(), ev.target.target().id()));
    if (focus && cy.getElementById(focus).length) cy.getElementById(focus).addClass("focus");
  }
  // what links two entities: the events they share and the sentences that name both, each opening its evidence
  const panel = document.getElementById("graph-link");
  async function openLink(a, b) {
    const data = await getJSON("/api/graph/link?a=" + encodeURIComponent(a) + "&b=" + encodeURIComponent(b));
    panel.hidden = false;
    panel.replaceChildren(
      el("h2", {}, [el("a", {href: entityUrl(data.a.id), text: data.a.name}), " — ", el("a", {href: entityUrl(data.b.id), text: data.b.name})]),
      el("h3", {text: tr("web.js.graph.events_together", {n: data.n_events})}),
      data.events.length ? el("ul", {class: "events"}, data.events.map((e) => el("li", {}, [
        el("span", {class: "date", "data-date": e.date || "", text: dateLabel(e.date)}), el("span", {class: "badge", "data-value": e.type || "", text: term("event_types", e.type)}), " ",
        el("a", {href: e.url, class: "evidence", text: e.summary || term("event_types", e.type)})]))) : el("p", {class: "muted", text: tr("web.js.none")}),
      el("h3", {text: tr("web.js.graph.sentences_both", {n: data.n_sentences})}),
      data.sentences.length ? el("ul", {class: "sentences"}, data.sentences.map((s) => el("li", {}, [
        el("q", {text: s.text}), " ", el("a", {href: s.url, class: "evidence", text: s.source})]))) : el("p", {class: "muted", text: tr("web.js.none")}),
      (data.n_sentences > data.sentences.length || data.n_events > data.events.length)
        ? el("p", {class: "muted", text: tr("web.js.graph.first_shown", {sentences: data.sentences.length, events: data.events.length})}) : null,
    );
    panel.scrollIntoView({block: "nearest"});
  }
  form.addEventListener("submit", (ev) => { ev.preventDefault(); draw(); });
  draw();
})();
