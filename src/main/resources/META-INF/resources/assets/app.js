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

  // ---- the interview: one screen (one topic) at a time, what can make the project unlawful first -------------
  // The API (POST /api/v1/interviews/next) gives the next screen ("page"); the answers are kept by path, so going back
  // shows a screen as it was answered and changing nothing there walks forward through the screens already seen.
  var IVSTORE = 'lgm.investor.interview.v2';
  var DONT_KNOW = '__dontknow__';
  var screen = document.getElementById('interview-screen');
  var progress = document.getElementById('interview-progress');
  var ivStatus = document.getElementById('interview-status');
  var backButton = document.getElementById('interview-back');
  function freshInterview() { return { base: { id: 'INTERVIEW' }, answers: {}, order: [], screens: [], at: -1 }; }
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
  // the description so far: the facts of the start, then every answer kept; "I don't know" stays out of it
  function interviewProject() {
    var p = JSON.parse(JSON.stringify(iv.base));
    iv.order.forEach(function (path) {
      var v = iv.answers[path];
      if (v !== DONT_KNOW && v !== undefined) { window.lgmPaths.setPath(p, path, v); }
    });
    return p;
  }
  function interviewUnknown() {
    return iv.order.filter(function (path) { return iv.answers[path] === DONT_KNOW; });
  }
  function keep(path, value) {
    if (iv.order.indexOf(path) < 0) { iv.order.push(path); }
    iv.answers[path] = value;
  }
  function radio(name, id, value, label, checked) {
    var span = el('span', { 'class': 'check' });
    var input = el('input', { type: 'radio', name: name, id: id, value: value });
    if (checked) { input.checked = true; }
    span.appendChild(input);
    span.appendChild(el('label', { 'for': id }, label));
    return span;
  }
  function inputFor(q, id, value) {
    var wrap = el('span', { 'class': 'choices' });
    if (q.type === 'boolean') {
      q.allowed.forEach(function (c) {
        wrap.appendChild(radio(id, id + '--' + c.value, c.value, c.label, value === (c.value === 'true')));
      });
    } else if (q.type === 'enumList') {
      q.allowed.forEach(function (c) {
        var span = el('span', { 'class': 'check' });
        var input = el('input', { type: 'checkbox', name: id, id: id + '--' + c.value, value: c.value });
        if (Array.isArray(value) && value.indexOf(c.value) >= 0) { input.checked = true; }
        span.appendChild(input);
        span.appendChild(el('label', { 'for': id + '--' + c.value }, c.label));
        wrap.appendChild(span);
      });
    } else if (q.type === 'enum') {
      var select = el('select', { id: id + '--input', 'aria-label': q.label });
      select.appendChild(el('option', { value: '' }, T.choose));
      q.allowed.forEach(function (c) { select.appendChild(el('option', { value: c.value }, c.label)); });
      if (typeof value === 'string') { select.value = value; }
      wrap.appendChild(select);
    } else {
      var type = q.type === 'number' || q.type === 'integer' ? 'number' : q.type === 'date' ? 'date' : 'text';
      var input = el('input', { type: type, id: id + '--input', 'aria-label': q.label, step: 'any' });
      if (value !== undefined && value !== DONT_KNOW) { input.value = String(value); }
      wrap.appendChild(input);
    }
    return wrap;
  }
  function questionElement(q) {
    var id = qid(q.field);
    var value = iv.answers[q.field];
    var box = el('fieldset', { 'class': 'question', 'data-question': q.field, 'data-type': q.type, id: id });
    box.appendChild(el('legend', {}, q.label));
    if (q.type === 'list') {
      // none, or the first entry (more entries in the full form)
      var choices = el('span', { 'class': 'choices' });
      var has = Array.isArray(value) && value.length > 0;
      if (q.allowed.length) { choices.appendChild(radio(id, id + '--none', 'none', q.allowed[0].label, Array.isArray(value) && !has)); }
      choices.appendChild(radio(id, id + '--entry', 'entry', T.listEntry, has || !q.allowed.length));
      box.appendChild(choices);
      var entry = el('div', { 'class': 'entry-fields' });
      q.entry.forEach(function (e) {
        var f = el('div', { 'class': 'entry-field', 'data-entry': e.field });
        f.appendChild(el('label', { 'for': qid(e.field) + '--input' }, e.label));
        var ev = has ? value[0][e.field.substring(e.field.lastIndexOf('.') + 1)] : undefined;
        f.appendChild(inputFor(e, qid(e.field), ev));
        entry.appendChild(f);
      });
      box.appendChild(entry);
      box.appendChild(radio(id + '--dk', id + '--dontknow', DONT_KNOW, T.dontKnow, value === DONT_KNOW));
    } else {
      var inputs = inputFor(q, id, value);
      inputs.appendChild(radio(id + '--dk', id + '--dontknow', DONT_KNOW, T.dontKnow, value === DONT_KNOW));
      box.appendChild(inputs);
    }
    var help = el('p', { 'class': 'help' }, q.help || '');
    if (q.provision) { help.appendChild(el('span', { 'class': 'cite' }, ' (' + T.law + ': ' + q.provision + ')')); }
    box.appendChild(help);
    if (q.why) { box.appendChild(el('p', { 'class': 'why' }, T.why + ' ' + q.why)); }
    if (q.unsure) { box.appendChild(el('p', { 'class': 'unsure' }, T.unsure + ' ' + q.unsure)); }
    if (q.askedIf) { box.setAttribute('data-after', q.askedIf.field); }
    box.addEventListener('change', function (ev) {
      // "I don't know" and an answer exclude each other
      if (ev.target.name === id + '--dk') {
        box.querySelectorAll('input[type=radio]:not([name="' + id + '--dk"]), input[type=checkbox]').forEach(function (i) { i.checked = false; });
      } else {
        var dk = document.getElementById(id + '--dontknow');
        if (dk) { dk.checked = false; }
      }
      showFollowers();
    });
    return box;
  }
  function readInput(q, id) {
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
  // what a question's inputs say now: a value, DONT_KNOW, or undefined (not answered)
  function readQuestion(q) {
    var id = qid(q.field);
    if (document.getElementById(id + '--dontknow').checked) { return DONT_KNOW; }
    if (q.type !== 'list') { return readInput(q, id); }
    var mode = screen.querySelector('input[name="' + id + '"]:checked');
    if (mode && mode.value === 'none') { return []; }
    var entry = {};
    var any = false;
    q.entry.forEach(function (e) {
      var v = readInput(e, qid(e.field));
      if (v !== undefined) { entry[e.field.substring(e.field.lastIndexOf('.') + 1)] = v; any = true; }
    });
    return any ? [entry] : undefined;
  }
  // the answer a question that follows another waits for, given the screen's inputs and the answers kept
  function currentAnswer(path) {
    var q = currentQuestions().filter(function (x) { return x.field === path; })[0];
    if (q) {
      var box = screen.querySelector('[data-question="' + CSS.escape(path) + '"]');
      return box && box.hidden ? DONT_KNOW : readQuestion(q);
    }
    var v = iv.answers[path];
    return v === undefined ? window.lgmPaths.getPath(interviewProject(), path) : v;
  }
  function holds(c) {
    var v = currentAnswer(c.field);
    if (v === undefined || v === null || v === DONT_KNOW) { return false; }
    if (c.anyOf) {
      var values = Array.isArray(v) ? v : [v];
      return values.some(function (x) { return c.anyOf.indexOf(String(x)) >= 0; });
    }
    var d = String(v);
    return (!c.from || d >= c.from) && (!c.before || d < c.before);
  }
  // a question shown only once the answer it follows leaves it open (askedIf), in the screen's order
  function showFollowers() {
    currentQuestions().forEach(function (q) {
      var box = screen.querySelector('[data-question="' + CSS.escape(q.field) + '"]');
      if (box && q.askedIf) { box.hidden = !holds(q.askedIf); }
    });
  }
  function currentScreen() { return iv.at >= 0 ? iv.screens[iv.at] : null; }
  function currentQuestions() { var s = currentScreen(); return s && s.page ? s.page.questions : []; }
  function renderScreen() {
    var s = currentScreen();
    var step = s.step;
    screen.innerHTML = '';
    ivStatus.textContent = '';
    var done = step.phase === 'DONE';
    if (!done) {
      var page = step.page;
      screen.appendChild(el('h3', { 'class': 'topic', id: 'interview-topic' }, page.title));
      if (page.intro) { screen.appendChild(el('p', { 'class': 'topic-intro' }, page.intro)); }
      page.shortcuts.forEach(function (sc) {
        var b = el('button', { type: 'button', 'class': 'shortcut', 'data-shortcut': sc.id }, sc.label);
        b.addEventListener('click', function () {
          sc.answers.forEach(function (a) {
            var q = page.questions.filter(function (x) { return x.field === a.field; })[0];
            var id = qid(a.field);
            if (q.type === 'boolean') {
              var r = document.getElementById(id + '--' + String(a.value));
              if (r) { r.checked = true; r.dispatchEvent(new Event('change', { bubbles: true })); }
            } else if (q.type === 'list') {
              var none = document.getElementById(id + '--none');
              if (none) { none.checked = true; none.dispatchEvent(new Event('change', { bubbles: true })); }
            } else {
              var input = document.getElementById(id + '--input');
              if (input) { input.value = String(a.value); input.dispatchEvent(new Event('change', { bubbles: true })); }
            }
          });
          ivStatus.textContent = T.shortcutDone;
        });
        screen.appendChild(b);
      });
      page.questions.forEach(function (q) { screen.appendChild(questionElement(q)); });
      showFollowers();
    } else {
      screen.appendChild(el('p', { 'class': 'done', id: 'interview-done' }, T.done));
    }
    document.getElementById('interview-next').hidden = done;
    backButton.hidden = iv.at <= 0;
    progress.textContent = step.phase === 'START' ? T.start
      : done ? plural('remaining', 0)
      : T.progress.replace('{n}', String(step.likely)).replace('{m}', String(step.remaining)) + ' ' + plural('answeredScreens', iv.at);
    progress.setAttribute('data-remaining', String(step.remaining));
    progress.setAttribute('data-likely', String(step.likely));
    screen.setAttribute('data-phase', step.phase);
    screen.setAttribute('data-topic', done ? '' : step.page.topic);
    screen.setAttribute('data-screen', String(iv.at + 1));
    var first = screen.querySelector('input, select');
    if (first && iv.at > 0) { first.focus(); }
  }
  function saveInterview() { try { sessionStorage.setItem(IVSTORE, JSON.stringify(iv)); } catch (e) { /* private mode */ } }
  function interviewStep() {
    saveInterview();
    var project = interviewProject();
    return fetch('/api/v1/interviews/next?lang=' + lang, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ project: project, unknown: interviewUnknown() })
    }).then(function (r) { return r.json(); }).then(function (step) {
      iv.screens = iv.screens.slice(0, iv.at + 1);
      iv.screens.push({ step: step, page: step.page });
      iv.at = iv.screens.length - 1;
      saveInterview();
      renderScreen();
      if (iv.at > 0) { liveReport(step.phase === 'DONE'); }
    }).catch(function () { ivStatus.textContent = T.failed; });
  }
  // the verdict and findings so far; the counterfactual search only once the interview is done
  var reportSeq = 0;
  function liveReport(final) {
    var project = interviewProject();
    fill(project);
    result.hidden = false;
    var seq = ++reportSeq;
    return fetch('/ui/report?lang=' + lang + '&counterfactuals=' + final, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(project)
    }).then(function (r) { return r.text(); }).then(function (html) {
      if (seq !== reportSeq) { return; } // an older answer's report arrived late
      result.innerHTML = html;
      shareLink(project);
      save(project, true);
    });
  }
  document.getElementById('interview-next').addEventListener('click', function () {
    var changed = false;
    var answers = [];
    var missing = null;
    currentQuestions().forEach(function (q) {
      var box = screen.querySelector('[data-question="' + CSS.escape(q.field) + '"]');
      if (box.hidden) { return; }
      var v = readQuestion(q);
      if (v === undefined && !missing) { missing = box; }
      answers.push([q.field, v]);
    });
    if (missing) {
      ivStatus.textContent = T.answerFirst;
      missing.querySelector('input, select').focus();
      return;
    }
    answers.forEach(function (a) {
      if (JSON.stringify(iv.answers[a[0]]) !== JSON.stringify(a[1])) { changed = true; }
      keep(a[0], a[1]);
    });
    if (!changed && iv.at < iv.screens.length - 1) {
      iv.at++;   // nothing changed here: the next screen as it was answered
      saveInterview();
      renderScreen();
      return;
    }
    interviewStep();
  });
  backButton.addEventListener('click', function () {
    if (iv.at <= 0) { return; }
    iv.at--;
    saveInterview();
    renderScreen();
  });
  document.getElementById('interview-restart').addEventListener('click', function () {
    var date = iv.base.assessmentDate;
    iv = freshInterview();
    if (date) { iv.base.assessmentDate = date; }
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
  if (!iv.answers || !iv.screens) { iv = freshInterview(); }
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

  // the interview resumes where it was (a language switch keeps the answers; the screen comes again in the new language)
  if (iv.screens.length) {
    iv.screens = iv.screens.slice(0, iv.at);
    iv.at = iv.screens.length - 1;
  }
  interviewStep();

  // for the browser tests and the curious: what would be sent
  window.lgm = { collect: collect, fill: fill, focusPath: focusPath, interview: function () { return iv; },
                 interviewProject: interviewProject, interviewUnknown: interviewUnknown };
})();
