// The CX dashboard: NPS, CSAT, CES, ticket times and first-contact resolution per week or month as inline SVG charts
// with a table holding the same numbers, the breakdown by channel and by store, and the detractors to follow up.
// Every API call goes through Mosaic.request.
const filters = document.getElementById('filters');
const message = document.getElementById('message');
const DETRACTORS_PER_PAGE = 10;
const SVG = 'http://www.w3.org/2000/svg';
let report = null;
let detractors = null;
let detractorPage = 0;

function say(key, params) {
  message.textContent = key ? Mosaic.t(key, params) : '';
}

function chosen() {
  const params = new URLSearchParams();
  params.set('interval', document.getElementById('interval').value);
  for (const name of ['from', 'to', 'channel', 'store']) {
    const value = document.getElementById(name).value.trim();
    if (value) { params.set(name, value); }
  }
  return params;
}

async function get(path) {
  const answer = await Mosaic.call('GET', path, undefined,
      { forbidden: 'dashboard.forbidden', failed: 'dashboard.failed' });
  if (answer.error) { message.textContent = answer.error.text; return null; }
  return answer.value;
}

filters.addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = document.getElementById('show');
  button.disabled = true;
  say('dashboard.loading');
  try {
    const loaded = await get('/api/v1/cx/dashboard?' + chosen());
    if (!loaded) { return; }
    report = loaded;
    detractorPage = 0;
    const page = await loadDetractors();
    if (!page) { return; }
    say();
    render();
  } finally {
    button.disabled = false;
  }
});

async function loadDetractors() {
  const params = chosen();
  params.delete('interval');
  // The period shown is the one the dashboard answered with (its defaults filled in).
  params.set('from', report.from);
  params.set('to', report.to);
  params.set('page', detractorPage);
  params.set('size', DETRACTORS_PER_PAGE);
  const page = await get('/api/v1/cx/detractors?' + params);
  if (page) { detractors = page; }
  return page;
}

async function turnPage(by) {
  detractorPage += by;
  if (await loadDetractors()) { renderDetractors(); } else { detractorPage -= by; }
}
document.getElementById('previous').addEventListener('click', () => turnPage(-1));
document.getElementById('next').addEventListener('click', () => turnPage(1));

// --- numbers ------------------------------------------------------------------------------------------------------

const NONE = '–';

