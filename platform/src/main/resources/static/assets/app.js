// Duban web app: every screen goes through the same HTTP API as any client, signed in by session.
(function () {
  const { t, message } = DubanI18n;
  const main = document.getElementById('main');
  const state = { me: null, schemeId: null, items: [], charts: [] };

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
        type === 'select' ? el('select', { name, id: id + '-' + name }, extra.map(o => Array.isArray(o)
            ? el('option', { value: o[0] }, o[1]) : el('option', { value: o }, t(o))))
          : type === 'textarea' ? el('textarea', Object.assign({ name, id: id + '-' + name, rows: 4, required: true, maxlength: 5000 }, extra || {}))
          : el('input', Object.assign({ name, id: id + '-' + name, type: type || 'text', required: true, maxlength: 200 }, extra || {})))),
      el('button', { type: 'submit', id: id + '-submit' }, t('submit')), out);
    f.addEventListener('submit', async e => {
      e.preventDefault();
      const values = Object.fromEntries([...new FormData(f).entries()].filter(([, v]) => v !== ''));
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
    const out = el('div');
    const run = f => async () => { try { await f(); await users(); main.prepend(note(t('saved'), true)); } catch (err) { out.replaceChildren(note(err.message)); } };
    main.replaceChildren(out,
      card('create', form('new-user', [['username', 'username'], ['displayName', 'displayName'],
        ['role', 'role', 'select', ['UNIT_STAFF', 'SUPERVISOR', 'LEADER', 'LEAD_OFFICE']], ['unitId', 'unit', 'text', { required: false, list: 'unit-ids' }],
        ['password', 'password', 'password', { minlength: 10 }]], async v => {
        await api('POST', '/api/users', v);
        await users();
      }), el('datalist', { id: 'unit-ids' }, units.map(u => el('option', { value: u.id }, u.name)))),
      card('users', table(['username', 'displayName', 'role', 'unit', 'grants', ''], list.map(u => el('tr', { 'data-user': u.username },
        el('td', {}, u.username), el('td', {}, u.displayName), el('td', {}, t(u.role) + (u.enabled ? '' : ' · ' + t('disabled'))),
        el('td', {}, u.unitId || ''),
        el('td', {}, u.grants.map(g => `${t(g.role)}${g.unitId ? ' ' + g.unitId : ''} ← ${g.by || ''} ${g.at.substring(0, 10)}`).join('；')),
        el('td', {}, u.enabled && u.username !== state.me.username ? [
          el('button', { class: 'small', on: { click: run(async () => {
            const role = prompt(t('grantRole') + '：LEAD_OFFICE / UNIT_STAFF / SUPERVISOR / LEADER');
            if (!role) return;
            const unitId = role.trim().toUpperCase() === 'UNIT_STAFF' ? prompt(t('unit')) : undefined;
            await api('POST', `/api/users/${u.username}/role`, { role: role.trim().toUpperCase(), unitId });
          }) } }, t('grantRole')), ' ',
          el('button', { class: 'small', on: { click: run(async () => {
            const reason = prompt(t('reason'));
            if (reason !== null) await api('POST', `/api/users/${u.username}/disable`, { reason });
          }) } }, t('disable'))] : ''))))));
  }

  async function listed() {
    const all = await api('GET', '/api/rectifications');
    const acts = state.me.role === 'SUPERVISOR' || state.me.role === 'LEAD_OFFICE';
    const out = el('div');
    const run = f => async () => { try { await f(); await listed(); } catch (err) { out.replaceChildren(note(err.message)); } };
    main.replaceChildren(out, card('rectifications', table(['unit', 'finding', 'dueOn', 'status', ''], all.map(r => el('tr', {},
      el('td', {}, r.rectification.unitId), el('td', {}, r.rectification.finding + '：' + r.rectification.requirement), el('td', {}, r.rectification.dueOn),
      el('td', {}, (r.rectification.listed ? t('listed') + ' · ' : '') + t(r.rectification.status) + (r.overdue ? ' · ' + t('overdue') : '')),
      el('td', {}, acts && r.rectification.status === 'REPORTED' ? [
        el('button', { class: 'small primary', on: { click: run(() => api('POST', `/api/rectifications/${r.rectification.id}/verification`, {})) } }, t('verify')), ' ',
        el('button', { class: 'small', on: { click: run(async () => {
          const reason = prompt(t('reason'));
          if (reason) await api('POST', `/api/rectifications/${r.rectification.id}/rejection`, { reason });
        }) } }, t('reject'))] : ''))))));
  }

  async function inbox() {
    const unit = state.me.unitId;
    const box = await api('GET', `/api/units/${unit}/inbox`);
    const mine = await api('GET', `/api/rectifications?unitId=${unit}`);
    const out = el('div');
    const act = (label, f) => el('button', { class: 'small', on: { click: async () => {
      try { await f(); await inbox(); main.prepend(note(t('saved'), true)); } catch (err) { out.replaceChildren(note(err.message)); }
    } } }, t(label));
    const rows = (list, action) => list.map(a => el('tr', {}, el('td', {}, el('span', { class: 'light ' + (a.light || '') }), ' ', a.title),
      el('td', {}, a.deadline), el('td', {}, action ? action(a) : '')));
    const progress = a => act('report', async () => {
      const text = prompt(t('progress'));
      if (text) await api('POST', `/api/assignments/${a.id}/progress`, { unitId: unit, text });
    });
    main.replaceChildren(out, el('div', { class: 'grid' },
      card('toAcknowledge', table(['title', 'deadline', ''], rows(box.toAcknowledge,
        a => act('acknowledge', () => api('POST', `/api/assignments/${a.id}/acknowledgements`, { unitId: unit }))))),
      card('toReport', table(['title', 'deadline', ''], rows(box.toReport, progress))),
      card('overdue', table(['title', 'deadline', ''], rows(box.overdue, progress)))),
      card('rectifications', table(['finding', 'dueOn', 'status', ''], mine.map(r => el('tr', {},
        el('td', {}, r.rectification.finding + '：' + r.rectification.requirement), el('td', {}, r.rectification.dueOn),
        el('td', {}, (r.rectification.listed ? t('listed') + ' · ' : '') + t(r.rectification.status)),
        el('td', {}, r.rectification.status === 'ORDERED' ? act('report', async () => {
          const text = prompt(t('rectificationReport'));
          if (text) await api('POST', `/api/rectifications/${r.rectification.id}/report`, { text });
        }) : ''))))));
  }

  function unitForForms() {
    return state.me.role === 'UNIT_STAFF' ? state.me.unitId : state.reportUnit;
  }

  async function report() {
    const today = new Date().toISOString().substring(0, 10);
    const children = [];
    if (state.me.role !== 'UNIT_STAFF') {
      const units = await api('GET', '/api/units');
      const chooser = el('select', { id: 'report-unit', on: { change: () => { state.reportUnit = chooser.value; report(); } } },
        units.map(u => el('option', { value: u.id, selected: u.id === state.reportUnit }, u.name)));
      state.reportUnit = state.reportUnit || (units[0] && units[0].id);
      children.push(el('label', {}, el('span', {}, t('unit')), chooser));
    }
    const unitId = state.me.role === 'UNIT_STAFF' ? state.me.unitId : state.reportUnit;
    const facts = unitId ? await api('GET', `/api/units/${unitId}/facts`) : [];
    const closed = new Set(facts.filter(f => f.kind === 'CAMPAIGN_CLOSED').map(f => f.subjectId));
    const campaigns = facts.filter(f => f.kind === 'CAMPAIGN_LAUNCHED' && !closed.has(f.subjectId));
    main.replaceChildren(...children, el('div', { class: 'grid' },
      card('training', form('training', [['heldOn', 'heldOn', 'date', { max: today }], ['topic', 'topic'],
        ['attendees', 'attendees', 'number', { min: 1, max: 100000 }], ['hours', 'hours', 'number', { min: 0.5, step: 0.5, max: 100 }]],
        v => api('POST', `/api/units/${unitForForms()}/trainings`, { heldOn: v.heldOn, topic: v.topic, attendees: Number(v.attendees), hours: Number(v.hours) }))),
      card('infoReport', form('info', [['title', 'title'], ['submittedOn', 'submittedOn', 'date', { max: today }]],
        v => api('POST', `/api/units/${unitForForms()}/info-reports`, v))),
      card('campaign', form('campaign', [['kind', 'campaignKind', 'select', ['GROUP_RENTAL', 'ILLEGAL_CONSTRUCTION', 'SAFETY']],
        ['title', 'title'], ['launchedOn', 'launchedOn', 'date', { max: today }]],
        v => api('POST', `/api/units/${unitForForms()}/campaigns`, v))),
      card('campaignProgress', form('progress', [['campaignId', 'campaign', 'select', campaigns.map(c => [c.subjectId, t(c.level) + ' · ' + c.on])],
        ['measure', 'measure', 'select', [['communities_rectified', t('communities_rectified')], ['inspections', t('inspections')], ['shops_closed', t('shops_closed')]]],
        ['quantity', 'quantity', 'number', { min: 0, step: 1 }], ['on', 'on', 'date', { max: today }]],
        v => api('POST', `/api/campaigns/${v.campaignId}/progress`, { measure: v.measure, quantity: Number(v.quantity), on: v.on }))),
      card('indicator', form('indicator', [['indicator', 'indicator', 'select', [['registration_rate', t('registration_rate')],
        ['accuracy_rate', t('accuracy_rate')], ['crime_rate', t('crime_rate')]]],
        ['year', 'year', 'number', { min: 2000, max: 2100, value: new Date().getFullYear() }], ['value', 'value', 'number', { min: 0, max: 100, step: 0.01 }]],
        v => api('POST', `/api/units/${unitForForms()}/indicators`, { indicator: v.indicator, year: Number(v.year), value: Number(v.value) }))),
      card('selfAssessment', form('self', [['itemCode', 'item', 'select', state.items.map(i => [i.code, i.code + ' ' + i.title])],
        ['score', 'score', 'number', { min: 0, max: 200, step: 0.5 }], ['note', 'note', 'text', { required: false }]],
        v => api('POST', `/api/units/${unitForForms()}/self-assessments`, { schemeId: state.schemeId, itemCode: v.itemCode,
          score: Number(v.score), note: v.note })))));
  }

  async function assignments() {
    const board = await api('GET', '/api/assignments');
    const units = await api('GET', '/api/units');
    const out = el('div');
    main.replaceChildren(out,
      card('issue', form('issue', [['title', 'title'], ['leadUnit', 'leadUnit', 'select', units.map(u => [u.id, u.name])],
        ['responsibleUnits', 'responsibleUnits', 'text', { required: false, placeholder: 'xinqi,daqi' }],
        ['deadline', 'deadline', 'date'], ['target', 'target', 'text', { required: false }]], async v => {
        await api('POST', '/api/assignments', { title: v.title, leadUnit: v.leadUnit, deadline: v.deadline, target: v.target,
          responsibleUnits: (v.responsibleUnits || '').split(/[,，\s]+/).filter(x => x) });
        await assignments();
      })),
      card('assignments', table(['title', 'unit', 'deadline', 'status', ''], board.map(a => el('tr', {},
        el('td', {}, el('span', { class: 'light ' + (a.light || '') }), ' ', a.title), el('td', {}, a.leadUnit),
        el('td', {}, a.deadline), el('td', {}, a.status + (a.overdue ? ' · ' + t('overdue') : '')),
        el('td', {}, a.status === 'COMPLETED' || a.status === 'CANCELLED' ? '' : el('button', { class: 'small', on: { click: async () => {
          const message = prompt(t('urgeMessage'));
          if (!message) return;
          try { await api('POST', `/api/assignments/${a.id}/urges`, { unitIds: [], message }); out.replaceChildren(note(t('saved'), true)); }
          catch (err) { out.replaceChildren(note(err.message)); }
        } } }, t('urge'))))))));
  }

  async function assess() {
    const units = await api('GET', '/api/units');
    main.replaceChildren(card('adjustment', form('adjust', [['unitId', 'unit', 'select', units.map(u => [u.id, u.name])],
      ['itemCode', 'item', 'select', state.items.map(i => [i.code, i.code + ' ' + i.title])],
      ['points', 'points', 'number', { min: -100, max: 100, step: 0.5 }], ['reason', 'reason', 'textarea']],
      v => api('POST', `/api/units/${v.unitId}/adjustments`, { schemeId: state.schemeId, itemCode: v.itemCode, points: Number(v.points), reason: v.reason }))));
  }

  async function schemes() {
    const list = await api('GET', '/api/schemes');
    const current = state.schemeId ? await api('GET', `/api/schemes/${state.schemeId}`) : null;
    const out = el('div');
    const run = f => async () => { try { await f(); await schemes(); } catch (err) { out.replaceChildren(note(err.message)); } };
    const source = el('textarea', { id: 'scheme-json', rows: 8, placeholder: '{ "id": "…", "year": 2024, "items": [ … ] }' });
    main.replaceChildren(out,
      card('scheme', table(['scheme', 'status', ''], list.map(x => el('tr', {}, el('td', {}, x.id + ' ' + x.title + ' v' + x.version),
        el('td', {}, t(x.status)), el('td', {}, x.status === 'PUBLISHED' ? '' : el('button', { class: 'small primary',
          on: { click: run(() => api('POST', `/api/schemes/${x.id}/publish`, {})) } }, t('publish')))))),
        el('p', {}, el('button', { class: 'small', on: { click: run(() => api('POST', '/api/schemes/builtin/beilun-2023', {})) } }, t('loadBeilun')), ' ',
          el('button', { class: 'small', on: { click: run(() => api('POST', '/api/units/builtin/beilun', {})) } }, t('loadRoster')))),
      card('import', source, el('p', {}, el('button', { class: 'primary', on: { click: run(() => api('POST', '/api/schemes', JSON.parse(source.value))) } }, t('submit')))),
      current ? card('review', table(['item', 'max', 'standard'], current.items.map(i => el('tr', {}, el('td', {}, i.code + ' ' + i.title),
        el('td', { class: 'num' }, i.max == null ? '' : i.max), el('td', {}, i.standard || (i.rules || []).map(r => r.kind).join('、')))), [1])) : '');
  }

  async function compare() {
    const units = await api('GET', '/api/units');
    const today = new Date().toISOString().substring(0, 10);
    const result = el('div');
    main.replaceChildren(card('compare', form('compare', [['unitId', 'unit', 'select', units.map(u => [u.id, u.name])],
      ['from', 'from', 'date', { max: today }], ['to', 'to', 'date', { max: today, value: today }],
      ['view', 'view', 'select', ['RECORDING', 'EFFECTIVE']]], async v => {
      const from = new Date(v.from + 'T23:59:59+08:00').toISOString();
      const to = new Date(v.to + 'T23:59:59+08:00').toISOString();
      const c = await api('GET', `/api/units/${v.unitId}/comparison?scheme=${state.schemeId}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&view=${v.view}`);
      result.replaceChildren(el('p', {}, `${c.before} → ${c.after}（${c.delta > 0 ? '+' : ''}${c.delta}）`),
        table(['item', 'delta', 'why'], c.items.map(i => el('tr', {}, el('td', {}, i.code + ' ' + i.title),
          el('td', { class: 'num' }, (i.delta > 0 ? '+' : '') + i.delta),
          el('td', {}, i.causes.map(x => `${x.recordedAt.substring(0, 10)} ${x.what || x.eventType}（${x.actor || ''}）`).join('；')))), [1]));
    }), result));
  }

  /** A score item by item; each reason lists its events, and a click shows the stored event (who, when, what). */
  function scoreTable(card_) {
    const detail = el('pre', { class: 'evidence', id: 'evidence', hidden: true });
    const rows = card_.items.map(i => el('tr', { 'data-item': i.code },
      el('td', {}, i.code + ' ' + i.title), el('td', { class: 'num' }, i.max == null ? '' : i.max), el('td', { class: 'num' }, i.score),
      el('td', {}, i.contributions.map(c => el('div', {},
        (DubanI18n.lang() === 'zh' ? c.reason : c.reasonEn) + (Number(c.points) ? ` (${c.points > 0 ? '+' : ''}${c.points})` : ''), ' ',
        c.evidence.slice(0, 8).map((id, n) => el('a', { href: '#', class: 'ev', title: id, on: { click: async e => {
          e.preventDefault();
          const ev = await api('GET', `/api/units/${card_.unitId}/events/${id}`);
          detail.textContent = JSON.stringify({ type: ev.type, recordedAt: ev.recordedAt, actor: ev.metaData && ev.metaData.actor,
            role: ev.metaData && ev.metaData.role, payload: ev.payload }, null, 2);
          detail.hidden = false;
          detail.scrollIntoView({ block: 'nearest' });
        } } }, '[' + (n + 1) + ']')))))));
    return el('div', {}, table(['item', 'max', 'score', 'why'], rows, [1, 2]), detail);
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
    const everyone = el('div', { id: 'replay-ranking' });
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
        const ranking = await api('GET', `/api/schemes/${state.schemeId}/ranking?asOf=${encodeURIComponent(at)}`);
        if (mine !== seq) return;
        everyone.replaceChildren(table(['rank', 'unit', 'total'], ranking.map(r => el('tr', {}, el('td', { class: 'num' }, r.rank),
          el('td', {}, r.name), el('td', { class: 'num' }, r.total))), [0, 2]));
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
      card('timeline', node), card('item', items), card('allUnits', everyone));
    await show();
    await draw();
  }

  async function rounds() {
    const list = await api('GET', '/api/rounds');
    const acts = state.me.role === 'SUPERVISOR' || state.me.role === 'LEAD_OFFICE';
    const out = el('div');
    const run = f => async () => { try { await f(); await rounds(); main.prepend(note(t('saved'), true)); } catch (err) { out.replaceChildren(note(err.message)); } };
    const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().substring(0, 16);
    main.replaceChildren(out,
      acts ? card('openRound', form('round', [['kind', 'kind', 'select', ['MID_YEAR', 'YEAR_END', 'SPECIAL']], ['title', 'title'],
        ['cutoff', 'cutoff', 'datetime-local', { max: now, value: now }]],
        async v => { await api('POST', '/api/rounds', { schemeId: state.schemeId, kind: v.kind, title: v.title, cutoff: new Date(v.cutoff).toISOString() }); await rounds(); })) : '',
      ...list.map(r => card('rounds', el('p', {}, `${r.title} · ${t('cutoff')} ${r.cutoff} · ${t(r.status)}`),
        acts && r.status === 'OPEN' ? form('finding-' + r.id, [['unitId', 'unit', 'select', r.units.map(u => [u.unitId, u.name])],
          ['itemCode', 'item', 'select', state.items.map(i => [i.code, i.code + ' ' + i.title])], ['text', 'finding', 'textarea'],
          ['severity', 'severity', 'select', ['MINOR', 'MAJOR', 'SERIOUS']]],
          async v => { await api('POST', `/api/rounds/${r.id}/findings`, v); await rounds(); }) : '',
        acts && r.status === 'OPEN' ? el('button', { class: 'small', on: { click: run(() => api('POST', `/api/rounds/${r.id}/closure`, {})) } }, t('closeRound')) : '',
        table(['unit', 'baseline', 'inspectionScore', 'finding'], r.units.map(u => el('tr', {}, el('td', {}, u.name),
          el('td', { class: 'num' }, u.baseline), el('td', { class: 'num' }, u.inspectionScore),
          el('td', {}, u.findings.map(f => el('div', {}, f.text, ' ', acts ? el('button', { class: 'small', on: { click: run(async () => {
            const requirement = prompt(t('requirement'));
            if (requirement) await api('POST', `/api/rounds/${r.id}/findings/${f.findingId}/rectification`, { requirement });
          }) } }, t('orderRectification')) : ''))))), [1, 2]))));
    if (!list.length && !acts) main.replaceChildren(card('rounds', note(t('none'), true)));
  }

  async function sampling() {
    const units = await api('GET', '/api/units');
    const samples = await api('GET', '/api/samples');
    const out = el('div');
    const verdict = (sample, rec, step) => async () => {
      const flagged = confirm(t('isFlagged'));
      const note_ = prompt(flagged ? t('flagReason') : t('note')) || undefined;
      try {
        await api('POST', `/api/samples/${encodeURIComponent(sample.id)}/records/${encodeURIComponent(rec.recordId)}/${step}`,
          { verdict: flagged ? 'FLAGGED' : 'VERIFIED', note: note_ });
        await sampling();
      } catch (err) { out.replaceChildren(note(err.message)); }
    };
    main.replaceChildren(out,
      card('drawSample', form('sample', [['unitId', 'unit', 'select', units.map(u => [u.id, u.name])],
        ['kind', 'kind', 'select', ['TRAINING', 'INFO_REPORT', 'INDICATOR_REPORT', 'CAMPAIGN_PROGRESS']],
        ['from', 'from', 'date'], ['to', 'to', 'date'], ['size', 'size', 'number', { min: 1, max: 200, value: 3 }]],
        async v => { await api('POST', '/api/samples', Object.assign(v, { size: Number(v.size) })); await sampling(); })),
      ...samples.map(x => card('samples', el('p', {}, `${x.unitId} · ${t(x.kind)} · ${x.from}～${x.to} · seed ${x.seed} · ${x.drawnBy}`),
        table(['record', 'status', 'check', 'recheck', ''], x.records.map(r => el('tr', {}, el('td', {}, r.recordId),
          el('td', {}, t(r.status)), el('td', {}, r.check ? `${t(r.check.verdict)} ${r.check.by}` : ''),
          el('td', {}, r.recheck ? `${t(r.recheck.verdict)} ${r.recheck.by}` : ''),
          el('td', {}, r.status === 'DRAWN' ? el('button', { class: 'small', on: { click: verdict(x, r, 'check') } }, t('check'))
            : r.status === 'CHECKED' ? el('button', { class: 'small', on: { click: verdict(x, r, 'recheck') } }, t('recheck')) : '')))))));
  }

  async function password() {
    main.replaceChildren(card('changePassword', form('password', [['currentPassword', 'currentPassword', 'password'],
      ['newPassword', 'newPassword', 'password', { minlength: 10, maxlength: 128 }]],
      v => api('POST', '/api/me/password', v))));
  }

  const SCREENS = {
    LEAD_OFFICE: [['dashboard', dashboard], ['reports', reports], ['assignments', assignments], ['assess', assess], ['report', report],
      ['listed', listed], ['rounds', rounds], ['replay', replay], ['compare', compare], ['schemes', schemes], ['users', users]],
    UNIT_STAFF: [['inbox', inbox], ['report', report], ['myScore', myScore]],
    SUPERVISOR: [['replay', replay], ['compare', compare], ['dashboard', dashboard], ['rounds', rounds], ['sampling', sampling], ['listed', listed]],
    LEADER: [['dashboard', dashboard], ['replay', replay], ['compare', compare], ['rounds', rounds]]
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
    state.items = state.schemeId ? (await api('GET', `/api/schemes/${state.schemeId}`)).items : [];
    window.addEventListener('resize', () => state.charts.forEach(n => { const c = echarts.getInstanceByDom(n); if (c) c.resize(); }));
    const screens = SCREENS[state.me.role].concat([['myPassword', password]]);
    const nav = document.getElementById('nav');
    screens.forEach(([name, screen]) => nav.append(el('button', { 'data-screen': name, id: 'nav-' + name, on: { click: () => open(name, screen) } }, t(name))));
    const wanted = screens.find(([name]) => name === location.hash.substring(1)) || screens[0];
    if (!state.schemeId && state.me.role !== 'LEAD_OFFICE') {
      main.replaceChildren(note(t('scheme') + '：' + t('none')));
      return;
    }
    if (!state.schemeId) {
      open('schemes', schemes);
      return;
    }
    open(wanted[0], wanted[1]);
  }

  start().catch(err => main.replaceChildren(note(err.message)));
})();
