// The book's interactives on the static site, with no kernel and no widget library.
//
// Each interactive's saved ipywidgets state is a small script of its own
// (_static/widgets/PAGE/K.js, written by book/_ext/fast_pages.py), which queues
// [view, models] in window.gdWidgetStates; the page lists them in #gd-widget-files and
// keeps a view script where each interactive was output. The first one is a deferred
// script of the page, run just before this one; this script loads the others after the
// page's text, the interactive nearest the reader first, one at a time, and draws each
// as it arrives. gdlib.widgets builds every interactive from the same few widgets:
// boxes, a Stack of precomputed images per panel, SelectionSliders, an optional Play
// button, and jslinks from the sliders to the stacks. This script draws exactly those
// and links them, so a slider shows another precomputed frame, as the ipywidgets HTML
// manager would, in a few KB instead of 3.6 MB. A model it does not know is a console
// error (the browser test fails on it), never a silently missing figure. In a live
// notebook the real ipywidgets draw the same widgets.
(function () {
  "use strict";

  var models = {};

  function Model(id, spec) {
    this.id = id;
    this.name = spec.model_name;  // the state has no _model_name: the build leaves it out
    this.state = spec.state;
    this.listeners = {};
    var state = this.state;
    (spec.buffers || []).forEach(function (buffer) {
      // Binary traits (an image's PNG) are saved as base64 at the trait's path.
      if (buffer.path.length === 1 && buffer.encoding === "base64") {
        state[buffer.path[0]] = buffer.data;
      }
    });
  }
  Model.prototype.get = function (key) { return this.state[key]; };
  Model.prototype.set = function (key, value) {
    if (this.state[key] === value) return;  // also ends the echo of a two-way link
    this.state[key] = value;
    (this.listeners[key] || []).forEach(function (listener) { listener(value); });
  };
  Model.prototype.on = function (key, listener) {
    (this.listeners[key] = this.listeners[key] || []).push(listener);
  };

  function ref(value) {
    var model = typeof value === "string" && models[value.replace(/^IPY_MODEL_/, "")];
    if (!model) throw new Error("gd-widgets: no saved model " + value);
    return model;
  }

  // The layout traits that gdlib sets, and their CSS properties (trait "max_width" is
  // "max-width"); any other layout trait that is set is reported, not ignored.
  var LAYOUT = ["width", "height", "max_width", "max_height", "min_width", "margin", "padding",
                "display", "flex", "flex_flow", "justify_content", "align_items",
                "grid_area", "grid_template_areas", "grid_template_columns", "grid_template_rows"];

  function element(tag, classes, model) {
    var el = document.createElement(tag);
    el.className = classes;
    if (!model) return el;
    (model.get("_dom_classes") || []).forEach(function (c) { el.classList.add(c); });
    if (model.get("layout")) {
      var layout = ref(model.get("layout")).state;
      Object.keys(layout).forEach(function (key) {
        if (key.charAt(0) === "_" || layout[key] === null || layout[key] === "") return;
        if (LAYOUT.indexOf(key) < 0) throw new Error("gd-widgets: layout trait " + key + " is not drawn");
        el.style.setProperty(key.replace(/_/g, "-"), layout[key]);
      });
    }
    return el;
  }

  function box(kind) {
    return function (model) {
      var el = element("div", "jupyter-widgets widget-container widget-box " + kind, model);
      model.get("children").forEach(function (child) { el.appendChild(view(ref(child))); });
      return el;
    };
  }

  var VIEWS = {
    BoxModel: box(""),
    VBoxModel: box("widget-vbox"),
    HBoxModel: box("widget-hbox"),
    GridBoxModel: box("widget-gridbox"),

    StackModel: function (model) {
      // Only the selected child is shown; moving a slider changes selected_index.
      var el = box("widget-stack")(model);
      var show = function (index) {
        Array.prototype.forEach.call(el.children, function (child, i) {
          child.hidden = i !== index;
        });
      };
      show(model.get("selected_index"));
      model.on("selected_index", show);
      return el;
    },

    ImageModel: function (model) {
      var el = element("img", "jupyter-widgets widget-image", model);
      el.src = "data:image/" + model.get("format") + ";base64," + model.get("value");
      // A frame's alt is what its title and legend say (gdlib.widgets); the background is
      // part of the same picture, so it says nothing of its own.
      el.alt = model.get("alt") || "";
      return el;
    },

    SelectionSliderModel: function (model) {
      var el = element("div", "jupyter-widgets widget-inline-hbox widget-slider widget-hslider", model);
      var labels = model.get("_options_labels");
      var label = element("label", "widget-label");
      var input = element("input", "gd-range");
      // Not a live region: a screen reader hears the value through the slider's
      // aria-valuetext when a person moves it, and nothing while Play runs.
      var readout = element("span", "widget-readout");
      readout.setAttribute("aria-hidden", "true");
      // As wide as the longest value, so that the picture does not jump as the text changes.
      readout.style.minWidth = (Math.max.apply(null, labels.map(function (t) { return t.length; })) + 1) + "ch";
      input.type = "range";
      input.min = 0;
      input.max = labels.length - 1;
      input.step = 1;
      input.id = "gd-slider-" + model.id;
      label.htmlFor = input.id;
      label.textContent = model.get("description");
      label.title = model.get("description");
      var style = model.get("style") && ref(model.get("style")).state;
      if (style && style.description_width) label.style.width = style.description_width;
      var show = function (index) {
        input.value = index;
        readout.textContent = labels[index];
        input.setAttribute("aria-valuetext", labels[index]);
      };
      show(model.get("index"));
      input.addEventListener("input", function () { model.set("index", Number(input.value)); });
      model.on("index", show);
      el.append(label, input, readout);
      return el;
    },

    PlayModel: function (model) {
      // Play steps the value every `interval` ms up to `max`; pause keeps it; stop rewinds.
      var el = element("div", "jupyter-widgets widget-inline-hbox widget-play", model);
      // The buttons' names are plain words; the group says what they play.
      el.setAttribute("role", "group");
      el.setAttribute("aria-label", model.get("description") || "animation");
      var timer = null;
      var button = function (text, name) {
        var b = element("button", "jupyter-button widget-button");
        b.type = "button";
        b.textContent = text;
        b.setAttribute("aria-label", name);
        el.appendChild(b);
        return b;
      };
      var halt = function () { clearInterval(timer); timer = null; };
      button("\u25B6", "Play").addEventListener("click", function () {
        if (timer) return;
        if (model.get("value") >= model.get("max")) model.set("value", model.get("min"));
        timer = setInterval(function () {
          var next = model.get("value") + model.get("step");
          if (next <= model.get("max")) model.set("value", next);
          else if (model.get("repeat")) model.set("value", model.get("min"));
          else halt();
        }, model.get("interval"));
      });
      button("\u275A\u275A", "Pause").addEventListener("click", halt);
      button("\u25A0", "Stop").addEventListener("click", function () {
        halt();
        model.set("value", model.get("min"));
      });
      return el;
    },
  };

  function view(model) {
    var draw = VIEWS[model.name];
    if (!draw) throw new Error("gd-widgets: no view for " + model.name);
    return draw(model);
  }

  var linked = {};

  function link(model) {
    // widgets.jslink: both ways, and the target takes the source's value at once.
    if (linked[model.id]) return;
    linked[model.id] = true;
    var source = model.get("source"), target = model.get("target");
    var a = ref(source[0]), b = ref(target[0]);
    a.on(source[1], function (value) { b.set(target[1], value); });
    b.on(target[1], function (value) { a.set(source[1], value); });
    b.set(target[1], a.get(source[1]));
  }

  var drawn = 0;

  function draw(script, ids) {
    // One interactive: its models have arrived; draw its view where it was output, then link it.
    try {
      var area = element("div", "widget-subarea");
      area.appendChild(view(ref(JSON.parse(script.textContent).model_id)));
      script.parentNode.insertBefore(area, script);
      drawn += 1;
    } catch (err) {
      console.error(err.message || err);
    }
    ids.forEach(function (id) {
      if (models[id].name === "LinkModel") link(models[id]);
    });
  }

  function add(saved) {
    var ids = Object.keys(saved);
    ids.forEach(function (id) { if (!models[id]) models[id] = new Model(id, saved[id]); });
    return ids;
  }

  function finished() {
    document.documentElement.dataset.gdWidgets = String(drawn);
    if (window.performance && performance.mark) performance.mark("gd-widgets-ready");
  }

  function render() {
    var views = Array.prototype.slice.call(
      document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]'));
    var listed = document.getElementById("gd-widget-files");
    if (!listed) return;
    var files = JSON.parse(listed.textContent);
    var scripts = {};
    views.forEach(function (script) { scripts[JSON.parse(script.textContent).model_id] = script; });
    // The interactive nearest the reader's screen first, then the others in page order.
    var top = window.scrollY, bottom = top + window.innerHeight;
    var distance = function (script) {
      var y = script.parentNode.getBoundingClientRect().top + window.scrollY;
      return y >= top && y <= bottom ? 0 : 1;
    };
    var done = {};
    window.gdWidgets = {
      // Draw every interactive whose state has arrived (each state file queues itself).
      drain: function () {
        var states = window.gdWidgetStates || [];
        while (states.length) {
          var item = states.shift(), viewId = item[0];
          if (!scripts[viewId]) {
            console.error("gd-widgets: no view " + viewId + " on this page");
            continue;
          }
          done[viewId] = true;
          draw(scripts[viewId], add(item[1]));
        }
      },
    };
    window.gdWidgets.drain();
    var queue = views.slice().sort(function (a, b) { return distance(a) - distance(b); });
    var next = function () {
      var script = queue.shift();
      if (!script) return finished();
      var id = JSON.parse(script.textContent).model_id;
      if (done[id]) return next();
      if (!files[id]) {
        console.error("gd-widgets: no saved state for view " + id);
        return next();
      }
      var tag = document.createElement("script");
      tag.src = files[id];
      tag.async = true;
      tag.onload = function () {
        if (!done[id]) console.error("gd-widgets: " + files[id] + " held no state for its view");
        next();
      };
      tag.onerror = function () { console.error("gd-widgets: could not load " + files[id]); next(); };
      document.head.appendChild(tag);
    };
    next();
  }

  // Draw once the page is parsed (this script is deferred, and runs before MathJax).
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", render);
  } else {
    render();
  }
})();
