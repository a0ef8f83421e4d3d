// groupement-rules: partial updates of the page's answers (the page works without it).
// A form with data-partial="ID" is sent in the background; the answer replaces #ID.
"use strict";
document.addEventListener("submit", function (event) {
  var form = event.target;
  var target = form.getAttribute && form.getAttribute("data-partial");
  if (!target || !window.fetch || !window.FormData) { return; }
  event.preventDefault();
  var url = form.getAttribute("action");
  var init = { headers: { "X-Partial": "1" } };
  var data = new FormData(form);
  if ((form.getAttribute("method") || "get").toLowerCase() === "post") {
    init.method = "POST";
    init.body = data;
  } else {
    url += (url.indexOf("?") < 0 ? "?" : "&") + new URLSearchParams(data).toString();
  }
  var box = document.getElementById(target);
  box.setAttribute("aria-busy", "true");
  fetch(url, init).then(function (r) { return r.text(); }).then(function (html) {
    box.innerHTML = html;
    box.removeAttribute("aria-busy");
    var heading = box.querySelector("h3");
    if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
  }, function () { box.removeAttribute("aria-busy"); form.submit(); });
});
