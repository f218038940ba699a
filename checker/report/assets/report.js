"use strict";
// Filters for the factcheck report: a card shows when its verdict is ticked and at
// least one of its claim kinds is. Data comes from the cards' data- attributes only.
(function () {
  var filters = document.getElementById("filters");
  var status = document.getElementById("shown");
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.finding"));

  function ticked(name) {
    var values = Object.create(null);
    filters.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
      if (box.checked) {
        values[box.value] = true;
      }
    });
    return values;
  }

  function apply() {
    var verdicts = ticked("verdict");
    var kinds = ticked("kind");
    var shown = 0;
    cards.forEach(function (card) {
      var visible = verdicts[card.dataset.verdict] === true &&
        card.dataset.kinds.split(" ").some(function (kind) { return kinds[kind] === true; });
      card.hidden = !visible;
      if (visible) {
        shown += 1;
      }
    });
    status.textContent = shown + " of " + cards.length + " findings shown";
  }

  if (filters) {
    filters.addEventListener("change", apply);
    filters.hidden = false;
    apply();
  }
})();
