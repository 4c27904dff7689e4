// How MathJax typesets the book's pages (runs before MathJax loads, which reads this).
//
// * The formulas on screen first, then the rest in pieces of PIECE formulas with a pause
//   between them: a page has 300-500 formulas, and typesetting them in one go kept the
//   browser busy for about 0.7 s, during which a moved slider did not respond.
// * No MathJax menu: with it every formula was a Tab stop, so a keyboard reader pressed
//   Tab up to 199 times to reach the first slider. Screen readers still read each formula
//   from the hidden MathML that MathJax adds beside it.
(function () {
  "use strict";
  var PIECE = 40;
  // Only where the page loads MathJax (Sphinx sets its configuration first); a page
  // without formulas gets no MathJax object at all.
  if (!window.MathJax) return;
  var config = window.MathJax;
  config.options = config.options || {};
  config.options.enableMenu = false;
  config.startup = config.startup || {};
  config.startup.pageReady = function () {
    var all = Array.prototype.slice.call(document.querySelectorAll(".math"));
    var height = window.innerHeight;
    var near = [], later = [];
    all.forEach(function (el) {
      var box = el.getBoundingClientRect();
      (box.bottom > 0 && box.top < height ? near : later).push(el);
    });
    var pieces = [near];
    for (var i = 0; i < later.length; i += PIECE) pieces.push(later.slice(i, i + PIECE));
    return pieces.reduce(function (done, piece) {
      return done.then(function () {
        return new Promise(function (resolve) { setTimeout(resolve, 0); });
      }).then(function () {
        return piece.length ? window.MathJax.typesetPromise(piece) : null;
      });
    }, Promise.resolve());
  };
})();
