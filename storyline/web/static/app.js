// Storyline article page: clicking a highlighted fact shows what it resolved to and why.
// No inline script anywhere (the Content-Security-Policy forbids it); this file is all.
(function () {
  "use strict";
  function show(span) {
    var panel = document.getElementById("fact-panel");
    if (!panel) { return; }
    var ids = (span.getAttribute("data-facts") || "").split(" ");
    panel.querySelectorAll(".fact-detail").forEach(function (d) {
      d.hidden = ids.indexOf(d.id) < 0;
    });
    var hint = document.getElementById("fact-hint");
    if (hint) { hint.hidden = true; }
    document.querySelectorAll("#article-text .fact.active").forEach(function (s) {
      s.classList.remove("active");
    });
    span.classList.add("active");
  }
  document.addEventListener("click", function (ev) {
    var span = ev.target.closest ? ev.target.closest("#article-text .fact") : null;
    if (span) { show(span); }
  });
  document.addEventListener("keydown", function (ev) {
    var span = ev.target.closest ? ev.target.closest("#article-text .fact") : null;
    if (span && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); show(span); }
  });
}());
