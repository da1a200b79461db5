/**
 * Progressive enhancement for `table.sortable`: turns each header into a button that sorts the rows
 * by the cells' `data-sort` values (numbers numerically, missing values last). Without JavaScript
 * the tables read the same, unsorted. Plain ES5 so it runs in any browser; inlined into the page
 * (its hash is allowed by the page's Content-Security-Policy), never fetched.
 */
export const SORTABLE_TABLES_SCRIPT = `(function () {
  function key(cell) {
    var value = cell.getAttribute("data-sort");
    if (value === null) return cell.textContent.trim().toLowerCase();
    if (value === "") return null;
    var number = Number(value);
    return isNaN(number) ? value.toLowerCase() : number;
  }
  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") return a - b;
    return String(a).localeCompare(String(b));
  }
  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function (table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = header.textContent;
      button.setAttribute("title", "Sort by " + header.textContent);
      header.textContent = "";
      header.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (rowA, rowB) {
          var a = key(rowA.cells[column]);
          var b = key(rowB.cells[column]);
          if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
          return ascending ? compare(a, b) : compare(b, a);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();`;
