/* Routes map controls: title, legend, message overlay, attribution and a timeline stepper.
 *
 * Written for Routes; needs only Leaflet. Every function takes the Leaflet map it works on and
 * keeps its state in a closure, so several maps on one page never share state or element ids.
 * HTML strings handed in here were escaped in Python (routes/render.py) before encoding as
 * JSON; plain labels are set with textContent.
 */
(function () {
  "use strict";
  if (window.RoutesMap) {
    return; // a second map (or a second fragment) on the page: reuse the first definition
  }

  function box(className, html) {
    var div = L.DomUtil.create("div", className);
    div.innerHTML = html;
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  }

  function panel(map, position, className, html) {
    var control = L.control({ position: position });
    control.onAdd = function () {
      return box(className, html);
    };
    control.addTo(map);
    return control;
  }

  function title(map, html) {
    return panel(map, "topright", "routes-title", html);
  }

  function legend(map, html) {
    return panel(map, "bottomright", "routes-legend", html);
  }

  function message(map, html) {
    // Inside the map container, not a control: it must stay centred and readable.
    var div = L.DomUtil.create("div", "routes-message", map.getContainer());
    div.innerHTML = html;
    return div;
  }

  function attribution(map, html) {
    if (map.attributionControl) {
      map.attributionControl.addAttribution(html);
    }
  }

  function setClass(layer, name, on) {
    var el = layer && layer.getElement ? layer.getElement() : null;
    if (!el) {
      return; // the layer's group is switched off in the layer control
    }
    if (on) {
      L.DomUtil.addClass(el, name);
    } else {
      L.DomUtil.removeClass(el, name);
    }
  }

  /* Stops a few kilometres apart overlap at the zoom that shows the whole trip ("Ussuriysk"
   * under "north of Vladivostok"). Nudge a covered marker aside by a few pixels, in route
   * order, so every number can be read and clicked; recomputed at every zoom. */
  function spread(map, markers) {
    function layout() {
      var placed = [];
      markers.forEach(function (m) {
        var el = m && m.getElement ? m.getElement() : null;
        if (!el) {
          return;
        }
        if (el.dataset.routesLeft === undefined) {
          el.dataset.routesLeft = el.style.marginLeft || "0px";
          el.dataset.routesTop = el.style.marginTop || "0px";
        }
        var p = map.latLngToLayerPoint(m.getLatLng());
        var dx = 0, dy = 0, tries = 0;
        function covered() {
          return placed.some(function (q) {
            return Math.abs(q.x - (p.x + dx)) < 22 && Math.abs(q.y - (p.y + dy)) < 22;
          });
        }
        while (covered() && tries < 16) {
          tries += 1;
          var angle = -Math.PI / 2 + tries * 2.4;
          var radius = 24 + 8 * Math.floor(tries / 6);
          dx = Math.round(radius * Math.cos(angle));
          dy = Math.round(radius * Math.sin(angle));
        }
        el.style.marginLeft = (parseFloat(el.dataset.routesLeft) + dx) + "px";
        el.style.marginTop = (parseFloat(el.dataset.routesTop) + dy) + "px";
        if (dx || dy) {
          L.DomUtil.addClass(el, "routes-nudged");
        } else {
          L.DomUtil.removeClass(el, "routes-nudged");
        }
        placed.push({ x: p.x + dx, y: p.y + dy });
      });
    }
    map.on("zoomend overlayadd", layout);
    map.whenReady(layout);
    return layout;
  }

  /* steps: [{seq, label (escaped HTML), marker, latlng, legs: [layers drawn into this stop]}]
   * Step 0 shows the whole route; step k highlights stop k and the legs up to it. */
  function timeline(map, steps, options) {
    var opts = options || {};
    var state = { step: 0, timer: null };
    var control = L.control({ position: opts.position || "bottomleft" });
    var ui = {};

    function apply() {
      var k = state.step;
      steps.forEach(function (s, i) {
        var n = i + 1;
        setClass(s.marker, "routes-active", k > 0 && n === k);
        setClass(s.marker, "routes-dim", k > 0 && n > k);
        s.legs.forEach(function (leg) {
          setClass(leg, "routes-dim", k > 0 && n > k);
          setClass(leg, "routes-active", k > 0 && n === k);
        });
      });
      if (!ui.text) {
        return;
      }
      if (k === 0) {
        ui.text.innerHTML = opts.overview || "";
      } else {
        ui.text.innerHTML = steps[k - 1].label;
      }
      ui.container.setAttribute("data-step", String(k));
      ui.play.textContent = state.timer ? "\u275a\u275a" : "\u25b6";
      ui.play.setAttribute("aria-label", state.timer ? "pause" : "play");
    }

    function go(k) {
      var n = steps.length;
      state.step = Math.max(0, Math.min(n, k));
      var s = steps[state.step - 1];
      if (s && s.latlng && opts.pan !== false) {
        map.panInside(s.latlng, { padding: [60, 60] });
      }
      apply();
    }

    function stop() {
      if (state.timer) {
        clearInterval(state.timer);
        state.timer = null;
      }
    }

    function play() {
      if (state.timer) {
        stop();
        apply();
        return;
      }
      if (state.step >= steps.length) {
        state.step = 0;
      }
      state.timer = setInterval(function () {
        if (state.step >= steps.length) {
          stop();
          apply();
          return;
        }
        go(state.step + 1);
      }, opts.interval || 1400);
      go(state.step + 1);
    }

    function button(cls, text, label, handler) {
      var b = L.DomUtil.create("button", "routes-tl-btn " + cls, ui.buttons);
      b.type = "button";
      b.textContent = text;
      b.title = label;
      b.setAttribute("aria-label", label);
      L.DomEvent.on(b, "click", function (e) {
        L.DomEvent.stop(e);
        handler();
      });
      return b;
    }

    control.onAdd = function () {
      ui.container = L.DomUtil.create("div", "routes-timeline");
      ui.container.setAttribute("data-step", "0");
      ui.container.setAttribute("data-steps", String(steps.length));
      ui.buttons = L.DomUtil.create("div", "routes-tl-buttons", ui.container);
      button("routes-tl-all", "\u2302", "whole route", function () { stop(); go(0); });
      button("routes-tl-prev", "\u25c0", "previous stop", function () { stop(); go(state.step - 1); });
      ui.play = button("routes-tl-play", "\u25b6", "play", play);
      button("routes-tl-next", "\u25b6|", "next stop", function () { stop(); go(state.step + 1); });
      ui.text = L.DomUtil.create("div", "routes-tl-text", ui.container);
      L.DomEvent.disableClickPropagation(ui.container);
      L.DomEvent.disableScrollPropagation(ui.container);
      return ui.container;
    };
    control.onRemove = stop;
    control.addTo(map);
    // Layers switched back on in the layer control come back without our classes.
    map.on("overlayadd", apply);
    apply();
    spread(map, steps.map(function (s) { return s.marker; }));
    return { control: control, go: go, play: play, stop: stop, state: state };
  }

  window.RoutesMap = {
    title: title,
    legend: legend,
    message: message,
    attribution: attribution,
    timeline: timeline,
    spread: spread,
  };
})();
