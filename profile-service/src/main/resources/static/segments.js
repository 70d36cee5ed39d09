// The marketer's segment builder: conditions picked from lists (the fields, operators and allowed values come from
// the server's schema, GET /api/v1/segments/fields), all/any/none groups, a live count and CX charts of the profiles
// the condition selects, the saved segments to open, change or delete, and exports that honour consent.
// Every API call goes through Mosaic.request.
const message = document.getElementById('message');
const ns = 'http://www.w3.org/2000/svg';
const PREVIEW_DELAY_MS = 400;
const MODES = ['all', 'any', 'none', 'notAll'];

let schema = null;          // {fields: [...], limits: {...}} from the server
let fieldsByCode = new Map();
let root = null;            // the condition being built: a group of rows and groups
let editing = null;         // the saved segment open in the builder, or null for a new one
let dirty = false;          // changed since it was opened or saved
let nextId = 1;
let previewTimer = null;
let previewSequence = 0;
let lastStats = null;

function say(key, params, isError) {
  message.textContent = key ? Mosaic.t(key, params) : '';
  message.classList.toggle('error', Boolean(isError));
}

function sayText(text, isError) {
  message.textContent = text;
  message.classList.toggle('error', Boolean(isError));
}

// A translation if there is one, else the fallback (a field the server knows and this page has no words for yet).
function textOr(key, fallback) {
  const text = Mosaic.t(key);
  return text === key ? fallback : text;
}

// Calls the API; answers the parsed JSON (or {} for 204), or null after saying what went wrong. A 400 with a
// condition path is handed to onProblem when given, so the condition can be pointed at.
async function call(method, path, body, onProblem) {
  const answer = await Mosaic.call(method, path, body, { forbidden: 'segments.forbidden', failed: 'segments.failed' });
  if (!answer.error) { return answer.value; }
  const { status, problem, key, params } = answer.error;
  const refused = status >= 400 && status !== 401 && status !== 403;
  if (refused && onProblem && problem.path) { onProblem(problem); return null; }
  if (refused && status === 404) { say('segments.gone', {}, true); return null; }
  if (key) { say(key, params, true); } else { sayText(Mosaic.t('segments.refused', { detail: problem.detail }), true); }
  return null;
}

// --- the condition model --------------------------------------------------------------------------------------

function newRow(code) {
  const field = fieldsByCode.get(code) || schema.fields[0];
  return { kind: 'row', id: nextId++, field: field.field, op: field.operators[0], value: emptyValue(field, field.operators[0]) };
}

function newGroup(mode, items) {
  return { kind: 'group', id: nextId++, mode, items: items || [newRow()] };
}

function emptyValue(field, op) {
  if (op === 'exists' || field.type === 'boolean') { return 'true'; }
  if (op === 'in' && field.values.length > 0) { return []; }
  if (op === 'eq' && field.values.length > 0) { return field.values[0]; }
  return '';
}

// The JSON the server reads, or null when a value is missing. Records each row's path, e.g. $.condition.all[1],
// so a server error naming a path can be shown at its row.
function toCondition(node, path, paths) {
  if (node.kind === 'group') {
    const inner = node.mode === 'any' || node.mode === 'none' ? 'any' : 'all';
    const negated = node.mode === 'none' || node.mode === 'notAll';
    const listPath = (negated ? path + '.not' : path) + '.' + inner;
    const items = node.items.map((item, index) => toCondition(item, listPath + '[' + index + ']', paths));
    if (items.length === 0 || items.includes(null)) { return null; }
    const combined = { [inner]: items };
    return negated ? { not: combined } : combined;
  }
  paths.set(node.id, path);
  const field = fieldsByCode.get(node.field);
  const value = valueOf(field, node.op, node.value);
  return value === null ? null : { field: node.field, [node.op]: value };
}

function valueOf(field, op, raw) {
  if (op === 'exists') { return raw === 'true'; }
  if (field.type === 'boolean') { return raw === 'true'; }
  if (op === 'in') {
    const values = Array.isArray(raw) ? raw : String(raw).split(',').map((v) => v.trim()).filter((v) => v !== '');
    return values.length === 0 ? null : values;
  }
  const text = String(raw).trim();
  if (text === '') { return null; }
  if (op === 'within') { return /^\d+$/.test(text) ? text + 'd' : null; }
  if (field.type === 'number') { const number = Number(text); return Number.isFinite(number) ? number : null; }
  return text;
}

