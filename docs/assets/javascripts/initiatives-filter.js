/* Filters and orders the list of all initiatives.
 *
 * Without this script the page shows every initiative, grouped by priority.
 * The script only narrows and orders that list by the facts each row carries
 * in its data-* attributes, keeps the choice in the page's address (so that a
 * filtered list can be linked) and says in a live region how many remain.
 */
(function () {
  "use strict";

  var form = document.getElementById("sco-filter");
  if (!form) return;

  var FIELDS = ["status", "priority", "kind", "sort"];
  var lang = document.documentElement.lang || "en";
  var groups = Array.prototype.slice.call(document.querySelectorAll(".sco-group"));
  var count = document.getElementById("sco-filter-count");
  var flat = document.createElement("div");
  flat.className = "sco-filter__flat";
  flat.hidden = true;
  var flatHeading = document.createElement("h2");
  flatHeading.id = "sco-filter-results";
  flatHeading.textContent = form.getAttribute("data-results");
  flat.appendChild(flatHeading);
  if (groups.length) groups[0].parentNode.insertBefore(flat, groups[0]);

  function select(name) {
    return form.elements.namedItem(name);
  }

  function hasOption(field, value) {
    return Array.prototype.some.call(field.options, function (option) { return option.value === value; });
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      var value = params.get(name) || "";
      select(name).value = hasOption(select(name), value) ? value : "";
    });
  }

  function toAddress(choice) {
    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      if (choice[name]) params.set(name, choice[name]);
      else params.delete(name);
    });
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", address);
  }

  function matches(row, choice) {
    var data = row.dataset;
    if (choice.status === "stalled" ? data.stalled !== "yes" : choice.status && data.status !== choice.status) return false;
    if (choice.priority && data.priorities.split(" ").indexOf(choice.priority) < 0) return false;
    return !choice.kind || data.kind === choice.kind;
  }

  function title(row) {
    return row.querySelector(".sco-rows__title").textContent.trim();
  }

  function compare(order) {
    var byTitle = function (a, b) { return title(a).localeCompare(title(b), lang); };
    if (order === "title") return byTitle;
    var direction = order === "date-asc" ? 1 : -1;
    return function (a, b) {
      var x = a.dataset.date, y = b.dataset.date;
      if (x === y) return byTitle(a, b);
      if (!x) return 1; // undated last, whichever the direction
      if (!y) return -1;
      return (x < y ? -1 : 1) * direction;
    };
  }

  function showGrouped(choice) {
    var shown = {};
    groups.forEach(function (group) {
      var any = false;
      group.querySelectorAll("tr[data-id]").forEach(function (row) {
        var match = matches(row, choice);
        row.hidden = !match;
        if (match) { any = true; shown[row.dataset.id] = true; }
      });
      group.hidden = !any;
    });
    flat.hidden = true;
    return Object.keys(shown).length;
  }

  function showFlat(choice) {
    var picked = {};
    var rows = [];
    groups.forEach(function (group) {
      group.hidden = true;
      group.querySelectorAll("tr[data-id]").forEach(function (row) {
        if (!picked[row.dataset.id] && matches(row, choice)) {
          picked[row.dataset.id] = true;
          var copy = row.cloneNode(true);
          copy.hidden = false;
          rows.push(copy);
        }
      });
    });
    var old = flat.querySelector(".sco-rows");
    if (old) flat.removeChild(old);
    if (rows.length && groups.length) {
      var table = groups[0].querySelector(".sco-rows").cloneNode(true);
      var body = table.querySelector("tbody");
      while (body.firstChild) body.removeChild(body.firstChild);
      rows.sort(compare(choice.sort)).forEach(function (row) { body.appendChild(row); });
      flat.appendChild(table);
    }
    flat.hidden = !rows.length;
    return rows.length;
  }

  function apply() {
    var choice = {};
    FIELDS.forEach(function (name) { choice[name] = select(name).value; });
    var shown = choice.sort ? showFlat(choice) : showGrouped(choice);
    var message = shown
      ? form.getAttribute("data-count").replace("{shown}", shown).replace("{total}", form.getAttribute("data-total"))
      : form.getAttribute("data-none");
    count.textContent = message;
    toAddress(choice);
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function (event) {
    event.preventDefault();
    FIELDS.forEach(function (name) { select(name).value = ""; });
    apply();
  });

  fromAddress();
  form.hidden = false;
  apply();
})();
