// Draws the support initiatives on a Leaflet map above the list, which stays the page:
// without JavaScript, Leaflet or tiles, the list still shows every initiative.
(function () {
  "use strict";

  var LATVIA = [56.88, 24.6];

  function popupContent(feature) {
    var props = feature.properties;
    var wrapper = document.createElement("div");
    var heading = document.createElement("p");
    heading.className = "map-popup__title";
    var link = document.createElement("a");
    var entry = document.getElementById(props.anchor);
    link.href = entry ? "#" + props.anchor : props.url;
    link.textContent = props.title;
    if (entry) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        history.replaceState(null, "", "#" + props.anchor);
        entry.scrollIntoView({ block: "start" });
        entry.focus();
      });
    }
    heading.appendChild(link);
    wrapper.appendChild(heading);
    [props.type_label, props.address, props.schedule].forEach(function (text) {
      var line = document.createElement("p");
      line.textContent = text;
      wrapper.appendChild(line);
    });
    return wrapper;
  }

  function addMarker(map, feature) {
    var coordinates = feature.geometry.coordinates;
    var marker = L.marker([coordinates[1], coordinates[0]], {
      icon: L.divIcon({ className: "map-marker", html: "<span class=\"map-marker__pin\"></span>", iconSize: [24, 24], iconAnchor: [12, 24], popupAnchor: [0, -22] }),
      title: feature.properties.title,
      keyboard: true
    });
    marker.bindPopup(popupContent(feature));
    marker.addTo(map);
    var element = marker.getElement();
    element.setAttribute("aria-label", feature.properties.title);
    element.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        marker.openPopup();
      }
    });
    marker.on("popupopen", function () {
      var link = marker.getPopup().getElement().querySelector("a[href]:not(.leaflet-popup-close-button)");
      if (link) { link.focus(); }
    });
    marker.on("popupclose", function () {
      if (document.activeElement === document.body || !document.activeElement) { element.focus(); }
    });
    return marker;
  }

  function draw(container, collection) {
    var status = document.getElementById("initiative-map-status");
    container.hidden = false;
    var map = L.map(container, { scrollWheelZoom: false, zoomControl: false });
    L.control.zoom({ zoomInTitle: container.dataset.zoomIn, zoomOutTitle: container.dataset.zoomOut }).addTo(map);
    var tiles = L.tileLayer(container.dataset.tiles, { attribution: container.dataset.attribution, maxZoom: 18 });
    var told = false;
    tiles.on("tileerror", function () {
      if (!told && status) {
        told = true;
        status.textContent = container.dataset.tilesFailed;
      }
    });
    tiles.addTo(map);
    // The map needs a view before markers get their elements.
    var points = collection.features.map(function (feature) {
      var coordinates = feature.geometry.coordinates; // GeoJSON: longitude, latitude
      return [coordinates[1], coordinates[0]];
    });
    if (points.length) {
      map.fitBounds(L.latLngBounds(points), { padding: [30, 30], maxZoom: 12 });
    } else {
      map.setView(LATVIA, 7);
    }
    collection.features.forEach(function (feature) { addMarker(map, feature); });
  }

  function start() {
    var container = document.getElementById("initiative-map");
    if (!container || typeof L === "undefined" || !window.fetch) { return; }
    fetch(container.dataset.geojson, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (collection) { draw(container, collection); })
      .catch(function (error) {
        container.hidden = true; // the list below still has everything
        console.error("Initiatives map:", error);
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
