// The workbench's only script (no build step, nothing from elsewhere). Pages work without
// it; it adds the live verdicts while editing, one-click suggestions and filter shortcuts.
"use strict";
(function () {
  function fid(name) { return "f-" + name.split(".").join("--"); }

  document.querySelectorAll("select[data-autosubmit]").forEach(function (sel) {
    sel.addEventListener("change", function () { sel.form.submit(); });
  });

  var form = document.getElementById("editor");
  if (!form) { return; }
  document.querySelectorAll(".nojs").forEach(function (el) { el.hidden = true; });
  var pane = document.getElementById("verdicts");
  var status = document.getElementById("live-status");
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var lang = document.body.dataset.lang;
  var seq = 0, timer = null;

  function refresh() {
    var mine = ++seq;
    var body = new URLSearchParams(new FormData(form));
    status.textContent = lang === "en" ? "checking…" : "bezig met toetsen…";
    fetch(form.dataset.live + "?lang=" + encodeURIComponent(lang), {
      method: "POST", body: body, credentials: "same-origin",
      headers: {"X-CSRF-Token": csrf}
    }).then(function (r) { return r.text().then(function (t) { return [r.ok, t]; }); })
      .then(function (res) {
        if (mine !== seq) { return; }  // a later edit is already on its way
        // keyboard users keep their place: focus returns to the motion they were in
        var active = document.activeElement, section = active && pane.contains(active)
          ? active.closest("section.mv") : null;
        var motion = section ? section.dataset.motion : null;
        // the fragment is rendered and escaped on the server (Jinja autoescape)
        pane.innerHTML = res[1];
        if (motion) {
          var again = pane.querySelector('section.mv[data-motion="' + CSS.escape(motion) + '"] h3');
          if (again) { again.focus(); }
        }
        status.textContent = res[0] ? (lang === "en" ? "verdicts updated (not saved)"
                                                     : "oordelen bijgewerkt (niet opgeslagen)")
                                    : (lang === "en" ? "could not check" : "toetsen mislukt");
        pane.dataset.seq = String(mine);
      })
      .catch(function () { if (mine === seq) { status.textContent = "—"; } });
  }
  function later() { clearTimeout(timer); timer = setTimeout(refresh, 250); }

  function onEdit(ev) {
    var el = ev.target;
    if (el.matches("[data-rerender]") && ev.type === "change") {
      // another dossier has other facts: the server renders the form for it
      form.action = "/editor";
      form.submit();
      return;
    }
    if (!el.name || el.name === "_paste" || el.name === "_filename") { return; }
    if (el.matches("[data-set-value]") && el.checked) {
      var unset = el.closest("fieldset").querySelector("[data-set-unset]");
      if (unset) { unset.checked = false; }
    }
    if (el.matches("[data-set-unset]") && el.checked) {
      el.closest("fieldset").querySelectorAll("[data-set-value]").forEach(function (c) { c.checked = false; });
    }
    later();
  }
  document.addEventListener("input", function (ev) {
    if (ev.target.form === form && ev.target.type !== "radio" && ev.target.type !== "checkbox") { onEdit(ev); }
  });
  document.addEventListener("change", function (ev) { if (ev.target.form === form) { onEdit(ev); } });

  function setFact(name, value) {
    var box = document.getElementById("fact-" + fid("facts." + name));
    if (!box) { return; }
    var type = box.dataset.type;
    if (type === "bool") {
      var want = value === null ? "" : String(value);
      box.querySelectorAll('input[type="radio"]').forEach(function (r) { r.checked = r.value === want; });
    } else if (type === "set") {
      var values = value || [];
      box.querySelectorAll("[data-set-value]").forEach(function (c) { c.checked = values.indexOf(c.value) >= 0; });
      var unset = box.querySelector("[data-set-unset]");
      if (unset) { unset.checked = value === null; }
    } else {
      var input = box.querySelector('[name$=".value"]');
      if (input) { input.value = value === null ? "" : String(value); }
    }
    box.classList.add("changed");
  }
  pane.addEventListener("click", function (ev) {
    var button = ev.target.closest("button.apply");
    if (!button) { return; }
    JSON.parse(button.dataset.changes).forEach(function (c) { setFact(c.fact, c.value); });
    refresh();
  });
})();
