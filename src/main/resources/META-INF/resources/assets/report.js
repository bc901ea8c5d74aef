// The shareable report page (/report?d=...): print, download, and "apply" buttons that open the report of the
// description with the counterfactual's changes applied (a new link, so it can be shared too).
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  function decode(d) {
    var b = d.replace(/-/g, '+').replace(/_/g, '/');
    while (b.length % 4) { b += '='; }
    return JSON.parse(decodeURIComponent(escape(atob(b))));
  }
  function encode(o) {
    return btoa(unescape(encodeURIComponent(JSON.stringify(o)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  // a step of a contract path: a field (its name may hold digits: areaKm2) and an entry's index
  var STEP = /^([A-Za-z][A-Za-z0-9]*)(?:\[(\d+)\])?$/;
  function getPath(obj, path) {
    var cur = obj;
    var parts = path.split('.');
    for (var i = 0; i < parts.length && cur !== undefined && cur !== null; i++) {
      var m = parts[i].match(STEP);
      cur = cur[m[1]];
      if (m[2] !== undefined && Array.isArray(cur)) { cur = cur[Number(m[2])]; }
    }
    return cur === null ? undefined : cur;
  }
  function setPath(obj, path, value) {
    var parts = path.split('.');
    var cur = obj;
    for (var i = 0; i < parts.length; i++) {
      var m = parts[i].match(STEP);
      var last = i === parts.length - 1;
      if (m[2] === undefined) {
        if (last) { if (value === null || value === undefined) { delete cur[m[1]]; } else { cur[m[1]] = value; } return; }
        if (typeof cur[m[1]] !== 'object' || cur[m[1]] === null) { cur[m[1]] = {}; }
        cur = cur[m[1]];
      } else {
        var n = Number(m[2]);
        if (!Array.isArray(cur[m[1]])) { cur[m[1]] = []; }
        while (cur[m[1]].length <= n) { cur[m[1]].push({}); }
        if (last) { cur[m[1]][n] = value; return; }
        cur = cur[m[1]][n];
      }
    }
  }
  window.lgmPaths = { setPath: setPath, getPath: getPath, encode: encode, decode: decode };
  if (!document.body.classList.contains('shared')) { return; }
  // no form on this page: a fact's name is text, not a link to its input
  document.querySelectorAll('a[data-focus]').forEach(function (a) {
    var span = document.createElement('span');
    span.textContent = a.textContent;
    a.replaceWith(span);
  });
  var share = document.getElementById('share-link');
  if (share) { share.href = location.href; }
  document.addEventListener('click', function (ev) {
    var t = ev.target;
    if (t.id === 'print-report') { window.print(); }
    if (t.id === 'download-assessment') {
      var a = document.getElementById('assessment-json').textContent;
      var link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([a], { type: 'application/json' }));
      link.download = 'assessment.json';
      document.body.appendChild(link); link.click(); link.remove();
    }
    if (t.matches('button.apply[data-changes]')) {
      var project = decode(params.get('d'));
      JSON.parse(t.getAttribute('data-changes')).forEach(function (c) { setPath(project, c.path, c.to); });
      params.set('d', encode(project));
      location.search = params.toString();
    }
  });
})();
