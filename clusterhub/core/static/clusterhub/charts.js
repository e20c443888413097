// Draws every chart of a page with Apache ECharts (SVG renderer). The server computes the
// figures and the whole chart option; the page carries it as JSON from Django's `json_script`
// (a <script type="application/json">, which the Content-Security-Policy allows because it
// is not run), and this file only hands it to ECharts. Every chart has its table beside it,
// so the chart is hidden from screen readers (the table tells the same).
//
//   <div class="echart" data-chart="chart-members" style="height: 320px"></div>
//   {{ option|json_script:"chart-members" }}
//
// Points with a `url` (bars, cells, graph nodes) open that list or page when clicked.
(function () {
  "use strict";
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function draw(element) {
    if (element.dataset.drawn || typeof echarts === "undefined") return;
    var source = document.getElementById(element.dataset.chart);
    if (!source) return;
    var option = JSON.parse(source.textContent);
    if (reduceMotion) option.animation = false;
    var chart = echarts.init(element, null, { renderer: "svg" });
    chart.setOption(option);
    chart.on("click", function (params) {
      var data = params.data || {};
      if (data.url) window.location.assign(data.url);
    });
    element.dataset.drawn = "1";
    element.setAttribute("aria-hidden", "true");
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function drawAll(root) {
    (root || document).querySelectorAll("[data-chart]").forEach(draw);
  }

  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  // Charts inside a fragment that htmx swapped in.
  document.addEventListener("htmx:afterSettle", function (event) { drawAll(event.target); });
})();
