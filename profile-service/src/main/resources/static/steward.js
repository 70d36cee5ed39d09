// The steward's page: a profile's identity graph (records, links with rule and probability), a split of selected
// records with a confirmation, a merge with another profile, the review queue and the generic identifiers.
const message = document.getElementById('message');
let current = null;

function say(key, params) {
  message.textContent = key ? Mosaic.t(key, params) : '';
}

async function call(method, path, body) {
  const answer = await Mosaic.call(method, path, body, { failed: 'steward.failed' });
  if (answer.error) { message.textContent = answer.error.text; return null; }
  return answer.value;
}

function cell(row, value) {
  const td = document.createElement('td');
  td.textContent = value;
  row.appendChild(td);
  return td;
}

function ruleClass(rule) {
  if (rule.startsWith('exact_')) { return 'rule-exact'; }
  return rule === 'steward_merge' ? 'rule-steward' : 'rule-probabilistic';
}

// Records on a circle, links as lines between them; enough for the few records one person has.
function drawGraph(explanation) {
  const svg = document.getElementById('graph');
  const ns = 'http://www.w3.org/2000/svg';
  svg.replaceChildren();
  const records = explanation.records;
  const position = new Map();
  records.forEach((record, index) => {
    const angle = (2 * Math.PI * index) / Math.max(records.length, 1) - Math.PI / 2;
    const radius = records.length === 1 ? 0 : 150;
    position.set(record.source + '/' + record.recordId,
        { x: 300 + radius * Math.cos(angle), y: 210 + radius * Math.sin(angle) });
  });
  for (const link of explanation.links) {
    const a = position.get(link.from);
    const b = position.get(link.to);
    if (!a || !b) { continue; }
    const line = document.createElementNS(ns, 'line');
    Object.entries({ x1: a.x, y1: a.y, x2: b.x, y2: b.y }).forEach(([k, v]) => line.setAttribute(k, v));
    line.setAttribute('class', 'link ' + ruleClass(link.rule));
    svg.appendChild(line);
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', (a.x + b.x) / 2);
    label.setAttribute('y', (a.y + b.y) / 2 - 6);
    label.setAttribute('class', 'link-label');
    label.textContent = link.rule + ' ' + Mosaic.number(Math.round(link.score * 10000) / 10000);
    svg.appendChild(label);
  }
  for (const record of records) {
    const p = position.get(record.source + '/' + record.recordId);
    const node = document.createElementNS(ns, 'circle');
    Object.entries({ cx: p.x, cy: p.y, r: 26 }).forEach(([k, v]) => node.setAttribute(k, v));
    node.setAttribute('class', 'record');
    svg.appendChild(node);
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', p.x);
    label.setAttribute('y', p.y + 44);
    label.setAttribute('class', 'record-label');
    label.textContent = record.source + '/' + record.recordId;
    svg.appendChild(label);
  }
}

function show(explanation) {
  current = explanation;
  document.getElementById('graph-title').textContent = Mosaic.t('steward.profile', { id: explanation.profileId });
  document.getElementById('graph-summary').textContent = explanation.summary;
  drawGraph(explanation);
  document.getElementById('records').replaceChildren(...explanation.records.map((record, index) => {
    const row = document.createElement('tr');
    const choose = document.createElement('td');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = 'record-' + index;
    box.value = JSON.stringify({ source: record.source, recordId: record.recordId });
    box.setAttribute('aria-label', Mosaic.t('steward.selectRecord', { record: record.source + '/' + record.recordId }));
    choose.appendChild(box);
    row.appendChild(choose);
    cell(row, record.source);
    cell(row, record.recordId);
    cell(row, record.kind);
    cell(row, record.matchingIdentifiers.join(', '));
    return row;
  }));
  document.getElementById('links').replaceChildren(...explanation.links.map((link) => {
    const row = document.createElement('tr');
    cell(row, link.from);
    cell(row, link.to);
    cell(row, link.rule).className = ruleClass(link.rule);
    cell(row, Mosaic.number(Math.round(link.score * 10000) / 10000));
    cell(row, (link.fields || []).map((f) => f.field + ': ' + f.level + ' (' + (f.weight > 0 ? '+' : '')
        + Mosaic.number(f.weight) + ')').join('; '));
    return row;
  }));
  document.getElementById('graph-section').hidden = false;
}

