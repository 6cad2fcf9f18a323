// Overlap host script: sizes every <iframe data-overlap> to the assessment's content, with no
// dependency. The app inside posts {type: "overlap:height", height} to its configured parent
// origins; this script accepts a message only from the iframe's own origin and window.
(function () {
  'use strict';
  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-overlap]'));
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'overlap:height' || typeof data.height !== 'number') return;
    frames().forEach(function (frame) {
      var origin;
      try { origin = new URL(frame.src, document.baseURI).origin; } catch (e) { return; }
      // Both checks: the right origin, and the very window of this iframe.
      if (event.origin !== origin || event.source !== frame.contentWindow) return;
      var h = Math.max(200, Math.min(Math.ceil(data.height), 20000));
      frame.style.height = h + 'px';
    });
  });
})();
