// Duban web app: every screen goes through the same HTTP API as any client, signed in by session.
(function () {
  const { t, message } = DubanI18n;
  const main = document.getElementById('main');
  const state = { me: null, schemeId: null, charts: [] };

  function csrf() {
    const c = document.cookie.split('; ').find(x => x.startsWith('XSRF-TOKEN='));
    return c ? decodeURIComponent(c.substring('XSRF-TOKEN='.length)) : '';
  }

  async function api(method, path, body) {
    const headers = { 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrf();
    const res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status === 401) { location.href = '/login.html'; throw new Error('signed out'); }
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) {
      const err = new Error(message(data && data.message) || t('error'));
      err.field = data && data.field;
      throw err;
    }
    return data;
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'on') Object.entries(v).forEach(([ev, f]) => e.addEventListener(ev, f));
      else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
    });
    children.flat().forEach(c => e.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
    return e;
  }

  function table(headers, rows, numeric) {
    return el('table', {}, el('thead', {}, el('tr', {}, headers.map((h, i) => el('th', { class: numeric && numeric.includes(i) ? 'num' : null }, t(h))))),
      el('tbody', {}, rows.length ? rows : [el('tr', {}, el('td', { colspan: headers.length }, t('none')))]));
  }

  function note(text, ok, id) {
    return el('p', { class: 'message' + (ok ? ' ok' : ''), role: 'status', id: id || null }, text);
  }

  function card(titleKey, ...children) {
    return el('section', { class: 'card' }, el('h2', {}, t(titleKey)), ...children);
  }

  function chart(node, option) {
    state.charts.push(node);
    requestAnimationFrame(() => {
      const c = echarts.init(node);
      c.setOption(Object.assign({ animation: false, tooltip: { trigger: 'axis' } }, option));
    });
  }

  /** A form that posts through the API and shows the server's message, in Chinese first, next to it. */
  function form(id, fields, submit) {
    const out = el('div', { class: 'result' });
    const f = el('form', { id, class: 'card-form' },
      fields.map(([name, key, type, extra]) => el('label', {}, el('span', {}, t(key)),
        type === 'select' ? el('select', { name, id: id + '-' + name }, extra.map(o => el('option', { value: o }, t(o))))
          : el('input', Object.assign({ name, id: id + '-' + name, type: type || 'text', required: true, maxlength: 200 }, extra || {})))),
      el('button', { type: 'submit', id: id + '-submit' }, t('submit')), out);
    f.addEventListener('submit', async e => {
      e.preventDefault();
      const values = Object.fromEntries(new FormData(f).entries());
      out.replaceChildren();
      try {
        await submit(values);
        out.append(note(t('saved'), true, id + '-ok'));
        f.reset();
      } catch (err) {
        out.append(note((err.field ? err.field + '：' : '') + err.message, false, id + '-error'));
      }
    });
    return f;
  }

  // --- screens ------------------------------------------------------------------------------------

  async function dashboard() {
    const ranking = await api('GET', `/api/schemes/${state.schemeId}/ranking`);
    const board = await api('GET', '/api/assignments');
    const listed = await api('GET', '/api/rectifications?listed=true');
    const worst = {};
    board.forEach(a => [a.leadUnit, ...(a.responsibleUnits || [])].forEach(u => {
      worst[u] = worst[u] || { overdue: 0, light: null };
      if (a.overdue) worst[u].overdue++;
      if (a.light === 'RED' || (a.light === 'YELLOW' && worst[u].light !== 'RED')) worst[u].light = a.light;
    }));
    const node = el('div', { class: 'chart', id: 'ranking-chart' });
    main.replaceChildren(
      card('dashboard', node),
      card('rank', table(['rank', 'unit', 'total', 'regular', 'bonus', 'overdue'],
        ranking.map(r => el('tr', { 'data-unit': r.unitId }, el('td', { class: 'num' }, r.rank), el('td', {}, r.name),
          el('td', { class: 'num' }, r.total), el('td', { class: 'num' }, r.regular), el('td', { class: 'num' }, r.bonus),
          el('td', { class: 'num' }, worst[r.unitId] && worst[r.unitId].light ? el('span', { class: 'light ' + worst[r.unitId].light }) : '', ' ',
            worst[r.unitId] ? worst[r.unitId].overdue : 0))), [0, 2, 3, 4, 5])),
      card('listed', table(['unit', 'finding', 'dueOn'], listed.map(r => el('tr', {}, el('td', {}, r.rectification.unitId),
        el('td', {}, r.rectification.finding), el('td', {}, r.rectification.dueOn))))));
    chart(node, { xAxis: { type: 'category', data: ranking.map(r => r.name), axisLabel: { rotate: 45 } }, yAxis: { type: 'value' },
      grid: { bottom: 90 }, series: [{ type: 'bar', data: ranking.map(r => Number(r.total)), itemStyle: { color: '#b71c1c' } }] });
  }

  async function reports() {
    const pending = await api('GET', '/api/info-reports/pending');
    const out = el('div');
    main.replaceChildren(card('reports', out, table(['unit', 'submittedOn', 'submittedBy', 'level', ''],
      pending.map(p => {
        const level = el('select', { id: 'level-' + p.reportId }, ['GENERAL', 'TYPICAL'].map(l => el('option', { value: l }, t(l))));
        return el('tr', { 'data-report': p.reportId }, el('td', {}, p.unitName), el('td', {}, p.submittedOn), el('td', {}, p.submittedBy || ''),
          el('td', {}, level),
          el('td', {}, el('button', { class: 'primary small', id: 'accept-' + p.reportId, on: { click: async () => {
            try { await api('POST', `/api/info-reports/${p.reportId}/acceptance`, { level: level.value }); await reports(); main.prepend(note(t('saved'), true, 'accepted')); }
            catch (err) { out.replaceChildren(note(err.message)); }
          } } }, t('accept')), ' ',
          el('button', { class: 'small', on: { click: async () => {
            const reason = prompt(t('reason'));
            if (!reason) return;
            try { await api('POST', `/api/info-reports/${p.reportId}/rejection`, { reason }); await reports(); }
            catch (err) { out.replaceChildren(note(err.message)); }
          } } }, t('reject'))));
      }))));
  }

  async function users() {
    const list = await api('GET', '/api/users');
    const units = await api('GET', '/api/units');
    main.replaceChildren(
      card('create', form('new-user', [['username', 'username'], ['displayName', 'displayName'],
        ['role', 'role', 'select', ['UNIT_STAFF', 'SUPERVISOR', 'LEADER', 'LEAD_OFFICE']], ['unitId', 'unit', 'text', { required: false, list: 'unit-ids' }],
        ['password', 'password', 'password', { minlength: 10 }]], async v => {
        if (!v.unitId) delete v.unitId;
        await api('POST', '/api/users', v);
        await users();
      }), el('datalist', { id: 'unit-ids' }, units.map(u => el('option', { value: u.id }, u.name)))),
      card('users', table(['username', 'displayName', 'role', 'unit', 'grants'], list.map(u => el('tr', {}, el('td', {}, u.username),
        el('td', {}, u.displayName), el('td', {}, t(u.role) + (u.enabled ? '' : ' ✕')), el('td', {}, u.unitId || ''),
        el('td', {}, u.grants.map(g => `${t(g.role)} ← ${g.by || ''} ${g.at.substring(0, 10)}`).join('；')))))));
  }

  async function listed() {
    const all = await api('GET', '/api/rectifications');
    main.replaceChildren(card('listed', table(['unit', 'finding', 'dueOn', 'status'], all.map(r => el('tr', {},
      el('td', {}, r.rectification.unitId), el('td', {}, r.rectification.finding), el('td', {}, r.rectification.dueOn),
      el('td', {}, (r.rectification.listed ? '挂牌督办 ' : '') + r.rectification.status + (r.overdue ? ' · ' + t('overdue') : '')))))));
  }

  async function inbox() {
    const box = await api('GET', `/api/units/${state.me.unitId}/inbox`);
    const rows = list => list.map(a => el('tr', {}, el('td', {}, el('span', { class: 'light ' + (a.light || '') }), ' ', a.title), el('td', {}, a.deadline)));
    main.replaceChildren(el('div', { class: 'grid' },
      card('toAcknowledge', table(['title', 'deadline'], rows(box.toAcknowledge))),
      card('toReport', table(['title', 'deadline'], rows(box.toReport))),
      card('overdue', table(['title', 'deadline'], rows(box.overdue)))));
  }

  function unitForForms() {
    return state.me.role === 'UNIT_STAFF' ? state.me.unitId : (document.getElementById('report-unit') || {}).value;
  }

  async function report() {
    const today = new Date().toISOString().substring(0, 10);
    const children = [];
    if (state.me.role !== 'UNIT_STAFF') {
      const units = await api('GET', '/api/units');
      children.push(el('label', {}, el('span', {}, t('unit')), el('select', { id: 'report-unit' }, units.map(u => el('option', { value: u.id }, u.name)))));
    }
    main.replaceChildren(...children, el('div', { class: 'grid' },
      card('training', form('training', [['heldOn', 'heldOn', 'date', { max: today }], ['topic', 'topic'],
        ['attendees', 'attendees', 'number', { min: 1, max: 100000 }], ['hours', 'hours', 'number', { min: 0.5, step: 0.5, max: 100 }]],
        v => api('POST', `/api/units/${unitForForms()}/trainings`, { heldOn: v.heldOn, topic: v.topic, attendees: Number(v.attendees), hours: Number(v.hours) }))),
      card('infoReport', form('info', [['title', 'title'], ['submittedOn', 'submittedOn', 'date', { max: today }]],
        v => api('POST', `/api/units/${unitForForms()}/info-reports`, v)))));
  }

  function scoreTable(card_) {
    return table(['item', 'max', 'score', 'why'], card_.items.map(i => el('tr', { 'data-item': i.code },
      el('td', {}, i.code + ' ' + i.title), el('td', { class: 'num' }, i.max == null ? '' : i.max), el('td', { class: 'num' }, i.score),
      el('td', {}, i.contributions.map(c => (DubanI18n.lang() === 'zh' ? c.reason : c.reasonEn) + (Number(c.points) ? ` (${c.points > 0 ? '+' : ''}${c.points})` : '')).join('；')))), [1, 2]);
  }

  async function myScore() {
    const unit = state.me.unitId;
    const score = await api('GET', `/api/units/${unit}/score?scheme=${state.schemeId}`);
    const timeline = await api('GET', `/api/units/${unit}/timeline?scheme=${state.schemeId}`);
    const node = el('div', { class: 'chart', id: 'timeline-chart' });
    main.replaceChildren(card('myScore', el('p', {}, t('total'), '：', el('span', { class: 'big', id: 'my-total' }, score.total))),
      card('timeline', node), card('item', scoreTable(score)));
    chart(node, { xAxis: { type: 'time' }, yAxis: { type: 'value' }, series: [{ type: 'line', step: 'end', data: timeline.points.map(p => [p.at, Number(p.total)]) }] });
  }

  async function replay() {
    const units = await api('GET', '/api/units');
    const scheme = await api('GET', `/api/schemes/${state.schemeId}`);
    const select = el('select', { id: 'replay-unit' }, units.map(u => el('option', { value: u.id }, u.name)));
    // A second after the first draft: the scheme exists from then on (times carry microseconds a Date drops).
    const start = Date.parse(scheme.versions && scheme.versions[0] ? scheme.versions[0].draftedAt : new Date().toISOString()) + 1000;
    const end = Date.now();
    const slider = el('input', { type: 'range', id: 'slider', min: 0, max: 1000, value: 1000 });
    const label = el('span', { id: 'slider-date' });
    const total = el('span', { class: 'big', id: 'replay-total' });
    const items = el('div');
    const node = el('div', { class: 'chart', id: 'replay-chart' });
    let seq = 0;
    async function show() {
      const at = new Date(start + (end - start) * Number(slider.value) / 1000).toISOString();
      label.textContent = at.replace('T', ' ').substring(0, 19);
      const mine = ++seq;
      try {
        const s = await api('GET', `/api/units/${select.value}/score?scheme=${state.schemeId}&asOf=${encodeURIComponent(at)}`);
        if (mine !== seq) return;
        total.textContent = s.total;
        items.replaceChildren(scoreTable(s));
      } catch (err) {
        if (mine !== seq) return;
        total.textContent = '—';
        items.replaceChildren(note(err.message));
      }
    }
    async function draw() {
      const timeline = await api('GET', `/api/units/${select.value}/timeline?scheme=${state.schemeId}`);
      echarts.dispose(node);
      chart(node, { xAxis: { type: 'time' }, yAxis: { type: 'value' },
        series: [{ type: 'line', step: 'end', data: timeline.points.map(p => [p.at, Number(p.total)]) }] });
    }
    slider.addEventListener('input', show);
    select.addEventListener('change', () => { show(); draw(); });
    main.replaceChildren(card('replay', el('label', {}, el('span', {}, t('unit')), select),
      el('label', {}, el('span', {}, t('asOf'), ' ', label), slider), el('p', {}, t('total'), '：', total)),
      card('timeline', node), card('item', items));
    await show();
    await draw();
  }

  async function rounds() {
    const list = await api('GET', '/api/rounds');
    main.replaceChildren(...list.map(r => card('rounds', el('p', {}, `${r.title} · ${t('cutoff')} ${r.cutoff} · ${r.status}`),
      table(['unit', 'baseline', 'inspectionScore', 'finding'], r.units.map(u => el('tr', {}, el('td', {}, u.name),
        el('td', { class: 'num' }, u.baseline), el('td', { class: 'num' }, u.inspectionScore),
        el('td', {}, u.findings.map(f => f.text).join('；')))), [1, 2]))));
    if (!list.length) main.replaceChildren(card('rounds', note(t('none'), true)));
  }

  const SCREENS = {
    LEAD_OFFICE: [['dashboard', dashboard], ['reports', reports], ['report', report], ['listed', listed], ['replay', replay], ['users', users]],
    UNIT_STAFF: [['inbox', inbox], ['report', report], ['myScore', myScore]],
    SUPERVISOR: [['replay', replay], ['dashboard', dashboard], ['rounds', rounds], ['listed', listed]],
    LEADER: [['dashboard', dashboard], ['replay', replay], ['rounds', rounds]]
  };

  async function open(name, screen) {
    document.querySelectorAll('nav button').forEach(b => b.classList.toggle('active', b.dataset.screen === name));
    state.charts.forEach(n => echarts.dispose(n));
    state.charts = [];
    main.replaceChildren(note('…', true));
    try {
      await screen();
    } catch (err) {
      main.replaceChildren(note(err.message));
    }
    location.hash = name;
  }

  async function start() {
    DubanI18n.apply(document);
    document.getElementById('lang').textContent = DubanI18n.lang() === 'zh' ? 'English' : '中文';
    document.getElementById('lang').addEventListener('click', e => { e.preventDefault(); DubanI18n.toggle(); location.reload(); });
    document.getElementById('logout').addEventListener('submit', () => { document.getElementById('logout-csrf').value = csrf(); });
    state.me = await api('GET', '/api/me');
    document.getElementById('who').textContent = `${state.me.displayName}（${t(state.me.role)}${state.me.unitId ? ' · ' + state.me.unitId : ''}）`;
    const schemes = await api('GET', '/api/schemes');
    const chosen = schemes.find(s => s.status === 'PUBLISHED') || schemes[0];
    state.schemeId = chosen ? chosen.id : null;
    const screens = SCREENS[state.me.role];
    const nav = document.getElementById('nav');
    screens.forEach(([name, screen]) => nav.append(el('button', { 'data-screen': name, id: 'nav-' + name, on: { click: () => open(name, screen) } }, t(name))));
    const wanted = screens.find(([name]) => name === location.hash.substring(1)) || screens[0];
    if (!state.schemeId) {
      main.replaceChildren(note(t('scheme') + '：' + t('none')));
      return;
    }
    open(wanted[0], wanted[1]);
  }

  start().catch(err => main.replaceChildren(note(err.message)));
})();
