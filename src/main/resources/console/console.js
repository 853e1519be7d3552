// The console's only script: CSRF for htmx requests, and the overview's charts.
(function () {
    "use strict";

    function meta(name) {
        var element = document.querySelector('meta[name="' + name + '"]');
        return element ? element.getAttribute("content") : null;
    }

    document.addEventListener("htmx:configRequest", function (event) {
        var header = meta("csrf-header");
        var token = meta("csrf-token");
        if (header && token) {
            event.detail.headers[header] = token;
        }
    });

    var COLOURS = ["#1d4ed8", "#b45309", "#047857", "#b91c1c", "#6d28d9"];
    var charts = {};

    function draw(element, data) {
        var series = data[element.dataset.series];
        var names = Object.keys(series);
        var rows = [data.hours].concat(names.map(function (name) { return series[name]; }));
        var width = Math.max(280, element.clientWidth);
        if (charts[element.id]) {
            charts[element.id].setData(rows);
            return;
        }
        var options = {
            width: width,
            height: 220,
            series: [{}].concat(names.map(function (name, i) {
                return {label: name, stroke: COLOURS[i % COLOURS.length], width: 2};
            })),
            axes: [{}, {label: "per hour"}],
            scales: {y: {range: function (u, min, max) { return [0, Math.max(4, max)]; }}}
        };
        charts[element.id] = new uPlot(options, rows, element);
        element.setAttribute("data-drawn", "true");
    }

    function refresh() {
        var elements = document.querySelectorAll(".chart[data-src]");
        if (elements.length === 0) {
            return;
        }
        fetch(elements[0].dataset.src, {credentials: "same-origin", headers: {"Accept": "application/json"}})
            .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
            .then(function (data) { elements.forEach(function (element) { draw(element, data); }); })
            .catch(function () { /* The next refresh tries again. */ });
    }

    document.addEventListener("DOMContentLoaded", function () {
        refresh();
        setInterval(refresh, 30000);
    });
})();