// A saved condition back into groups and rows: the inverse of toCondition for every condition the server stores.
function fromCondition(tree) {
  if (tree.all) { return newGroup('all', tree.all.map(fromNode)); }
  if (tree.any) { return newGroup('any', tree.any.map(fromNode)); }
  return newGroup('all', [fromNode(tree)]);
}

function fromNode(tree) {
  if (tree.all) { return newGroup('all', tree.all.map(fromNode)); }
  if (tree.any) { return newGroup('any', tree.any.map(fromNode)); }
  if (tree.not) {
    if (tree.not.any) { return newGroup('none', tree.not.any.map(fromNode)); }
    if (tree.not.all) { return newGroup('notAll', tree.not.all.map(fromNode)); }
    return newGroup('none', [fromNode(tree.not)]);
  }
  const operators = Object.keys(tree).filter((key) => key !== 'field');
  const rows = operators.map((op) => {
    const field = fieldsByCode.get(tree.field);
    const value = tree[op];
    let raw;
    if (op === 'exists' || typeof value === 'boolean') { raw = String(value); }
    else if (op === 'in') { raw = field && field.values.length > 0 ? value.slice() : value.join(', '); }
    else if (op === 'within') { raw = String(value).replace(/d$/, ''); }
    else { raw = String(value); }
    return { kind: 'row', id: nextId++, field: tree.field, op, value: raw };
  });
  return rows.length === 1 ? rows[0] : newGroup('all', rows);
}

function findParent(group, id) {
  for (const item of group.items) {
    if (item.id === id) { return group; }
    if (item.kind === 'group') { const found = findParent(item, id); if (found) { return found; } }
  }
  return null;
}

// --- drawing the builder --------------------------------------------------------------------------------------

function element(tag, attributes, text) {
  const made = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== false) { made.setAttribute(name, value === true ? '' : value); }
  });
  if (text !== undefined) { made.textContent = text; }
  return made;
}

function labelled(id, labelText, control) {
  const wrapper = element('div', { class: 'field' });
  wrapper.append(element('label', { for: id }, labelText), control);
  return wrapper;
}

function fieldLabel(field) {
  return textOr('segments.field.' + field.field, field.field);
}

function valueLabel(value) {
  return textOr('segments.value.' + value, value);
}

function drawBuilder(focusId) {
  const container = document.getElementById('conditions');
  container.replaceChildren(drawGroup(root, 0, null));
  if (focusId) {
    const focus = document.getElementById(focusId);
    if (focus) { focus.focus(); }
  }
}

function drawGroup(group, depth, parent) {
  const box = element('fieldset', { class: 'segments-group', id: 'group-' + group.id, 'data-depth': depth });
  const legend = element('legend');
  const modeId = 'group-' + group.id + '-mode';
  legend.append(element('label', { for: modeId }, Mosaic.t(depth === 0 ? 'segments.customersWho' : 'segments.andWho')));
  const mode = element('select', { id: modeId, 'data-role': 'mode' });
  MODES.forEach((m) => mode.append(element('option', { value: m, selected: m === group.mode }, Mosaic.t('segments.mode.' + m))));
  mode.addEventListener('change', () => { group.mode = mode.value; changed(); });
  legend.append(mode);
  box.append(legend);

  const list = element('ol', { class: 'segments-items' });
  group.items.forEach((item, index) => {
    const entry = element('li');
    entry.append(item.kind === 'group' ? drawGroup(item, depth + 1, group) : drawRow(item, index + 1));
    list.append(entry);
  });
  box.append(list);

  const actions = element('div', { class: 'segments-group-actions' });
  const addRow = element('button', { type: 'button', class: 'secondary', id: 'group-' + group.id + '-add', 'data-role': 'add-row' },
      Mosaic.t('segments.addCondition'));
  addRow.addEventListener('click', () => {
    const row = newRow();
    group.items.push(row);
    changed('row-' + row.id + '-field');
  });
  actions.append(addRow);
  // A group may cost two levels of the server's depth limit (not + any) and its rows one more.
  if (2 * (depth + 1) + 3 <= schema.limits.maxDepth) {
    const addGroup = element('button', { type: 'button', class: 'secondary', 'data-role': 'add-group' },
        Mosaic.t('segments.addGroup'));
    addGroup.addEventListener('click', () => {
      const inner = newGroup('any');
      group.items.push(inner);
      changed('group-' + inner.id + '-mode');
    });
    actions.append(addGroup);
  }
  if (parent) {
    const remove = element('button', { type: 'button', class: 'secondary', 'data-role': 'remove-group' },
        Mosaic.t('segments.removeGroup'));
    remove.addEventListener('click', () => {
      parent.items.splice(parent.items.indexOf(group), 1);
      changed('group-' + parent.id + '-add');
    });
    actions.append(remove);
  }
  box.append(actions);
  return box;
}

