// Let the ipywidgets HTML manager run from this site alone, next to MathJax 3.
(function () {
  "use strict";
  var base = document.currentScript.src.replace(/widgets-offline\.js(\?.*)?$/, "");

  // The manager's modules are defined inside embed-amd.js, and webpack looks for their
  // fonts next to each module's require.js address ("@jupyter-widgets/...", which would
  // be resolved against the page's folder). Point those addresses at the vendored copy.
  var vendored = base + "vendor/html-manager";
  window.require.config({
    paths: { "@jupyter-widgets/html-manager/dist": vendored, "@jupyter-widgets": vendored },
  });

  // The manager typesets widget labels with MathJax 2's Hub.Queue; Sphinx loads MathJax 3.
  // Queue the calls until MathJax 3 is ready, then map them onto typesetPromise.
  var pending = [];
  function typeset(args) {
    var element = Array.isArray(args) ? args[2] : null;
    if (element && window.MathJax.typesetPromise) {
      window.MathJax.typesetPromise([element]).catch(function () {});
    }
  }
  var hub = {
    Queue: function () {
      var ready = window.MathJax && window.MathJax.typesetPromise;
      for (var i = 0; i < arguments.length; i++) {
        if (ready) typeset(arguments[i]); else pending.push(arguments[i]);
      }
    },
  };
  function install() {
    window.MathJax = window.MathJax || {};
    if (!window.MathJax.Hub) window.MathJax.Hub = hub;
    if (window.MathJax.typesetPromise && window.MathJax.startup) {
      window.MathJax.startup.promise.then(function () {
        pending.splice(0).forEach(typeset);
      });
      return true;
    }
    return false;
  }
  if (!install()) {
    var timer = setInterval(function () { if (install()) clearInterval(timer); }, 50);
  }
})();
