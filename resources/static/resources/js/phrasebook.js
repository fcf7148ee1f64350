// Phrasebook: filter the phrase cards as the librarian types. Without JS the
// form's submit filters on the server; this only saves the round trip.
(function () {
  "use strict";
  var form = document.querySelector("[data-phrasebook-form]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector("[data-phrase-count]");
  var cards = Array.prototype.slice.call(document.querySelectorAll("[data-phrase]"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("[data-situation]"));
  var timer = null;

  function announce(count) {
    status.textContent = count
      ? status.dataset.shown.replace("#", count)
      : status.dataset.none;
  }

  function filter() {
    var query = input.value.trim().replace(/\s+/g, " ").toLocaleLowerCase();
    var shown = 0;
    cards.forEach(function (card) {
      var match = !query || card.dataset.search.indexOf(query) !== -1;
      card.hidden = !match;
      if (match) shown += 1;
    });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector("[data-phrase]:not([hidden])");
    });
    announce(shown);
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(filter, 150);
  });
})();