function drawRow(row, number) {
  const field = fieldsByCode.get(row.field);
  const prefix = 'row-' + row.id;
  const line = element('div', { class: 'segments-row', id: prefix });

  const fieldSelect = element('select', { id: prefix + '-field', 'data-role': 'field' });
  const groups = new Map();
  schema.fields.forEach((candidate) => {
    const area = candidate.field.includes('.') ? candidate.field.split('.')[0] : 'profile';
    if (!groups.has(area)) {
      groups.set(area, element('optgroup', { label: textOr('segments.area.' + area, area) }));
      fieldSelect.append(groups.get(area));
    }
    groups.get(area).append(element('option', { value: candidate.field, selected: candidate.field === row.field },
        fieldLabel(candidate)));
  });
  fieldSelect.addEventListener('change', () => {
    const chosen = fieldsByCode.get(fieldSelect.value);
    row.field = chosen.field;
    if (!chosen.operators.includes(row.op)) { row.op = chosen.operators[0]; }
    row.value = emptyValue(chosen, row.op);
    changed(prefix + '-field');
  });
  line.append(labelled(prefix + '-field', Mosaic.t('segments.fieldLabel', { number }), fieldSelect));

  const opSelect = element('select', { id: prefix + '-op', 'data-role': 'op' });
  field.operators.forEach((op) => opSelect.append(element('option', { value: op, selected: op === row.op },
      textOr('segments.op.' + field.type + '.' + op, textOr('segments.op.' + op, op)))));
  opSelect.addEventListener('change', () => {
    const wasList = row.op === 'in';
    row.op = opSelect.value;
    if (wasList || row.op === 'in' || row.op === 'exists' || field.type === 'date') { row.value = emptyValue(field, row.op); }
    changed(prefix + '-op');
  });
  line.append(labelled(prefix + '-op', Mosaic.t('segments.opLabel'), opSelect));

  line.append(drawValue(row, field, prefix));

  const remove = element('button', { type: 'button', class: 'secondary', 'data-role': 'remove',
    'aria-label': Mosaic.t('segments.removeCondition', { number, field: fieldLabel(field) }) }, Mosaic.t('segments.remove'));
  remove.addEventListener('click', () => {
    const parent = findParent(root, row.id);
    parent.items.splice(parent.items.indexOf(row), 1);
    changed('group-' + parent.id + '-add');
  });
  line.append(remove);
  return line;
}