async function open(which) {
  let id = which.trim();
  if (id.includes('@')) {
    const profile = await call('GET', '/api/v1/profiles/lookup?type=email&value=' + encodeURIComponent(id));
    if (!profile) { return; }
    id = profile.profileId;
  }
  const explanation = await call('GET', '/api/v1/profiles/' + encodeURIComponent(id) + '/explain');
  if (explanation) {
    say(null);
    show(explanation);
  }
}

document.getElementById('open').addEventListener('submit', (event) => {
  event.preventDefault();
  open(document.getElementById('which').value);
});

document.getElementById('split').addEventListener('click', async () => {
  const chosen = [...document.querySelectorAll('#records input:checked')].map((box) => JSON.parse(box.value));
  if (chosen.length === 0) { say('steward.chooseRecords'); return; }
  if (!window.confirm(Mosaic.t('steward.confirmSplit', { count: chosen.length, id: current.profileId }))) { return; }
  const result = await call('POST', '/api/v1/profiles/' + encodeURIComponent(current.profileId) + '/split',
      { records: chosen });
  if (result) {
    await open(current.profileId);
    say('steward.splitDone', { id: result.newProfileId });
  }
});

document.getElementById('merge').addEventListener('submit', async (event) => {
  event.preventDefault();
  const other = document.getElementById('other').value.trim();
  if (!window.confirm(Mosaic.t('steward.confirmMerge', { other, id: current.profileId }))) { return; }
  const result = await call('POST', '/api/v1/profiles/' + encodeURIComponent(current.profileId) + '/merge',
      { otherProfileId: other });
  if (result) {
    await open(current.profileId);
    say('steward.mergeDone');
  }
});

// One row for two profiles: the strongest pair of their records, each with the profile it is in now. Deciding opens
// the first profile with the second's id in the merge field, so the steward sees the evidence before merging.
function reviewSide(row, side) {
  const td = cell(row, side.source + '/' + side.recordId);
  const profile = document.createElement('div');
  profile.className = 'review-profile';
  profile.textContent = Mosaic.t('steward.profile', { id: side.profileId });
  td.appendChild(profile);
}

document.getElementById('load-review').addEventListener('click', async () => {
  const pairs = await call('GET', '/api/v1/resolution/review?limit=100');
  if (!pairs) { return; }
  document.getElementById('review').replaceChildren(...pairs.map((pair) => {
    const row = document.createElement('tr');
    reviewSide(row, pair.first);
    reviewSide(row, pair.second);
    cell(row, Mosaic.number(Math.round(pair.probability * 10000) / 10000));
    cell(row, pair.reason);
    const action = document.createElement('td');
    const decide = document.createElement('button');
    decide.type = 'button';
    decide.textContent = Mosaic.t('steward.decide');
    decide.addEventListener('click', async () => {
      await open(pair.first.profileId);
      if (current && current.profileId === pair.first.profileId) {
        document.getElementById('other').value = pair.second.profileId;
        say('steward.deciding', { id: pair.first.profileId, other: pair.second.profileId });
      }
    });
    action.appendChild(decide);
    row.appendChild(action);
    return row;
  }));
  say(pairs.length === 0 ? 'steward.nothingToReview' : null);
});

async function loadGeneric() {
  const values = await call('GET', '/api/v1/resolution/generic-identifiers');
  if (!values) { return; }
  document.getElementById('generic').replaceChildren(...values.map((value) => {
    const row = document.createElement('tr');
    cell(row, value.type);
    cell(row, value.value);
    cell(row, value.reason);
    cell(row, Mosaic.number(value.records));
    const action = document.createElement('td');
    const trust = document.createElement('button');
    trust.type = 'button';
    trust.textContent = Mosaic.t('steward.trust');
    trust.addEventListener('click', async () => {
      if (await call('PUT', '/api/v1/resolution/generic-identifiers',
          { type: value.type, value: value.value, generic: false })) {
        say('steward.trusted');
        loadGeneric();
      }
    });
    action.appendChild(trust);
    row.appendChild(action);
    return row;
  }));
}

document.getElementById('load-generic').addEventListener('click', loadGeneric);
