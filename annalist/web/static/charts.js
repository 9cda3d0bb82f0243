// Annalist charts, drawn with Plotly (served by the dashboard from the plotly package; nothing is fetched).
function readData(id) {
  return JSON.parse(document.getElementById(id).textContent);
}

function drawTimeline(target, dataId) {
  const data = readData(dataId);
  const quads = [["quad1", "verbal cooperation", "#7fbf7b"], ["quad2", "material cooperation", "#1b7837"],
                 ["quad3", "verbal conflict", "#f4a582"], ["quad4", "material conflict", "#b2182b"]];
  const periods = [...new Set(data.periods.map(p => p.period.slice(0, 10)))];
  const traces = quads.map(([key, name, color]) => ({
    type: "bar", name: name, marker: {color: color}, x: periods,
    y: periods.map(period => data.periods.filter(p => p.period.slice(0, 10) === period)
                                         .reduce((sum, p) => sum + p[key], 0)),
  }));
  traces.push({
    type: "scatter", mode: "lines+markers", name: "mean PLOVER score", yaxis: "y2", x: periods,
    line: {color: "#333"},
    y: periods.map(period => {
      const rows = data.periods.filter(p => p.period.slice(0, 10) === period);
      const events = rows.reduce((sum, p) => sum + p.events, 0);
      return rows.reduce((sum, p) => sum + p.score_sum, 0) / events;
    }),
  });
  const shapes = data.shifts.map(s => ({type: "line", x0: s.period.slice(0, 10), x1: s.period.slice(0, 10),
                                        yref: "paper", y0: 0, y1: 1, line: {dash: "dot", color: "#555"}}));
  Plotly.newPlot(target, traces, {
    barmode: "stack", shapes: shapes, margin: {t: 30}, legend: {orientation: "h"},
    yaxis: {title: {text: "events"}}, yaxis2: {title: {text: "score"}, overlaying: "y", side: "right", range: [-10, 10]},
    title: {text: data.a + " and " + data.b + " by " + data.by},
  }, {displaylogo: false, responsive: true});
}

function drawNetwork(target, dataId) {
  const data = readData(dataId);
  const at = Object.fromEntries(data.nodes.map(n => [n.id, n]));
  const maxEvents = Math.max(1, ...data.edges.map(e => e.events));
  const traces = data.edges.map(e => ({
    type: "scatter", mode: "lines", hoverinfo: "text", showlegend: false,
    text: e.actor + " → " + e.recipient + ": " + e.events + " events, net " + e.score_sum.toFixed(1),
    x: [at[e.actor].x, at[e.recipient].x], y: [at[e.actor].y, at[e.recipient].y],
    line: {width: 1 + 6 * e.events / maxEvents, color: e.score_sum >= 0 ? "#1b7837" : "#b2182b"},
  }));
  traces.push({type: "scatter", mode: "markers+text", showlegend: false, text: data.nodes.map(n => n.id),
               textposition: "top center", x: data.nodes.map(n => n.x), y: data.nodes.map(n => n.y),
               marker: {size: 12, color: "#2166ac"}});
  Plotly.newPlot(target, traces, {margin: {t: 10}, xaxis: {visible: false}, yaxis: {visible: false}},
                 {displaylogo: false, responsive: true});
}