function decimal(value) {
  return value === null || value === undefined ? NONE
      : new Intl.NumberFormat(Mosaic.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

function percent(rate) {
  return rate.percent === null ? NONE : decimal(rate.percent) + '\u00a0%'; // no line break inside "66.7 %"
}

function signed(score) {
  return score === null ? NONE : (score > 0 ? '+' : '') + decimal(score);
}

function minutes(times) {
  return times.average === null ? NONE : decimal(times.average) + ' / ' + decimal(times.median);
}

function channelName(channel) {
  if (channel === null) { return Mosaic.t('dashboard.noChannel'); }
  const key = 'dashboard.channel.' + channel;
  const text = Mosaic.t(key);
  return text === key ? channel : text;
}

function cell(row, value, header) {
  const element = document.createElement(header ? 'th' : 'td');
  if (header) { element.scope = 'row'; }
  element.textContent = value;
  row.appendChild(element);
  return element;
}

// --- rendering ----------------------------------------------------------------------------------------------------

function render() {
  if (!report) { return; }
  const period = { from: report.from, to: report.to };
  document.getElementById('summary-title').textContent = Mosaic.t('dashboard.whole', period);
  const total = report.total;
  document.getElementById('total-nps').textContent = signed(total.nps.score);
  document.getElementById('total-nps-detail').textContent = Mosaic.t('dashboard.npsDetail', {
    answers: total.nps.answers, promoters: total.nps.promoters, passives: total.nps.passives,
    detractors: total.nps.detractors });
  for (const [id, rate] of [['csat', total.csat], ['ces', total.ces], ['fcr', total.firstContactResolution]]) {
    document.getElementById('total-' + id).textContent = percent(rate);
    document.getElementById('total-' + id + '-detail').textContent = Mosaic.t('dashboard.rateDetail',
        { matching: rate.matching, total: rate.total });
  }
  for (const [id, times] of [['first-response', total.firstResponseTime], ['resolution', total.resolutionTime]]) {
    document.getElementById('total-' + id).textContent = times.average === null ? NONE
        : Mosaic.t('dashboard.minutes', { value: decimal(times.average) });
    document.getElementById('total-' + id + '-detail').textContent = times.average === null ? ''
        : Mosaic.t('dashboard.timesDetail', { median: decimal(times.median), tickets: times.tickets });
  }
  document.getElementById('total-tickets').textContent = Mosaic.number(total.tickets);

  renderPeriods();
  renderCharts();
  renderBreakdown('by-channel', report.byChannel, channelName);
  renderBreakdown('by-store', report.byStore, (store) => store === null ? Mosaic.t('dashboard.noStore') : store);
  const known = document.getElementById('known-stores');
  known.replaceChildren(...report.byStore.filter((row) => row.key !== null).map((row) => {
    const option = document.createElement('option');
    option.value = row.key;
    return option;
  }));
  renderDetractors();
  for (const id of ['summary', 'charts', 'breakdowns', 'detractors-section']) {
    document.getElementById(id).hidden = false;
  }
}

function renderPeriods() {
  const body = document.getElementById('periods');
  body.replaceChildren();
  for (const period of report.periods) {
    const f = period.figures;
    const row = document.createElement('tr');
    cell(row, period.period, true);
    cell(row, signed(f.nps.score));
    cell(row, Mosaic.number(f.nps.answers));
    cell(row, percent(f.csat));
    cell(row, percent(f.ces));
    cell(row, percent(f.firstContactResolution));
    cell(row, minutes(f.firstResponseTime));
    cell(row, minutes(f.resolutionTime));
    cell(row, Mosaic.number(f.tickets));
    body.appendChild(row);
  }
}

function renderBreakdown(id, rows, name) {
  const body = document.getElementById(id);
  body.replaceChildren();
  if (rows.length === 0) {
    const row = document.createElement('tr');
    cell(row, Mosaic.t('dashboard.nothing')).colSpan = 7;
    body.appendChild(row);
  }
  for (const breakdown of rows) {
    const f = breakdown.figures;
    const row = document.createElement('tr');
    cell(row, name(breakdown.key), true);
    cell(row, Mosaic.number(breakdown.touchpoints));
    cell(row, signed(f.nps.score));
    cell(row, percent(f.csat));
    cell(row, percent(f.ces));
    cell(row, percent(f.firstContactResolution));
    cell(row, decimal(f.firstResponseTime.average));
    body.appendChild(row);
  }
}

function renderDetractors() {
  const body = document.getElementById('detractors');
  body.replaceChildren();
  for (const person of detractors.detractors) {
    const row = document.createElement('tr');
    cell(row, person.displayName || person.profileId, true);
    cell(row, String(person.score));
    cell(row, new Intl.DateTimeFormat(Mosaic.language, { dateStyle: 'medium', timeZone: 'UTC' })
        .format(new Date(person.answeredAt)));
    cell(row, person.campaignId || NONE);
    cell(row, person.channel ? channelName(person.channel) : NONE);
    cell(row, person.store || NONE);
    cell(row, Mosaic.t(person.emailConsent === true ? 'dashboard.yes'
        : person.emailConsent === false ? 'dashboard.no' : 'dashboard.unknown'));
    cell(row, Mosaic.t(person.needsAttention ? 'dashboard.yes' : 'dashboard.no'));
    cell(row, person.profileId).className = 'raw';
    body.appendChild(row);
  }
  const first = detractors.page * detractors.size;
  document.getElementById('detractors-summary').textContent = detractors.total === 0
      ? Mosaic.t('dashboard.noDetractors')
      : Mosaic.t('dashboard.detractorsShown', { first: first + 1, last: first + detractors.detractors.length,
        total: detractors.total });
  document.getElementById('previous').disabled = detractors.page === 0;
  document.getElementById('next').disabled = first + detractors.detractors.length >= detractors.total;
}

// --- charts -------------------------------------------------------------------------------------------------------

const BOX = { width: 600, height: 260, left: 52, right: 12, top: 12, bottom: 44 };

function element(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  if (text !== undefined) { node.textContent = text; }
  return node;
}

// The frame every chart shares: horizontal grid lines with their values, and the period labels below (every n-th
// one when there are many). Returns the x position of a period's centre and the y position of a value.
function frame(svg, min, max, ticks) {
  svg.replaceChildren();
  const periods = report.periods;
  const plotWidth = BOX.width - BOX.left - BOX.right;
  const plotHeight = BOX.height - BOX.top - BOX.bottom;
  const step = plotWidth / Math.max(periods.length, 1);
  const x = (index) => BOX.left + step * (index + 0.5);
  const y = (value) => BOX.top + plotHeight * (max - value) / (max - min);
  for (const tick of ticks) {
    svg.appendChild(element('line', { x1: BOX.left, x2: BOX.width - BOX.right, y1: y(tick), y2: y(tick),
      class: tick === 0 ? 'axis' : 'grid' }));
    svg.appendChild(element('text', { x: BOX.left - 6, y: y(tick) + 5, class: 'tick', 'text-anchor': 'end' },
        Mosaic.number(tick)));
  }
  const every = Math.ceil(periods.length / 12);
  periods.forEach((period, index) => {
    if (index % every === 0) {
      svg.appendChild(element('text', { x: x(index), y: BOX.height - BOX.bottom + 22, class: 'tick',
        'text-anchor': 'middle' }, period.period));
    }
  });
  return { x, y, step, base: y(Math.max(min, 0)) };
}

// One line per series; a period without a value breaks the line, a lone value shows as its dot.
function lines(svg, axes, series) {
  for (const { name, values, label } of series) {
    let path = '';
    let drawing = false;
    values.forEach((value, index) => {
      if (value === null) { drawing = false; return; }
      path += (drawing ? ' L ' : ' M ') + axes.x(index).toFixed(1) + ' ' + axes.y(value).toFixed(1);
      drawing = true;
    });
    if (path) { svg.appendChild(element('path', { d: path.trim(), class: 'line series-' + name })); }
    values.forEach((value, index) => {
      if (value === null) { return; }
      const dot = element('circle', { cx: axes.x(index), cy: axes.y(value), r: 5, class: 'dot series-' + name });
      dot.appendChild(element('title', {}, label + ' ' + report.periods[index].period + ': ' + decimal(value)));
      svg.appendChild(dot);
    });
  }
}

function niceMaximum(value) {
  if (value <= 0) { return 60; }
  const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    if (factor * magnitude >= value) { return factor * magnitude; }
  }
  return 10 * magnitude;
}

function renderCharts() {
  const figures = report.periods.map((period) => period.figures);

  const nps = document.getElementById('chart-nps');
  lines(nps, frame(nps, -100, 100, [-100, -50, 0, 50, 100]),
      [{ name: 'nps', label: Mosaic.t('dashboard.nps'), values: figures.map((f) => f.nps.score) }]);

  const shares = document.getElementById('chart-shares');
  lines(shares, frame(shares, 0, 100, [0, 25, 50, 75, 100]), [
    { name: 'csat', label: Mosaic.t('dashboard.csat'), values: figures.map((f) => f.csat.percent) },
    { name: 'ces', label: Mosaic.t('dashboard.ces'), values: figures.map((f) => f.ces.percent) },
    { name: 'fcr', label: Mosaic.t('dashboard.fcr'), values: figures.map((f) => f.firstContactResolution.percent) }]);

  const times = document.getElementById('chart-times');
  const largest = Math.max(0, ...figures.flatMap((f) => [f.firstResponseTime.average, f.resolutionTime.average])
      .filter((value) => value !== null));
  const top = niceMaximum(largest);
  const axes = frame(times, 0, top, [0, top / 4, top / 2, 3 * top / 4, top]);
  const width = Math.min(axes.step * 0.35, 28);
  figures.forEach((f, index) => {
    [['first-response', f.firstResponseTime.average, 'dashboard.firstResponse', -1],
      ['resolution', f.resolutionTime.average, 'dashboard.resolution', 0]].forEach(([name, value, label, side]) => {
      if (value === null) { return; }
      const bar = element('rect', { x: axes.x(index) + side * width, y: axes.y(value), width,
        height: Math.max(axes.base - axes.y(value), 1), class: 'bar series-' + name });
      bar.appendChild(element('title', {}, Mosaic.t(label) + ' ' + report.periods[index].period + ': '
          + Mosaic.t('dashboard.minutes', { value: decimal(value) })));
      times.appendChild(bar);
    });
  });
}

document.addEventListener('mosaic:language', () => {
  if (report && detractors) { render(); }
});
