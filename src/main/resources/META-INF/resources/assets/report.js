// The shareable report page (/report?d=...): print, download, and "apply" buttons that open the report of the
// description with the counterfactual's changes applied (a new link, so it can be shared too). A link carries the
// description deflated ("z." and base64url of raw DEFLATE), so large descriptions fit a URL; links written before
// carry the JSON in base64url and still open.
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
  function bytesToBase64url(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i += 0x8000) { s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)); }
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function base64urlToBytes(t) {
    var b = t.replace(/-/g, '+').replace(/_/g, '/');
    while (b.length % 4) { b += '='; }
    var s = atob(b);
    var bytes = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) { bytes[i] = s.charCodeAt(i); }
    return bytes;
  }
  // A link's d for a description: deflated where the browser can (every current one), else the plain encoding.
  function encodeLink(o) {
    if (typeof CompressionStream === 'undefined') { return Promise.resolve(encode(o)); }
    var stream = new Blob([JSON.stringify(o)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Response(stream).arrayBuffer().then(function (buf) { return 'z.' + bytesToBase64url(new Uint8Array(buf)); });
  }
  function decodeLink(d) {
    if (d.indexOf('z.') !== 0) { return Promise.resolve().then(function () { return decode(d); }); }
    var stream = new Blob([base64urlToBytes(d.slice(2))]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Response(stream).text().then(JSON.parse);
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
  window.lgmPaths = { setPath: setPath, getPath: getPath, encode: encode, decode: decode, encodeLink: encodeLink, decodeLink: decodeLink };
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
      var changes = JSON.parse(t.getAttribute('data-changes'));
      decodeLink(params.get('d')).then(function (project) {
        changes.forEach(function (c) { setPath(project, c.path, c.to); });
        return encodeLink(project);
      }).then(function (d) {
        params.set('d', d);
        location.search = params.toString();
      });
    }
  });
})();
