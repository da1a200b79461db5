/**
 * The store what-if panel's page script (inline, allowed by its hash in the report's CSP). It
 * starts the simulator bundled in `#whatif-worker` (a text/plain script, never run by the page) as
 * a Web Worker from a blob: URL, runs the published levers once (so the reader sees the what-if
 * column agree with the published run), then re-runs when a lever is committed (a slider released,
 * a field left or Enter pressed). A store day takes seconds, so a newer change stops the run in
 * progress (the worker is ended and started again): the newest levers always win. The worker
 * writes the numbers with the report's own formatter (storeWhatIfFormat), the bar shows the share
 * of the expected sessions simulated.
 */
export const STORE_WHAT_IF_PAGE_SCRIPT = `(function () {
  var source = document.getElementById("whatif-worker");
  if (!source || typeof Worker === "undefined" || typeof Blob === "undefined") return;
  var url = URL.createObjectURL(new Blob([source.textContent], { type: "text/javascript" }));
  document.querySelectorAll("section.whatif-store").forEach(function (panel) {
    var config = JSON.parse(panel.querySelector("script.whatif-config").textContent);
    var locale = panel.getAttribute("data-locale") || "en-US";
    var currency = panel.getAttribute("data-currency") || "USD";
    var status = panel.querySelector(".whatif-status");
    var progress = panel.querySelector("progress");
    var select = panel.querySelector("select[name=policy]");
    var worker = null;
    var busy = false;
    var latest = 0;
    var started = 0;
    function number(value, digits) { return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value); }
    function showOutputs() {
      panel.querySelectorAll("output[data-for]").forEach(function (output) {
        var name = output.getAttribute("data-for");
        var value = Number(panel.querySelector("input[name=" + name + "]").value);
        output.textContent = name === "trafficScale" ? "× " + number(value, 2) : name === "agentsDelta" && value > 0 ? "+" + value : String(value);
      });
    }
    function showPolicy() {
      panel.querySelectorAll("fieldset[data-policy]").forEach(function (fieldset) { fieldset.hidden = fieldset.getAttribute("data-policy") !== select.value; });
    }
    function levers() {
      var read = function (name) { return Number(panel.querySelector("input[name=" + name + "]").value); };
      var fieldset = Array.prototype.find.call(panel.querySelectorAll("fieldset[data-policy]"), function (item) { return item.getAttribute("data-policy") === select.value; });
      var thresholds = Array.prototype.map.call(fieldset.querySelectorAll("input[name=threshold]"), function (input) { return input.value.trim() === "" ? NaN : Number(input.value); });
      var shipping = panel.querySelector("input[name=freeShippingThreshold]").value.trim();
      return {
        trafficScale: read("trafficScale"),
        agentsDelta: read("agentsDelta"),
        concurrency: read("concurrency"),
        policy: select.value,
        thresholds: thresholds,
        freeShippingThreshold: shipping === "" ? null : Number(shipping)
      };
    }
    function answer(event) {
      var data = event.data;
      if (data.id !== latest) return;
      if (data.progress !== undefined) { progress.value = data.progress; return; }
      busy = false;
      panel.setAttribute("aria-busy", "false");
      progress.hidden = true;
      if (data.error) { status.textContent = "could not simulate: " + data.error; return; }
      panel.querySelectorAll("td[data-figure]").forEach(function (cell) {
        var key = cell.getAttribute("data-figure");
        var value = data.figures[key];
        cell.setAttribute("data-value", value === null ? "" : String(value));
        cell.textContent = data.text[key];
      });
      panel.querySelectorAll("td[data-change]").forEach(function (cell) { cell.textContent = data.change[cell.getAttribute("data-change")]; });
      panel.setAttribute("data-runs", String(Number(panel.getAttribute("data-runs") || "0") + 1));
      status.textContent = "same seed and random streams as the published run · " + number((performance.now() - started) / 1000, 1) + " s";
    }
    function run() {
      showOutputs();
      var current = levers();
      if (current.thresholds.some(isNaN) || (current.freeShippingThreshold !== null && !(current.freeShippingThreshold >= 0))) {
        status.textContent = "enter a number in every field (free shipping: 0 or more, or empty for never)";
        return;
      }
      // A run in progress is for older levers: end it rather than wait for it.
      if (busy && worker) { worker.terminate(); worker = null; }
      if (!worker) { worker = new Worker(url); worker.onmessage = answer; }
      latest += 1;
      busy = true;
      started = performance.now();
      panel.setAttribute("aria-busy", "true");
      progress.value = 0;
      progress.hidden = false;
      status.textContent = "simulating…";
      worker.postMessage({ id: latest, kind: "store", config: config.model, seed: config.seed, policies: config.policies, published: config.published, levers: current, locale: locale, currency: currency });
    }
    panel.querySelectorAll("input[type=range]").forEach(function (input) { input.addEventListener("input", showOutputs); input.addEventListener("change", run); });
    panel.querySelectorAll("input[type=number]").forEach(function (input) { input.addEventListener("change", run); });
    select.addEventListener("change", function () { showPolicy(); run(); });
    panel.querySelector("button.whatif-reset").addEventListener("click", function () {
      panel.querySelectorAll("input, select").forEach(function (input) { if (input.hasAttribute("data-default")) input.value = input.getAttribute("data-default"); });
      showPolicy();
      run();
    });
    run();
  });
})();`;
