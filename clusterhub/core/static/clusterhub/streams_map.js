// The map of material streams: offers (blue) and needs (orange) where they are, and a line
// for each match. The server puts the points in a `json_script`; the tables beside the map
// tell the same, so the map is hidden from screen readers and works without its tiles
// (offline the markers stand on a blank background).
(function () {
  "use strict";
  function draw() {
    var element = document.getElementById("stream-map");
    var source = document.getElementById("stream-map-data");
    if (!element || !source || typeof L === "undefined" || element.dataset.drawn) return;
    var data = JSON.parse(source.textContent);
    var map = L.map(element, { scrollWheelZoom: false, keyboard: false });
    if (data.tiles) {
      L.tileLayer(data.tiles, { maxZoom: 18, attribution: data.attribution }).addTo(map);
    }
    var bounds = [];
    data.lines.forEach(function (line) {
      L.polyline(line, { color: "#454b6b", weight: 2, dashArray: "4 4" }).addTo(map);
    });
    data.points.forEach(function (point) {
      var colour = point.kind === "offer" ? "#004b76" : "#b34700";
      L.circleMarker([point.lat, point.lon], {
        radius: 8, color: colour, fillColor: colour, fillOpacity: 0.7, weight: 2
      }).bindTooltip(point.label).addTo(map);
      bounds.push([point.lat, point.lon]);
    });
    if (bounds.length) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 12 });
    else map.setView([49.4891, 8.4669], 10);
    element.dataset.drawn = "1";
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
