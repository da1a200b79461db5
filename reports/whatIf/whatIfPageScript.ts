/**
 * The what-if panel's page script (inline, allowed by its hash in the report's CSP). It starts the
 * simulator bundled in `#whatif-worker` (a text/plain script, never run by the page) as a Web
 * Worker from a blob: URL, runs the published levers once (so the reader sees the what-if column
 * agree with the published run), then re-runs on every lever change, newest request wins. Numbers
 * are written with the report's locale and currency (data-locale, data-currency on the panel).
 */
export const WHAT_IF_PAGE_SCRIPT = `(function () {
  var source = document.getElementById("whatif-worker");
  if (!source || typeof Worker === "undefined" || typeof Blob === "undefined") return;
  var url = URL.createObjectURL(new Blob([source.textContent], { type: "text/javascript" }));
  document.querySelectorAll("section.whatif").forEach(function (panel) {
    var config = JSON.parse(panel.querySelector("script.whatif-config").textContent);
    var locale = panel.getAttribute("data-locale") || "en-US";
    var currency = panel.getAttribute("data-currency") || "USD";
    var status = panel.querySelector(".whatif-status");
    var progress = panel.querySelector("progress");
    var worker = new Worker(url);
    var latest = 0;
    function number(value, digits) { return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value); }
    var formats = {
      percent: function (value) { return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value); },
      seconds: function (value) { return number(value, 1) + " s"; },
      count: function (value) { return number(value, 0); },
      hours: function (value) { return number(value, 1) + " h"; },
      money: function (value) { return new Intl.NumberFormat(locale, { style: "currency", currency: currency, maximumFractionDigits: 0 }).format(value); }
    };
    function levers() {
      var read = function (name) { return Number(panel.querySelector("input[name=" + name + "]").value); };
      return { agentsDelta: read("agentsDelta"), concurrency: read("concurrency"), arrivalScale: read("arrivalScale") };
    }
    function run() {
      var current = levers();
      panel.querySelectorAll("output[data-for]").forEach(function (output) {
        var value = current[output.getAttribute("data-for")];
        output.textContent = output.getAttribute("data-for") === "arrivalScale" ? "× " + number(value, 2) : output.getAttribute("data-for") === "agentsDelta" && value > 0 ? "+" + value : String(value);
      });
      latest += 1;
      panel.setAttribute("aria-busy", "true");
      progress.hidden = false;
      status.textContent = "simulating…";
      worker.postMessage({ id: latest, config: config.model, seed: config.seed, levers: current });
    }
    worker.onmessage = function (event) {
      if (event.data.id !== latest) return;
      panel.setAttribute("aria-busy", "false");
      progress.hidden = true;
      if (event.data.error) { status.textContent = "could not simulate: " + event.data.error; return; }
      var figures = event.data.figures;
      panel.querySelectorAll("td[data-figure]").forEach(function (cell) {
        var value = figures[cell.getAttribute("data-figure")];
        cell.setAttribute("data-value", value === null ? "" : String(value));
        cell.textContent = value === null ? "–" : formats[cell.getAttribute("data-format")](value);
      });
      panel.setAttribute("data-runs", String(Number(panel.getAttribute("data-runs") || "0") + 1));
      status.textContent = "same seed and random streams as the published run";
    };
    panel.querySelectorAll("input[type=range]").forEach(function (input) { input.addEventListener("input", run); });
    panel.querySelector("button.whatif-reset").addEventListener("click", function () {
      panel.querySelectorAll("input[type=range]").forEach(function (input) { input.value = input.getAttribute("data-default"); });
      run();
    });
    run();
  });
})();`;