function drawValue(row, field, prefix) {
  const id = prefix + '-value';
  const label = Mosaic.t('segments.valueLabel');
  const onInput = (control) => control.addEventListener('input', () => { row.value = control.value; edited(); });
  if (row.op === 'exists' || field.type === 'boolean') {
    const select = element('select', { id, 'data-role': 'value' });
    [['true', 'segments.yes'], ['false', 'segments.no']].forEach(([value, key]) =>
      select.append(element('option', { value, selected: row.value === value }, Mosaic.t(key))));
    select.addEventListener('change', () => { row.value = select.value; edited(); });
    return labelled(id, label, select);
  }
  if (field.values.length > 0 && row.op === 'eq') {
    const select = element('select', { id, 'data-role': 'value' });
    field.values.forEach((value) => select.append(element('option', { value, selected: row.value === value }, valueLabel(value))));
    select.addEventListener('change', () => { row.value = select.value; edited(); });
    return labelled(id, label, select);
  }
  if (field.values.length > 0 && row.op === 'in') {
    const box = element('fieldset', { class: 'segments-values', id, 'data-role': 'value' });
    box.append(element('legend', {}, Mosaic.t('segments.chooseValues')));
    field.values.forEach((value, index) => {
      const checkId = id + '-' + index;
      const check = element('input', { type: 'checkbox', id: checkId, value, checked: row.value.includes(value) });
      check.addEventListener('change', () => {
        row.value = field.values.filter((v, i) => document.getElementById(id + '-' + i).checked);
        edited();
      });
      const option = element('label', { for: checkId, class: 'segments-check' });
      option.append(check, document.createTextNode(valueLabel(value)));
      box.append(option);
    });
    return box;
  }
  if (row.op === 'within') {
    const wrapper = element('div', { class: 'field' });
    const input = element('input', { id, type: 'number', inputmode: 'numeric', min: 1, max: schema.limits.maxDays, step: 1,
      value: row.value, 'data-role': 'value', 'aria-describedby': id + '-unit' });
    onInput(input);
    const unit = element('span', { id: id + '-unit', class: 'segments-unit' }, Mosaic.t('segments.days'));
    const inline = element('div', { class: 'segments-inline' });
    inline.append(input, unit);
    wrapper.append(element('label', { for: id }, Mosaic.t('segments.daysLabel')), inline);
    return wrapper;
  }
  if (field.type === 'date') {
    const input = element('input', { id, type: 'date', value: row.value, 'data-role': 'value' });
    onInput(input);
    input.addEventListener('change', () => { row.value = input.value; edited(); });
    return labelled(id, label, input);
  }
  if (field.type === 'number') {
    const input = element('input', { id, type: 'number', step: 'any', inputmode: 'decimal', value: row.value, 'data-role': 'value' });
    onInput(input);
    return labelled(id, label, input);
  }
  const input = element('input', { id, type: 'text', autocomplete: 'off', value: row.value, 'data-role': 'value',
    placeholder: row.op === 'in' ? Mosaic.t('segments.listHint') : null });
  onInput(input);
  return labelled(id, row.op === 'in' ? Mosaic.t('segments.valuesLabel') : label, input);
}

// A structural change (a row or group added or removed, a field, comparison or mode chosen): draw again.
function changed(focusId) {
  drawBuilder(focusId);
  edited();
}

// Any change of the condition: the count and charts follow, a saved segment needs saving before it is exported
// (an export reads the saved condition). A new name alone changes no member.
function edited() {
  dirty = true;
  showExport();
  schedulePreview();
}

// --- the live count and the charts ----------------------------------------------------------------------------

function schedulePreview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(preview, PREVIEW_DELAY_MS);
}

async function preview() {
  const paths = new Map();
  const condition = toCondition(root, '$.condition', paths);
  markRows(paths, null);
  const count = document.getElementById('count');
  const sequence = ++previewSequence;
  if (!condition) {
    count.textContent = Mosaic.t('segments.incomplete');
    count.dataset.count = '';
    return;
  }
  count.textContent = Mosaic.t('segments.counting');
  const onProblem = (problem) => {
    if (sequence !== previewSequence) { return; }
    markRows(paths, problem.path);
    count.textContent = Mosaic.t('segments.cannotCount', { detail: plainDetail(problem) });
    count.dataset.count = '';
  };
  const [counted, stats] = await Promise.all([
    call('POST', '/api/v1/segments/preview', { condition }, onProblem),
    call('POST', '/api/v1/segments/preview/stats', { condition }, () => {}),
  ]);
  if (sequence !== previewSequence) { return; } // a later edit has asked again
  if (counted) {
    count.textContent = Mosaic.t(counted.count === 1 ? 'segments.countOne' : 'segments.count',
        { count: Mosaic.number(counted.count) });
    count.dataset.count = String(counted.count);
  }
  if (stats) { drawStats(stats); }
}

