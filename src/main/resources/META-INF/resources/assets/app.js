// The investor page: gathers the form into a project description (a "don't know" is left out, never sent as
// false), fills the form from an example or a pasted description, and shows the report the server renders.
(function () {
  'use strict';
  var T = JSON.parse(document.getElementById('texts').textContent);
  var lang = document.documentElement.lang || 'en';
  var form = document.getElementById('project-form');
  var result = document.getElementById('result');
  var status = document.getElementById('start-status');
  var STORE = 'lgm.investor.state';
  // For each list, the entry elements that became exports[0], exports[1]... in the last description sent.
  var sentEntries = {};

  function sections() { return Array.prototype.slice.call(form.querySelectorAll('.sec')); }
  function section(key) { return form.querySelector('.sec[data-section="' + key + '"]'); }
  function fieldsOf(container) {
    return Array.prototype.slice.call(container.querySelectorAll('[data-field]')).filter(function (f) {
      return f.closest('template') === null;
    });
  }

  // ---- reading a field ----------------------------------------------------------------------------------
  function read(f) {
    var kind = f.getAttribute('data-kind');
    if (kind === 'tristate') {
      var c = f.querySelector('input[type=radio]:checked');
      return !c || c.value === '' ? undefined : c.value === 'true';
    }
    if (kind === 'multi') {
      var v = Array.prototype.slice.call(f.querySelectorAll('input[type=checkbox]:checked')).map(function (i) { return i.value; });
      return v.length ? v : undefined;
    }
    var input = f.querySelector('input, select');
    var s = input.value.trim();
    if (s === '') { return undefined; }
    if (kind === 'number' || kind === 'integer') {
      var n = Number(s);
      return isNaN(n) ? s : n; // a non-number is sent as it is, so the service names the field
    }
    return s;
  }

  function write(f, value) {
    var kind = f.getAttribute('data-kind');
    if (kind === 'tristate') {
      var want = value === true ? 'true' : value === false ? 'false' : '';
      f.querySelectorAll('input[type=radio]').forEach(function (r) { r.checked = r.value === want; });
    } else if (kind === 'multi') {
      var set = Array.isArray(value) ? value : [];
      f.querySelectorAll('input[type=checkbox]').forEach(function (c) { c.checked = set.indexOf(c.value) >= 0; });
    } else {
      f.querySelector('input, select').value = value === undefined || value === null ? '' : String(value);
    }
  }

  function readInto(container, obj) {
    var any = false;
    fieldsOf(container).forEach(function (f) {
      var v = read(f);
      if (v !== undefined) { obj[f.getAttribute('data-field')] = v; any = true; }
    });
    return any;
  }

  // ---- the description ----------------------------------------------------------------------------------
  function collect() {
    var project = {};
    sentEntries = {};
    sections().forEach(function (sec) {
      var key = sec.getAttribute('data-section');
      var kind = sec.getAttribute('data-kind');
      if (kind === 'root') {
        readInto(sec, project);
      } else if (kind === 'record') {
        var o = {};
        if (readInto(sec, o)) { project[key] = o; }
      } else {
        var list = [];
        sentEntries[key] = [];
        entries(key).forEach(function (entry) {
          var e = {};
          if (readInto(entry, e)) { list.push(e); sentEntries[key].push(entry); }
        });
        // An empty list says "none"; a list neither filled nor marked none is not given (unknown).
        if (list.length) { project[key] = list; } else if (noneBox(key) && noneBox(key).checked) { project[key] = []; }
      }
    });
    return project;
  }

  function noneBox(key) {
    return document.getElementById('none-' + key);
  }

  function clear() {
    sections().forEach(function (sec) {
      if (sec.getAttribute('data-kind') === 'list') {
        entries(sec.getAttribute('data-section')).forEach(function (e) { e.remove(); });
        if (noneBox(sec.getAttribute('data-section'))) { noneBox(sec.getAttribute('data-section')).checked = false; }
      } else {
        fieldsOf(sec).forEach(function (f) { write(f, undefined); });
      }
    });
    addEntry('minerals');
  }

  function fill(project) {
    clear();
    entries('minerals').forEach(function (e) { e.remove(); });
    sections().forEach(function (sec) {
      var key = sec.getAttribute('data-section');
      var kind = sec.getAttribute('data-kind');
      if (kind === 'root') {
        fieldsOf(sec).forEach(function (f) { write(f, project[f.getAttribute('data-field')]); });
      } else if (kind === 'record') {
        var o = project[key] || {};
        fieldsOf(sec).forEach(function (f) { write(f, o[f.getAttribute('data-field')]); });
      } else {
        if (noneBox(key)) { noneBox(key).checked = Array.isArray(project[key]) && project[key].length === 0; }
        (project[key] || []).forEach(function (item) {
          var entry = addEntry(key);
          fieldsOf(entry).forEach(function (f) { write(f, item[f.getAttribute('data-field')]); });
        });
      }
    });
    if (!entries('minerals').length) { addEntry('minerals'); }
  }

  // ---- list entries -------------------------------------------------------------------------------------
  function entries(key) {
    var box = document.getElementById('list-' + key);
    return box ? Array.prototype.slice.call(box.children) : [];
  }

  function addEntry(key) {
    var tpl = document.getElementById('tpl-' + key);
    var box = document.getElementById('list-' + key);
    if (!tpl || !box) { return null; }
    var entry = tpl.content.firstElementChild.cloneNode(true);
    box.appendChild(entry);
    if (noneBox(key)) { noneBox(key).checked = false; }
    renumber(key);
    return entry;
  }

  // Entry n carries the paths key[n].field and the ids f-key-n-field, so a finding's path finds its input.
  function renumber(key) {
    var path = new RegExp('^' + key + '\\[(?:\\d+|__i__)\\]');
    var id = new RegExp('^f-' + key + '-(?:\\d+|__i__)');
    entries(key).forEach(function (entry, n) {
      entry.querySelector('.entry-no').textContent = String(n + 1);
      entry.querySelectorAll('[id],[for],[name],[aria-describedby]').forEach(function (el) {
        ['id', 'for', 'name', 'aria-describedby'].forEach(function (a) {
          var v = el.getAttribute(a);
          if (v) {
            el.setAttribute(a, v.replace(path, key + '[' + n + ']').replace(id, 'f-' + key + '-' + n));
          }
        });
      });
    });
  }

  form.addEventListener('click', function (ev) {
    var add = ev.target.closest('[data-add]');
    if (add) {
      var e = addEntry(add.getAttribute('data-add'));
      var first = e && e.querySelector('input, select');
      if (first) { first.focus(); }
      return;
    }
    var rm = ev.target.closest('[data-remove]');
    if (rm) {
      var entry = rm.closest('.entry');
      var key = entry.closest('.sec').getAttribute('data-section');
      entry.remove();
      renumber(key);
      document.getElementById('add-' + key).focus();
    }
  });

  // ---- going to a field named by a path -----------------------------------------------------------------
  function focusPath(path) {
    var parts = path.match(/^([A-Za-z]+)(?:\[(\d+)\])?(?:\.([A-Za-z]+))?$/);
    if (!parts) { return false; }
    var key = parts[1], index = parts[2], field = parts[3];
    var target = null, sec = section(key);
    if (sec && sec.getAttribute('data-kind') === 'list') {
      if (index !== undefined) {
        var entry = (sentEntries[key] || entries(key))[Number(index)] || entries(key)[Number(index)];
        while (!entry) { addEntry(key); entry = entries(key)[Number(index)]; }
        target = field ? entry.querySelector('[data-field="' + field + '"]') : entry;
      } else {
        target = entries(key)[0] || document.getElementById('add-' + key);
      }
    } else if (sec && field) {
      target = sec.querySelector('[data-field="' + field + '"]');
    } else if (sec) {
      target = sec;
    } else {
      target = section('project').querySelector('[data-field="' + key + '"]');
    }
    if (!target) { return false; }
    var d = target.closest('details');
    if (d) { d.open = true; }
    var input = target.matches('input, select, button') ? target
      : target.querySelector('input[type=radio]:checked') || target.querySelector('input, select, textarea, button');
    target.classList.add('flash');
    setTimeout(function () { target.classList.remove('flash'); }, 2500);
    (input || target).focus();
    target.scrollIntoView({ block: 'center' });
    return true;
  }

  document.addEventListener('click', function (ev) {
    var a = ev.target.closest('a[data-focus]');
    if (a && focusPath(a.getAttribute('data-focus'))) { ev.preventDefault(); }
  });

  // ---- assessing ----------------------------------------------------------------------------------------
  function assess(project) {
    result.hidden = false;
    result.innerHTML = '<p class="status">' + T.assessing + '</p>';
    return fetch('/ui/report?lang=' + lang, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(project)
    }).then(function (r) { return r.text(); }).then(function (html) {
      result.innerHTML = html;
      shareLink(project);
      save(project, true);
      result.focus();
      result.scrollIntoView({ block: 'start' });
    }).catch(function () {
      result.innerHTML = '<p class="status error">' + T.failed + '</p>';
    });
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    assess(collect());
  });

  document.getElementById('clear-form').addEventListener('click', function () {
    clear();
    result.hidden = true;
    result.innerHTML = '';
    sessionStorage.removeItem(STORE);
  });

  // A link that reproduces the report from the description it carries; printing that page gives the PDF.
  function shareLink(project) {
    var a = document.getElementById('share-link');
    if (!a) { return; }
    window.lgmPaths.encodeLink(project).then(function (d) { a.href = '/report?lang=' + lang + '&d=' + d; });
  }

  // ---- the interview: the deciding facts first, then only questions whose answer can change the verdict ---
  var IVSTORE = 'lgm.investor.interview';
  var screen = document.getElementById('interview-screen');
  var progress = document.getElementById('interview-progress');
  var ivStatus = document.getElementById('interview-status');
  function freshInterview() { return { project: { id: 'INTERVIEW' }, unknown: [], asked: [], current: [], phase: 'START' }; }
  var iv = freshInterview();
  function plural(key, n) {
    var form = n === 0 && T[key + '.zero'] ? T[key + '.zero'] : n === 1 ? T[key + '.one'] : T[key + '.other'];
    return form.replace('{n}', String(n));
  }
  function qid(path) { return 'q-' + path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-'); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function questionElement(q) {
    var id = qid(q.field);
    var box = el('fieldset', { 'class': 'question', 'data-question': q.field, 'data-type': q.type, id: id });
    box.appendChild(el('legend', {}, q.label));
    var choices = el('div', { 'class': 'choices' });
    if (q.type === 'boolean' || q.type === 'enumList') {
      var opts = q.type === 'boolean' ? [{ value: 'true', label: T.yes }, { value: 'false', label: T.no }] : q.allowed;
      opts.forEach(function (c) {
        var span = el('span', { 'class': 'check' });
        var input = el('input', { type: q.type === 'boolean' ? 'radio' : 'checkbox', name: id, id: id + '--' + c.value, value: c.value });
        span.appendChild(input);
        span.appendChild(el('label', { 'for': id + '--' + c.value }, c.label));
        choices.appendChild(span);
      });
    } else if (q.type === 'enum') {
      var select = el('select', { id: id + '--input', 'aria-label': q.label });
      select.appendChild(el('option', { value: '' }, T.choose));
      q.allowed.forEach(function (c) { select.appendChild(el('option', { value: c.value }, c.label)); });
      choices.appendChild(select);
    } else {
      var type = q.type === 'number' || q.type === 'integer' ? 'number' : q.type === 'date' ? 'date' : 'text';
      choices.appendChild(el('input', { type: type, id: id + '--input', 'aria-label': q.label, step: 'any' }));
    }
    box.appendChild(choices);
    var help = el('p', { 'class': 'help' }, q.help || '');
    if (q.provision) { help.appendChild(el('span', { 'class': 'cite' }, ' (' + T.law + ': ' + q.provision + ')')); }
    box.appendChild(help);
    return box;
  }
  function readQuestion(q) {
    var id = qid(q.field);
    if (q.type === 'boolean') {
      var r = screen.querySelector('input[name="' + id + '"]:checked');
      return r ? r.value === 'true' : undefined;
    }
    if (q.type === 'enumList') {
      var v = Array.prototype.slice.call(screen.querySelectorAll('input[name="' + id + '"]:checked')).map(function (i) { return i.value; });
      return v.length ? v : undefined;
    }
    var input = document.getElementById(id + '--input');
    var s = input ? input.value.trim() : '';
    if (s === '') { return undefined; }
    return q.type === 'number' || q.type === 'integer' ? Number(s) : s;
  }
  function renderStep(step) {
    iv.phase = step.phase;
    iv.current = step.phase === 'START' ? step.questions : step.questions.slice(0, 1);
    screen.innerHTML = '';
    ivStatus.textContent = '';
    iv.current.forEach(function (q) { screen.appendChild(questionElement(q)); });
    var done = step.phase === 'DONE';
    if (done) { screen.appendChild(el('p', { 'class': 'done', id: 'interview-done' }, T.done)); }
    document.getElementById('interview-next').hidden = done;
    document.getElementById('interview-dont-know').hidden = done;
    progress.textContent = step.phase === 'START' ? T.start
      : plural('remaining', step.remaining) + ' ' + plural('asked', iv.asked.length);
    progress.setAttribute('data-remaining', String(step.remaining));
    screen.setAttribute('data-phase', step.phase);
    screen.setAttribute('data-answered', String(iv.asked.length));
  }
  function interviewStep() {
    try { sessionStorage.setItem(IVSTORE, JSON.stringify(iv)); } catch (e) { /* private mode */ }
    return fetch('/api/v1/interviews/next?lang=' + lang, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ project: iv.project, unknown: iv.unknown })
    }).then(function (r) { return r.json(); }).then(function (step) {
      renderStep(step);
      if (iv.asked.length) { liveReport(step.phase === 'DONE'); }
    }).catch(function () { ivStatus.textContent = T.failed; });
  }
  // the verdict and findings so far; the counterfactual search only once the interview is done
  var reportSeq = 0;
  function liveReport(final) {
    fill(iv.project);
    result.hidden = false;
    var seq = ++reportSeq;
    return fetch('/ui/report?lang=' + lang + '&counterfactuals=' + final, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(iv.project)
    }).then(function (r) { return r.text(); }).then(function (html) {
      if (seq !== reportSeq) { return; } // an older answer's report arrived late
      result.innerHTML = html;
      shareLink(iv.project);
      save(iv.project, true);
    });
  }
  document.getElementById('interview-next').addEventListener('click', function () {
    var answers = [];
    for (var i = 0; i < iv.current.length; i++) {
      var v = readQuestion(iv.current[i]);
      if (v === undefined) { ivStatus.textContent = T.answerFirst; return; }
      answers.push(v);
    }
    iv.current.forEach(function (q, n) { window.lgmPaths.setPath(iv.project, q.field, answers[n]); iv.asked.push(q.field); });
    interviewStep();
  });
  document.getElementById('interview-dont-know').addEventListener('click', function () {
    iv.current.forEach(function (q) {
      var v = readQuestion(q);
      if (v !== undefined && iv.current.length > 1) { window.lgmPaths.setPath(iv.project, q.field, v); } else { iv.unknown.push(q.field); }
      iv.asked.push(q.field);
    });
    interviewStep();
  });
  document.getElementById('interview-restart').addEventListener('click', function () {
    iv = freshInterview();
    interviewStep();
  });

  // ---- keeping: downloads and print ---------------------------------------------------------------------
  function download(name, text) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function slug(s) { return String(s || 'project').replace(/[^A-Za-z0-9_-]+/g, '-'); }

  result.addEventListener('click', function (ev) {
    var apply = ev.target.closest('button.apply[data-changes]');
    if (apply) {
      var p = JSON.parse(document.getElementById('assessed-project-json').textContent);
      JSON.parse(apply.getAttribute('data-changes')).forEach(function (c) { window.lgmPaths.setPath(p, c.path, c.to); });
      fill(p);
      assess(collect());
      return;
    }
    if (ev.target.id === 'download-assessment') {
      var a = JSON.parse(document.getElementById('assessment-json').textContent);
      download('assessment-' + slug(a.projectId) + '-' + a.lawAsOf + '.json', JSON.stringify(a, null, 2));
    } else if (ev.target.id === 'print-report') {
      window.print();
    }
  });

  document.getElementById('download-project').addEventListener('click', function () {
    var p = collect();
    download('project-' + slug(p.id) + '.json', JSON.stringify(p, null, 2));
  });

  // ---- examples, pasting and uploading ------------------------------------------------------------------
  var select = document.getElementById('example-select');
  if (select) {
    select.addEventListener('change', function () {
      var o = select.options[select.selectedIndex];
      document.getElementById('example-narrative').textContent = o ? (o.getAttribute('data-narrative') || '') : '';
    });
    document.getElementById('example-load').addEventListener('click', function () {
      if (!select.value) { status.textContent = T.noCase; select.focus(); return; }
      fetch('/ui/cases').then(function (r) { return r.json(); }).then(function (list) {
        var c = list.filter(function (x) { return x.id === select.value; })[0];
        if (!c) { status.textContent = T.noCase; return; }
        fill(c.project);
        status.textContent = T.loaded + c.id;
        document.getElementById('assess').focus();
      }).catch(function () { status.textContent = T.failed; });
    });
  }

  document.getElementById('paste-file').addEventListener('change', function (ev) {
    var file = ev.target.files[0];
    if (!file) { return; }
    file.text().then(function (text) { document.getElementById('paste-text').value = text; });
  });

  document.getElementById('paste-load').addEventListener('click', function () {
    var text = document.getElementById('paste-text').value;
    if (!text.trim()) { status.textContent = T.empty; return; }
    var json = text.trim().charAt(0) === '{';
    fetch('/ui/parse', { method: 'POST', headers: { 'Content-Type': json ? 'application/json' : 'application/yaml' }, body: text })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (r) {
        if (!r.ok) {
          status.textContent = T.parseFailed + ' ' + (r.body.errors || []).map(function (e) { return e.path + ': ' + e.message; }).join('; ');
          return;
        }
        fill(r.body);
        status.textContent = T.loaded + (r.body.id || '');
        document.getElementById('assess').focus();
      }).catch(function () { status.textContent = T.failed; });
  });

  // ---- switching language keeps the answers -------------------------------------------------------------
  function save(project, assessed) {
    try { sessionStorage.setItem(STORE, JSON.stringify({ project: project, assessed: assessed })); } catch (e) { /* private mode */ }
  }

  document.querySelectorAll('.langs a[data-lang]').forEach(function (a) {
    a.addEventListener('click', function () {
      save(collect(), !result.hidden && !!result.querySelector('.report'));
    });
  });

  var saved = null;
  try { saved = JSON.parse(sessionStorage.getItem(STORE) || 'null'); } catch (e) { saved = null; }
  try { iv = JSON.parse(sessionStorage.getItem(IVSTORE) || 'null') || freshInterview(); } catch (e) { iv = freshInterview(); }
  var shared = new URLSearchParams(location.search).get('d');
  function restore(s) {
    if (s && s.project) {
      fill(s.project);
      if (s.assessed) { assess(collect()); }
    } else {
      addEntry('minerals');
    }
  }
  if (shared) {
    window.lgmPaths.decodeLink(shared).then(function (project) { restore({ project: project, assessed: true }); },
      function () { status.textContent = T.failed; restore(saved); });
  } else {
    restore(saved);
  }

  // the interview resumes where it was (a language switch keeps it); its screen is built from the API's answer
  fetch('/api/v1/interviews/next?lang=' + lang, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ project: iv.project, unknown: iv.unknown })
  }).then(function (r) { return r.json(); }).then(renderStep).catch(function () { ivStatus.textContent = T.failed; });

  // for the browser tests and the curious: what would be sent
  window.lgm = { collect: collect, fill: fill, focusPath: focusPath, interview: function () { return iv; } };
})();
