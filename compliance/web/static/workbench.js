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
    var data = new FormData(form);
    // the letter stays on the page; the verdicts need only the position
    data.delete("_letter"); data.delete("_letter_file");
    var body = new URLSearchParams(data);
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
        showPanel(res[1]);
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
  // An invalid draft does not wipe the verdicts: the errors go above the last valid
  // verdicts (marked as such) and each message also stands at its field.
  function showPanel(html) {
    var fresh = document.createElement("div");
    fresh.innerHTML = html;
    var errors = fresh.querySelector(".panel-errors");
    document.querySelectorAll(".live-error").forEach(function (el) { el.remove(); });
    document.querySelectorAll("[data-live-invalid]").forEach(function (el) {
      el.removeAttribute("aria-invalid"); el.removeAttribute("data-live-invalid");
    });
    if (errors && pane.querySelector("section.mv")) {
      var old = pane.querySelector(".panel-errors");
      if (old) { old.remove(); }
      pane.insertBefore(errors, pane.firstChild);
      pane.classList.add("stale");
    } else {
      pane.innerHTML = "";
      while (fresh.firstChild) { pane.appendChild(fresh.firstChild); }
      pane.classList.remove("stale");
    }
    if (!errors) { return; }
    errors.querySelectorAll("li.panel-error[data-anchor]").forEach(function (li) {
      var target = li.dataset.anchor && document.getElementById(li.dataset.anchor);
      if (!target || !form.contains(target)) { return; }
      var note = document.createElement("p");
      note.className = "field-error live-error";
      note.textContent = li.dataset.message;
      if (target.tagName === "FIELDSET") { target.appendChild(note); }
      else { target.insertAdjacentElement("afterend", note); target.setAttribute("aria-invalid", "true"); }
      target.setAttribute("data-live-invalid", "");
    });
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
    if (!el.name || el.name === "_paste" || el.name === "_filename" || el.name.indexOf("_letter") === 0 ||
        el.name === "_draft_dossier") { return; }
    if (el.matches("[data-confirm]")) {
      el.closest("fieldset.fact").classList.toggle("unconfirmed", !el.checked);
      confirmNote(el);
    }
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

  // confirming a drafted fact drops "awaits confirmation" from its note (the server does
  // the same when saving; the words come from the page, set by the server)
  function confirmNote(box) {
    var fact = box.closest("fieldset.fact");
    var note = fact && fact.querySelector('input[name$=".note"]');
    var waiting = form.dataset.awaiting;
    if (!note || !waiting || !box.checked) { return; }
    waiting.split("|").forEach(function (w) {
      if (w && note.value.slice(-w.length) === w) { note.value = note.value.slice(0, -w.length); }
    });
  }

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
  // the letter pane: a fact's passage link scrolls the letter (not the page) to its line;
  // a marked passage leads back to its fact
  var letter = document.getElementById("letter-pane");
  var lines = document.getElementById("letter-lines");
  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth;  // restart the animation
    el.classList.add("flash");
  }
  if (letter) {
    document.addEventListener("click", function (ev) {
      var link = ev.target.closest("a.passage");
      if (!link) { return; }
      var line = document.getElementById("L" + link.dataset.line);
      if (!line) { return; }
      ev.preventDefault();
      lines.scrollTop = line.offsetTop - lines.clientHeight / 3;
      if (letter.getBoundingClientRect().top < 0 || letter.getBoundingClientRect().bottom > window.innerHeight) {
        line.scrollIntoView({block: "center"});
      }
      letter.querySelectorAll("li.current").forEach(function (li) { li.classList.remove("current"); });
      line.classList.add("current");
      flash(line);
    });
    letter.addEventListener("click", function (ev) {
      var mark = ev.target.closest("mark[data-facts]");
      if (!mark) { return; }
      var box = document.getElementById("fact-" + fid("facts." + mark.dataset.facts.split(" ")[0]));
      if (box) { box.scrollIntoView({block: "center"}); flash(box); }
    });
    // open on the first marked passage: the part of the letter the draft rests on
    var first = letter.querySelector("li.hl");
    if (first) { lines.scrollTop = first.offsetTop - 60; }
    var all = document.getElementById("confirm-all");
    if (all) {
      all.hidden = false;
      all.addEventListener("click", function () {
        form.querySelectorAll("fieldset.fact.drafted [data-confirm]").forEach(function (c) {
          c.checked = true;
          c.closest("fieldset.fact").classList.remove("unconfirmed");
          confirmNote(c);
        });
        refresh();
      });
    }
  }

  // one click applies a suggestion; "Undo" puts the widgets back as they were
  var undo = document.getElementById("undo-apply"), undoStack = [];
  function snapshot(name) {
    var box = document.getElementById("fact-" + fid("facts." + name));
    if (!box) { return []; }
    return Array.prototype.map.call(box.querySelectorAll("input, select"), function (el) {
      return {el: el, checked: el.checked, value: el.value};
    }).concat([{box: box, changed: box.classList.contains("changed")}]);
  }
  pane.addEventListener("click", function (ev) {
    var button = ev.target.closest("button.apply");
    if (!button) { return; }
    var changes = JSON.parse(button.dataset.changes), saved = [];
    changes.forEach(function (c) { saved = saved.concat(snapshot(c.fact)); setFact(c.fact, c.value); });
    undoStack.push(saved);
    if (undo) { undo.hidden = false; }
    refresh();
  });
  if (undo) {
    undo.addEventListener("click", function () {
      var saved = undoStack.pop();
      if (!saved) { return; }
      saved.forEach(function (s) {
        if (s.box) { s.box.classList.toggle("changed", s.changed); return; }
        if (s.el.type === "checkbox" || s.el.type === "radio") { s.el.checked = s.checked; }
        else { s.el.value = s.value; }
      });
      undo.hidden = undoStack.length === 0;
      refresh();
    });
  }

  // keyboard: Alt+R checks again, Alt+S saves, Alt+N goes to the next unconfirmed fact
  function nextUnconfirmed() {
    var boxes = Array.prototype.slice.call(form.querySelectorAll("fieldset.fact.unconfirmed"));
    if (!boxes.length) { status.textContent = form.dataset.noneUnconfirmed || ""; return; }
    var here = document.activeElement && document.activeElement.closest("fieldset.fact.unconfirmed");
    var next = boxes[(boxes.indexOf(here) + 1) % boxes.length];
    next.scrollIntoView({block: "center"});
    var target = next.querySelector("input:not([type=hidden]), select");
    if (target) { target.focus(); }
  }
  document.addEventListener("keydown", function (ev) {
    if (!ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
    var key = (ev.key || "").toLowerCase();
    if (key === "r") { ev.preventDefault(); refresh(); }
    else if (key === "s") {
      ev.preventDefault();
      var save = document.getElementById("save");
      if (form.requestSubmit) { form.requestSubmit(save); } else { save.click(); }
    } else if (key === "n") { ev.preventDefault(); nextUnconfirmed(); }
  });
})();
