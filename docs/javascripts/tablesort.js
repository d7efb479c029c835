// Click a table header to sort the column; numbers sort as numbers. Works with instant navigation.
(function () {
  function cellValue(row, index) {
    var cell = row.children[index];
    var text = cell ? cell.textContent.trim() : "";
    var number = parseFloat(text.replace(/,/g, ""));
    return isNaN(number) || !/^[\d.,\s%-]+$/.test(text) ? text.toLowerCase() : number;
  }
  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    if (!body) return;
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      var order = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === "number" ? -1 : 1);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  function enable() {
    document.querySelectorAll(".md-typeset table:not([data-sortable])").forEach(function (table) {
      if (!table.tHead) return;
      table.setAttribute("data-sortable", "");
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
        header.style.cursor = "pointer";
        header.title = "Sort by this column";
        header.addEventListener("click", function () { sortBy(table, index, header); });
      });
    });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(enable); } else { document.addEventListener("DOMContentLoaded", enable); }
})();
