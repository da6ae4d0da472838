// Replete's progressive enhancement: every page works without it. Search as you type (the food search API), upload
// progress, and a print button.
"use strict";
(function () {
  // Print buttons appear only where script runs.
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });

  // Search as you type: an ARIA combobox over /api/v1/foods; choosing a food fills the food and its id.
  document.querySelectorAll("[data-food-search]").forEach(function (input) {
    var form = input.form;
    var idField = form.querySelector("[name=foodId]");
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var status = document.getElementById(input.dataset.status);
    var active = -1, items = [], timer = 0, sequence = 0;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");

    // A Branded food is shown with its brand, as everywhere else ("Greek yogurt, plain (FAGE)").
    function label(f) { return f.brand ? f.description + " (" + f.brand + ")" : f.description; }
    function close() { list.hidden = true; input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); active = -1; }
    function choose(i) {
      input.value = items[i].description;
      if (idField) idField.value = items[i].food_id;
      status.textContent = "Chosen: " + label(items[i]);
      close();
    }
    function mark(i) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (o, j) { o.setAttribute("aria-selected", j === i ? "true" : "false"); });
      active = i;
      if (i >= 0) { input.setAttribute("aria-activedescendant", options[i].id); options[i].scrollIntoView({ block: "nearest" }); }
    }
    function show(found) {
      items = found;
      list.textContent = "";
      found.forEach(function (f, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = label(f);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      list.hidden = found.length === 0;
      input.setAttribute("aria-expanded", found.length ? "true" : "false");
      status.textContent = found.length ? found.length + " foods found; use the arrow keys to choose" : "No food found";
      list.dataset.shownAt = String(performance.now());
    }
    input.addEventListener("input", function () {
      if (idField) idField.value = "";
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      var mine = ++sequence;
      list.dataset.typedAt = String(performance.now());
      timer = setTimeout(function () {
        fetch("/api/v1/foods?limit=8&q=" + encodeURIComponent(q), { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (found) { if (mine === sequence) show(found); })
          .catch(function () { close(); });
      }, 30);
    });
    input.addEventListener("keydown", function (e) {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { e.preventDefault(); mark(Math.min(active + 1, items.length - 1)); }
      else if (e.key === "ArrowUp") { e.preventDefault(); mark(Math.max(active - 1, 0)); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(active); }
      else if (e.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  });

  // Lab units: the unit list offers only the chosen test's units (data/lab_units.csv, from the page). Without script
  // every unit is offered and the API refuses one the test is not reported in, naming it.
  document.querySelectorAll("select[data-units-of]").forEach(function (unit) {
    var test = document.getElementById(unit.dataset.unitsOf);
    var all = Array.prototype.slice.call(unit.options);
    function filter() {
      var allowed = (test.selectedOptions[0] && test.selectedOptions[0].dataset.units || "").split("|");
      var chosen = unit.value;
      unit.textContent = "";
      all.filter(function (o) { return allowed.indexOf(o.value) >= 0; }).forEach(function (o) { unit.appendChild(o); });
      unit.value = allowed.indexOf(chosen) >= 0 ? chosen : allowed[0];
    }
    test.addEventListener("change", filter);
    filter();
  });

  // A file above the server's limit for the form (data-max-bytes) is refused here, by name, before it is sent: the server
  // would refuse it too, after the whole upload. Registered before the upload progress so that it runs first.
  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    var max = Number(input.dataset.maxBytes);
    input.form.addEventListener("submit", function (e) {
      var file = input.files && input.files[0];
      var old = input.form.querySelector("[data-size-problem]");
      if (old) old.remove();
      if (!file || file.size <= max) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      var problem = document.createElement("p");
      problem.setAttribute("role", "alert");
      problem.setAttribute("data-size-problem", "");
      problem.className = "problems";
      problem.textContent = file.name + " is too large: " + (file.size / 1048576).toFixed(1) + " MB, and this form takes at most " + (max / 1048576).toFixed(0) + " MB.";
      input.insertAdjacentElement("afterend", problem);
      input.focus();
    });
  });

  // Upload progress: send the form with XMLHttpRequest to show progress, then show the page the server answers with.
  document.querySelectorAll("form[data-upload]").forEach(function (form) {
    var bar = form.querySelector("progress");
    var label = form.querySelector("[data-progress-text]");
    form.addEventListener("submit", function (e) {
      if (!window.FormData || !bar) return;
      e.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action || window.location.href);
      bar.hidden = false; bar.value = 0;
      xhr.upload.addEventListener("progress", function (p) {
        if (p.lengthComputable) { bar.value = p.loaded / p.total * 100; label.textContent = "Uploading: " + Math.round(bar.value) + " %"; }
      });
      xhr.upload.addEventListener("load", function () { label.textContent = "Uploaded; checking every row..."; });
      xhr.addEventListener("load", function () {
        if (xhr.responseURL && xhr.responseURL !== window.location.href) { window.location.href = xhr.responseURL; return; }
        document.open(); document.write(xhr.responseText); document.close();
      });
      xhr.addEventListener("error", function () { label.textContent = "The upload failed; try again."; });
      xhr.send(new FormData(form));
    });
  });
})();
