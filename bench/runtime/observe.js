// Loaded first by every runtime bench page (scripts/bench-runtime.mjs), the plain-form floors included, so each pays
// the same: records when the page is "ready" (the element named by <html data-ready>, `textarea` by default, exists in
// the document or in any shadow root), when it first exists in a shadow root ("drawn": Koe's own form, which on a page
// with an early words box comes after "ready"), and every long task and long animation frame.
(function () {
  var selector = document.documentElement.getAttribute('data-ready') || 'textarea';
  var markReady;
  var bench = (window.koeBench = { ready: undefined, drawn: undefined, defined: undefined, longTasks: [], frames: [] });
  // What the bench harness awaits (scripts/bench-runtime.mjs), so that it need not poll the page.
  bench.whenReady = new Promise(function (resolve) {
    markReady = resolve;
  });
  var roots = [document];

  function check() {
    for (var i = 0; i < roots.length; i += 1) {
      if (!roots[i].querySelector(selector)) continue;
      if (bench.ready === undefined) {
        bench.ready = performance.now();
        markReady();
      }
      if (i > 0 && bench.drawn === undefined) bench.drawn = performance.now();
    }
    if (bench.drawn !== undefined) observer.disconnect();
  }

  // A mutation callback runs in the microtask after the change: the time is when the element came into being.
  var observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  // Shadow roots are not in the document's subtree: watch each one as it is attached (open or closed).
  var attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    var root = attachShadow.call(this, init);
    roots.push(root);
    observer.observe(root, { childList: true, subtree: true });
    return root;
  };

  // When the first element is registered: its script has been fetched and evaluated; from here to `ready` is its first render.
  var define = customElements.define;
  customElements.define = function () {
    if (bench.defined === undefined) bench.defined = performance.now();
    return define.apply(this, arguments);
  };

  function record(type, list) {
    try {
      new PerformanceObserver(function (entries) {
        entries.getEntries().forEach(function (entry) {
          list.push(entry.toJSON());
        });
      }).observe({ type: type, buffered: true });
    } catch {
      // An entry type this browser does not know: the bench says so (no entries).
    }
  }
  record('longtask', bench.longTasks);
  record('long-animation-frame', bench.frames);
})();