// The server's message without its path (the row is marked instead), e.g. "expected a number, got "ten"".
function plainDetail(problem) {
  const detail = problem.detail || '';
  return detail.startsWith(problem.path + ': ') ? detail.substring(problem.path.length + 2) : detail;
}

function markRows(paths, problemPath) {
  paths.forEach((path, id) => {
    const row = document.getElementById('row-' + id);
    if (!row) { return; }
    const wrong = problemPath !== null && (problemPath === path || problemPath.startsWith(path + '.')
        || problemPath.startsWith(path + '['));
    row.classList.toggle('segments-wrong', wrong);
    row.querySelectorAll('select, input').forEach((control) => {
      if (wrong) { control.setAttribute('aria-invalid', 'true'); } else { control.removeAttribute('aria-invalid'); }
    });
  });
}

function svg(tag, attributes, text) {
  const made = document.createElementNS(ns, tag);
  Object.entries(attributes).forEach(([name, value]) => made.setAttribute(name, value));
  if (text !== undefined) { made.textContent = text; }
  return made;
}

function amount(value) {
  return value === null || value === undefined ? '–' : Mosaic.number(Math.round(value * 100) / 100);
}

function drawStats(stats) {
  lastStats = stats;
  document.getElementById('stats-section').hidden = false;
  drawNps(stats.nps);
  drawCsat(stats.csat);
  drawClv(stats.clv);
}

// Members per latest NPS answer 0-10, coloured by category; the numbers are also the chart's text alternative.
function drawNps(nps) {
  const chart = document.getElementById('nps-chart');
  chart.replaceChildren();
  const counts = Array.from({ length: 11 }, (_, score) => Number(nps.byScore[score] || 0));
  const highest = Math.max(1, ...counts);
  counts.forEach((count, score) => {
    const height = Math.round(140 * count / highest);
    const x = 10 + score * 39;
    const category = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
    chart.append(svg('rect', { x, y: 160 - height, width: 30, height: Math.max(height, 1), class: 'segments-bar ' + category }));
    chart.append(svg('text', { x: x + 15, y: 154 - height, class: 'segments-chart-label' }, Mosaic.number(count)));
    chart.append(svg('text', { x: x + 15, y: 180, class: 'segments-chart-label' }, String(score)));
  });
  const caption = nps.answered === 0 ? Mosaic.t('segments.npsNone')
    : Mosaic.t('segments.npsSummary', { score: amount(nps.score), answered: Mosaic.number(nps.answered),
      promoters: Mosaic.number(nps.promoters), passives: Mosaic.number(nps.passives),
      detractors: Mosaic.number(nps.detractors) });
  document.getElementById('nps-caption').textContent = caption;
  chart.setAttribute('aria-label', Mosaic.t('segments.npsChart', {
    summary: caption, bars: counts.map((count, score) => score + ': ' + Mosaic.number(count)).join(', ') }));
}

function drawCsat(csat) {
  const chart = document.getElementById('csat-chart');
  chart.replaceChildren();
  const percent = csat.percent === null ? 0 : csat.percent;
  chart.append(svg('rect', { x: 0, y: 8, width: 440, height: 28, class: 'segments-track' }));
  chart.append(svg('rect', { x: 0, y: 8, width: Math.round(4.4 * percent), height: 28, class: 'segments-bar promoter' }));
  chart.append(svg('text', { x: 4, y: 52, class: 'segments-chart-label start' }, '0 %'));
  chart.append(svg('text', { x: 436, y: 52, class: 'segments-chart-label end' }, '100 %'));
  const caption = csat.answers === 0 ? Mosaic.t('segments.csatNone')
    : Mosaic.t('segments.csatSummary', { percent: amount(csat.percent), matching: Mosaic.number(csat.matching),
      answers: Mosaic.number(csat.answers), profiles: Mosaic.number(csat.profiles) });
  document.getElementById('csat-caption').textContent = caption;
  chart.setAttribute('aria-label', caption);
}

