/* The dashboard's charts, drawn with Chart.js (static/vendor/chart.umd.min.js)
 * from the numbers the page carries in <script id="dashboard-charts"
 * type="application/json">. No inline script: the page runs under a strict
 * Content-Security-Policy. A click on a bar or a point opens the records
 * behind that number (its drill-down), as the links of the tables do. */
(function () {
  "use strict";

  var COLOURS = ["#1d6fb8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#16a085"];
  var TARGET = "rgba(120, 120, 120, 0.55)";

  function opener(urls) {
    return function (event, elements, chart) {
      if (!elements.length) return;
      var element = elements[0];
      var list = Array.isArray(urls[0]) ? urls[element.datasetIndex] : urls;
      var url = list && list[element.index];
      if (url) window.location.assign(url);
    };
  }

  function draw(id, config, urls) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    config.options = Object.assign(
      {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        onClick: opener(urls),
        onHover: function (event, elements) {
          event.native.target.style.cursor = elements.length ? "pointer" : "default";
        },
      },
      config.options || {}
    );
    new window.Chart(canvas, config);
    canvas.dataset.drawn = "true";
  }

  function start() {
    var source = document.getElementById("dashboard-charts");
    if (!source || !window.Chart) return;
    var data = JSON.parse(source.textContent);

    var targets = data.targets;
    draw(
      "chart-targets",
      {
        type: "bar",
        data: {
          labels: targets.labels,
          datasets: [
            { label: targets.value_label, data: targets.values, backgroundColor: COLOURS[0] },
            { label: targets.target_label, data: targets.targets, backgroundColor: TARGET },
          ],
        },
        options: { indexAxis: "y", scales: { x: { beginAtZero: true, suggestedMax: 100 } } },
      },
      [targets.urls, targets.urls]
    );

    var ranking = data.ranking;
    draw(
      "chart-ranking",
      {
        type: "bar",
        data: {
          labels: ranking.labels,
          datasets: [{ label: ranking.value_label, data: ranking.values, backgroundColor: COLOURS[2] }],
        },
        options: { indexAxis: "y", scales: { x: { beginAtZero: true } } },
      },
      ranking.urls
    );

    var years = data.years;
    draw(
      "chart-years",
      {
        type: "line",
        data: {
          labels: years.labels,
          datasets: years.series.map(function (series, index) {
            var colour = COLOURS[index % COLOURS.length];
            return { label: series.label, data: series.values, borderColor: colour, backgroundColor: colour, spanGaps: true };
          }),
        },
        options: { scales: { y: { beginAtZero: true, suggestedMax: 100 } } },
      },
      years.series.map(function (series) { return series.urls; })
    );
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
