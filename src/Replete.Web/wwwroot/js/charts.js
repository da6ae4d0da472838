// Charts with Chart.js (served from the build): each canvas[data-chart] reads its data from the JSON script beside it.
// Every chart has a table beside it with the same numbers, so nothing is only in the picture.
"use strict";
(function () {
  if (!window.Chart) return;
  var palette = { value: "#0b5cab", deficient: "#a4161a", low: "#8a4b00", high: "#5b2a86", target: "#1e6b34", probability: "#5b2a86" };
  function data(canvas) { return JSON.parse(document.getElementById(canvas.id + "-data").textContent); }
  function line(label, values, colour, dash) {
    return { label: label, data: values, borderColor: colour, backgroundColor: colour, borderDash: dash || [], pointRadius: dash ? 0 : 3, stepped: !!dash, spanGaps: true, tension: 0 };
  }
  var builders = {
    lab: function (points) {
      var sets = [line("Result (" + (points[0] ? points[0].unit : "") + ")", points.map(function (p) { return p.value; }), palette.value)];
      ["deficient", "low", "high"].forEach(function (cut) {
        if (points.some(function (p) { return p[cut] !== null; })) {
          sets.push(line(cut + " cut-off", points.map(function (p) { return p[cut]; }), palette[cut], [6, 4]));
        }
      });
      return { labels: points.map(function (p) { return p.collected; }), datasets: sets };
    },
    intake: function (weeks) {
      return {
        labels: weeks.map(function (w) { return w.week_of; }),
        datasets: [
          Object.assign(line("Mean a day (" + (weeks[0] ? weeks[0].unit : "") + ")", weeks.map(function (w) { return w.mean_daily; }), palette.value), { yAxisID: "y" }),
          Object.assign(line("Target (" + (weeks[0] && weeks[0].target_kind ? weeks[0].target_kind.toUpperCase() : "none") + ")", weeks.map(function (w) { return w.target; }), palette.target, [6, 4]), { yAxisID: "y" }),
          Object.assign(line("Chance adequate (%)", weeks.map(function (w) { return w.probability_of_adequacy === null ? null : Math.round(w.probability_of_adequacy * 100); }), palette.probability), { yAxisID: "p" })
        ]
      };
    }
  };
  builders.day = function (rows) {
    return { labels: rows.map(function (r) { return r.nutrient; }), datasets: [{ label: "% of target", data: rows.map(function (r) { return r.percent; }), backgroundColor: rows.map(function (r) { return r.percent !== null && r.percent < 100 ? palette.low : palette.value; }) }] };
  };
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var kind = canvas.dataset.chart;
    var options = { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: "bottom" } }, scales: { y: { beginAtZero: true } } };
    if (kind === "intake") options.scales.p = { position: "right", min: 0, max: 100, grid: { drawOnChartArea: false } };
    if (kind === "day") { options.indexAxis = "y"; options.scales = { x: { beginAtZero: true } }; canvas.parentNode.classList.add("tall"); }
    new window.Chart(canvas, { type: kind === "day" ? "bar" : "line", data: builders[kind](data(canvas)), options: options });
  });
})();