// A box plot: minimum to maximum as the whisker, the middle half (25th to 75th percentile) as the box, the median as
// a bar and the 90th percentile as a tick.
function drawClv(clv) {
  const chart = document.getElementById('clv-chart');
  chart.replaceChildren();
  let caption;
  if (clv.profiles === 0 || clv.min === null) {
    caption = Mosaic.t('segments.clvNone');
  } else {
    const span = clv.max - clv.min;
    // All members worth the same: one mark in the middle.
    const x = (value) => (span === 0 ? 220 : 20 + 400 * (value - clv.min) / span);
    chart.append(svg('line', { x1: x(clv.min), y1: 30, x2: x(clv.max), y2: 30, class: 'segments-whisker' }));
    chart.append(svg('rect', { x: x(clv.p25), y: 14, width: Math.max(x(clv.p75) - x(clv.p25), 2), height: 32,
      class: 'segments-box' }));
    chart.append(svg('line', { x1: x(clv.median), y1: 10, x2: x(clv.median), y2: 50, class: 'segments-median' }));
    chart.append(svg('line', { x1: x(clv.p90), y1: 20, x2: x(clv.p90), y2: 40, class: 'segments-whisker' }));
    if (span === 0) {
      chart.append(svg('text', { x: 220, y: 72, class: 'segments-chart-label' }, amount(clv.median)));
    } else {
      chart.append(svg('text', { x: x(clv.min), y: 72, class: 'segments-chart-label start' }, amount(clv.min)));
      chart.append(svg('text', { x: x(clv.max), y: 72, class: 'segments-chart-label end' }, amount(clv.max)));
      // The median's label only where it does not cover the others.
      if (x(clv.median) - x(clv.min) > 50 && x(clv.max) - x(clv.median) > 50) {
        chart.append(svg('text', { x: x(clv.median), y: 88, class: 'segments-chart-label' }, amount(clv.median)));
      }
    }
    caption = Mosaic.t('segments.clvSummary', { profiles: Mosaic.number(clv.profiles), median: amount(clv.median),
      p25: amount(clv.p25), p75: amount(clv.p75), p90: amount(clv.p90), min: amount(clv.min), max: amount(clv.max) });
  }
  document.getElementById('clv-caption').textContent = caption;
  chart.setAttribute('aria-label', caption);
}

// --- saved segments -------------------------------------------------------------------------------------------

async function loadSaved() {
  const saved = await call('GET', '/api/v1/segments');
  if (!saved) { return; }
  document.getElementById('saved-empty').hidden = saved.length > 0;
  document.getElementById('saved-table').hidden = saved.length === 0;
  document.getElementById('saved').replaceChildren(...saved.map((segment) => {
    const row = element('tr', { 'data-segment': segment.id });
    row.append(element('th', { scope: 'row' }, segment.name), element('td', {}, segment.description || ''),
        element('td', {}, new Date(segment.updatedAt || segment.createdAt).toLocaleString(Mosaic.language)));
    const actions = element('td', { class: 'segments-row-actions' });
    const open = element('button', { type: 'button', class: 'secondary', 'data-role': 'open',
      'aria-label': Mosaic.t('segments.openNamed', { name: segment.name }) }, Mosaic.t('segments.open'));
    open.addEventListener('click', () => openSegment(segment));
    const remove = element('button', { type: 'button', class: 'danger', 'data-role': 'delete',
      'aria-label': Mosaic.t('segments.deleteNamed', { name: segment.name }) }, Mosaic.t('segments.delete'));
    remove.addEventListener('click', () => deleteSegment(segment));
    actions.append(open, remove);
    row.append(actions);
    return row;
  }));
}

function openSegment(segment) {
  editing = segment;
  root = fromCondition(segment.condition);
  document.getElementById('segment-name').value = segment.name;
  document.getElementById('segment-description').value = segment.description || '';
  showBuilder();
  dirty = false;
  showExport();
  say(null);
  preview();
  document.getElementById('builder-title').scrollIntoView({ block: 'start' });
}

function startNew() {
  editing = null;
  root = newGroup('all');
  document.getElementById('segment-name').value = '';
  document.getElementById('segment-description').value = '';
  showBuilder();
  dirty = false;
  showExport();
  preview();
}

