// Keeps a progress bar of work in the background up to date, and reloads the page when the work
// has stopped so that the page shows its outcome. Without this script, a link reloads the page.
(function () {
  "use strict";
  var bar = document.querySelector("progress[data-url]");
  if (!bar || !window.fetch) { return; }
  var text = document.getElementById(bar.id + "-text");
  var lastTenth = -1;
  function show(done, total) {
    bar.max = Math.max(total, 1);
    bar.value = done;
    var words = bar.getAttribute("data-text").replace("{done}", done).replace("{total}", total);
    bar.textContent = words;
    // The status is read out at each tenth, not at every poll.
    var tenth = total > 0 ? Math.floor(done * 10 / total) : 0;
    if (text && tenth !== lastTenth) { text.textContent = words; lastTenth = tenth; }
  }
  function poll() {
    fetch(bar.getAttribute("data-url"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer.status !== "running") { window.location.reload(); return; }
        show(answer.done, answer.total);
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 1000);
})();