function showBuilder() {
  document.getElementById('builder-section').hidden = false;
  document.getElementById('builder-title').textContent = editing
    ? Mosaic.t('segments.editTitle', { name: editing.name }) : Mosaic.t('segments.newTitle');
  document.getElementById('save-as-new').hidden = !editing;
  drawBuilder();
}

async function deleteSegment(segment) {
  if (!window.confirm(Mosaic.t('segments.confirmDelete', { name: segment.name }))) { return; }
  const done = await call('DELETE', '/api/v1/segments/' + encodeURIComponent(segment.id));
  if (done === null) { await loadSaved(); return; }
  if (editing && editing.id === segment.id) { startNew(); }
  await loadSaved();
  say('segments.deleted', { name: segment.name });
}

async function save(asNew) {
  const name = document.getElementById('segment-name').value.trim();
  if (name === '') {
    say('segments.nameMissing', {}, true);
    document.getElementById('segment-name').focus();
    return;
  }
  const paths = new Map();
  const condition = toCondition(root, '$.condition', paths);
  if (!condition) { say('segments.incomplete', {}, true); return; }
  const body = { name, description: document.getElementById('segment-description').value.trim(), condition };
  const update = editing && !asNew;
  const saved = await call(update ? 'PUT' : 'POST',
      update ? '/api/v1/segments/' + encodeURIComponent(editing.id) : '/api/v1/segments', body, (problem) => {
        markRows(paths, problem.path);
        sayText(Mosaic.t('segments.cannotSave', { detail: plainDetail(problem) }), true);
      });
  if (!saved) { return; }
  editing = saved;
  dirty = false;
  showBuilder();
  showExport();
  await loadSaved();
  say('segments.savedDone', { name: saved.name });
}

// --- export ---------------------------------------------------------------------------------------------------

function showExport() {
  const section = document.getElementById('export-section');
  section.hidden = !root;
  const ready = Boolean(editing) && !dirty;
  document.getElementById('export-hint').textContent = ready ? Mosaic.t('segments.exportReady', { name: editing.name })
    : Mosaic.t('segments.exportSaveFirst');
  ['export-csv', 'export-jsonl'].forEach((id) => { document.getElementById(id).disabled = !ready; });
}

// Fetched through Mosaic.request (it carries the credentials), then handed to the browser as a download.
async function exportSegment(format) {
  const consent = document.getElementById('consent').value;
  let response;
  try {
    response = await Mosaic.request('GET', '/api/v1/segments/' + encodeURIComponent(editing.id) + '/export?format='
        + format + '&consent=' + consent);
  } catch (unreachable) {
    say('error.network', {}, true);
    return;
  }
  if (response.status === 401) { say('error.key', {}, true); return; }
  if (!response.ok) { say('segments.failed', { status: response.status }, true); return; }
  const disposition = response.headers.get('Content-Disposition') || '';
  const file = (disposition.match(/filename="([^"]+)"/) || [])[1] || editing.id + '.' + format;
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = element('a', { href: url, download: file, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  say('segments.exported', { file });
}

// --- wiring ---------------------------------------------------------------------------------------------------

async function connect() {
  const loaded = await call('GET', '/api/v1/segments/fields');
  if (!loaded) { return; }
  schema = loaded;
  fieldsByCode = new Map(schema.fields.map((field) => [field.field, field]));
  say(null);
  await loadSaved();
  if (!root) { startNew(); }
}

document.getElementById('new-segment').addEventListener('click', () => { if (schema) { startNew(); } });
document.getElementById('save').addEventListener('click', () => save(false));
document.getElementById('save-as-new').addEventListener('click', () => save(true));
document.getElementById('export-csv').addEventListener('click', () => exportSegment('csv'));
document.getElementById('export-jsonl').addEventListener('click', () => exportSegment('jsonl'));
// Texts drawn by script follow a change of language.
document.addEventListener('mosaic:language', () => {
  if (!root) { return; }
  showBuilder();
  showExport();
  if (lastStats) { drawStats(lastStats); }
  preview();
});
connect();
