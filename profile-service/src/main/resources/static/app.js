// The store-staff lookup: one field that searches as the person types (name with typos, email, phone in any format,
// loyalty card), a list of large rows to tap, then the customer's card. What is typed is sent to the search API only:
// it never becomes part of this page's URL (no form submission, no history entry).
const DEBOUNCE_MS = 200;
const MIN_CHARS = 2;
const RESULTS = 10;
const TIMELINE_PAGE = 10;

const form = document.getElementById('lookup');
const query = document.getElementById('q');
const message = document.getElementById('message');
const results = document.getElementById('results');
const card = document.getElementById('card');

let typing = null;
let searchCount = 0;
let found = null; // the last search answer, kept to draw again when the language changes
let shown = null; // { profile, purchases, tickets, timeline: [entries], page, totalPages }

function say(key, params, isError) {
  message.textContent = key ? Mosaic.t(key, params) : '';
  message.classList.toggle('error', Boolean(isError));
}

function element(tag, className, text) {
  const created = document.createElement(tag);
  if (className) { created.className = className; }
  if (text !== undefined && text !== null) { created.textContent = text; }
  return created;
}

function date(iso) {
  return iso ? new Intl.DateTimeFormat(Mosaic.language, { dateStyle: 'medium' }).format(new Date(iso)) : '';
}

// A code translated where the texts know it ('channel.web'), shown as it is otherwise.
function label(prefix, code) {
  const text = Mosaic.t(prefix + code);
  return text === prefix + code ? code.replace(/_/g, ' ') : text;
}

function category(name) {
  return (name || '').replace(/_/g, ' ');
}

function money(amount, currency) {
  if (amount === null || amount === undefined) { return ''; }
  try {
    return new Intl.NumberFormat(Mosaic.language, { style: 'currency', currency: currency || 'EUR' }).format(amount);
  } catch (unknownCurrency) {
    return Mosaic.number(amount) + (currency ? ' ' + currency : '');
  }
}

function percent(share) {
  return new Intl.NumberFormat(Mosaic.language, { maximumFractionDigits: 1 }).format(share);
}

// A failed request says why in plain words; true when it failed.
async function failed(response) {
  if (response.ok) { return false; }
  if (response.status === 401) { say('error.key', {}, true); return true; }
  if (response.status === 403) { say('error.role', {}, true); return true; }
  const problem = await response.json().catch(() => ({}));
  message.textContent = problem.detail || Mosaic.t('lookup.failed', { status: response.status });
  message.classList.add('error');
  return true;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typing);
  search();
  query.blur(); // the on-screen keyboard goes away; the results are tapped
});

query.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(search, DEBOUNCE_MS);
});

async function search() {
  const text = query.value.trim();
  const mine = ++searchCount;
  card.hidden = true;
  form.classList.remove('with-card');
  results.hidden = false;
  if (text.length < MIN_CHARS) {
    found = null;
    results.replaceChildren();
    say(text ? 'lookup.keepTyping' : null);
    return;
  }
  say('lookup.searching');
  let response;
  try {
    response = await Mosaic.request('GET', '/api/v1/profiles/search?size=' + RESULTS + '&q=' + encodeURIComponent(text));
  } catch (unreachable) {
    if (mine === searchCount) { say('error.network', {}, true); }
    return;
  }
  if (mine !== searchCount) { return; } // a later keystroke has its own answer coming
  if (await failed(response)) { results.replaceChildren(); return; }
  const page = await response.json();
  if (mine !== searchCount) { return; }
  found = page;
  drawResults();
}

function drawResults() {
  if (!found) { return; }
  say(found.total === 0 ? 'lookup.none' : (found.total === 1 ? 'lookup.foundOne' : 'lookup.found'),
      { count: Mosaic.number(found.total), shown: found.hits.length });
  results.replaceChildren(...found.hits.map((hit) => {
    const item = element('li');
    const row = element('button', 'result');
    row.type = 'button';
    row.dataset.profile = hit.profileId;
    row.appendChild(element('span', 'result-name', hit.displayName || Mosaic.t('lookup.noName')));
    row.appendChild(element('span', 'result-city', hit.city || ''));
    const badges = element('span', 'badges');
    (hit.badges || []).forEach((badge) => badges.appendChild(element('span', 'badge ' + badge, Mosaic.t('badge.' + badge))));
    row.appendChild(badges);
    row.addEventListener('click', () => open(hit.profileId));
    item.appendChild(row);
    return item;
  }));
}

async function open(profileId) {
  // A tap wins over a search still waiting or under way: its answer must not close the card being opened.
  clearTimeout(typing);
  searchCount++;
  query.blur();
  say('lookup.loading');
  const base = '/api/v1/profiles/' + encodeURIComponent(profileId);
  let answers;
  try {
    answers = await Promise.all([
      Mosaic.request('GET', base),
      Mosaic.request('GET', base + '/timeline?size=' + TIMELINE_PAGE),
      Mosaic.request('GET', base + '/timeline?kind=purchase&size=5'),
      Mosaic.request('GET', base + '/timeline?kind=ticket&size=50')]);
  } catch (unreachable) {
    say('error.network', {}, true);
    return;
  }
  for (const response of answers) {
    if (response.status === 404) { say('lookup.gone', {}, true); return; }
    if (await failed(response)) { return; }
  }
  const [profile, timeline, purchases, tickets] = await Promise.all(answers.map((response) => response.json()));
  shown = { profile, timeline: timeline.entries, page: 0, totalPages: timeline.totalPages,
    purchases: purchases.entries, tickets: tickets.entries.filter(isOpen) };
  say(null);
  drawCard();
  results.hidden = true;
  card.hidden = false;
  form.classList.add('with-card');
  window.scrollTo(0, 0);
  document.getElementById('back').focus({ preventScroll: true });
}

function isOpen(entry) {
  const ticket = entry.ticket;
  return ticket && !ticket.resolvedAt && !['resolved', 'closed'].includes((ticket.status || '').toLowerCase());
}

function drawCard() {
  if (!shown) { return; }
  const p = shown.profile;
  document.getElementById('card-name').textContent = p.displayName || Mosaic.t('lookup.noName');
  const loyalty = (p.golden && p.golden.loyaltyId && p.golden.loyaltyId.value) || (p.loyaltyIds || []).join(', ');
  document.getElementById('card-loyalty').textContent = loyalty || Mosaic.t('card.none');
  const city = (p.golden && p.golden.address && p.golden.address.city) || (p.cities || [])[0] || '';
  document.getElementById('card-city').textContent = city;
  document.getElementById('card-contact').textContent =
      [(p.emails || [])[0], (p.phones || [])[0]].filter(Boolean).join(' · ');
  drawBadges(p.cx || {});
  drawAttention(p.cx && p.cx.needsAttention);
  drawOffers(p.nextBestOffers);
  const categories = document.getElementById('card-categories');
  const top = (p.purchases && p.purchases.topCategories) || [];
  categories.replaceChildren(...(top.length ? top.map((c) => element('li', 'chip',
      Mosaic.t('card.categoryBought', { category: category(c.category), quantity: Mosaic.number(c.quantity) })))
    : [element('li', 'none', Mosaic.t('card.noPurchases'))]));
  drawEntries('card-purchases', shown.purchases, purchaseLine, 'card.noPurchases');
  drawEntries('card-tickets', shown.tickets, ticketLine, 'card.noTickets');
  drawConsent(p.golden || {});
  drawEntries('card-timeline', shown.timeline, timelineLine, 'card.noTimeline', true);
  document.getElementById('timeline-more').hidden = shown.page + 1 >= shown.totalPages;
}

function drawBadges(cx) {
  const badges = [];
  if (cx.nps) {
    const nps = 'nps_' + cx.nps.category.toLowerCase();
    badges.push(element('li', 'badge ' + nps,
        Mosaic.t('badge.npsScore', { category: Mosaic.t('badge.' + nps), score: cx.nps.score })));
  }
  if (cx.csat) {
    badges.push(element('li', 'badge csat' + (cx.csat.percent < 50 ? ' low' : ''), Mosaic.t('badge.csat',
        { percent: percent(cx.csat.percent), matching: cx.csat.matching, total: cx.csat.total })));
  }
  if (cx.health) { badges.push(element('li', 'badge health', Mosaic.t('badge.health', { score: cx.health.score }))); }
  if (cx.churnRisk && cx.churnRisk.level === 'HIGH') {
    badges.push(element('li', 'badge churn_risk_high', Mosaic.t('badge.churn_risk_high')));
  }
  if (!badges.length) { badges.push(element('li', 'badge', Mosaic.t('badge.noScores'))); }
  document.getElementById('card-badges').replaceChildren(...badges);
}

function drawAttention(attention) {
  const banner = document.getElementById('card-attention');
  banner.hidden = !(attention && attention.needed);
  document.getElementById('card-attention-reasons').replaceChildren(
      ...((attention && attention.reasons) || []).map((reason) => element('li', null, readableTimes(reason))));
}

// The reasons come from the server with ISO times (2025-01-15T10:00:00Z); staff read a date.
function readableTimes(text) {
  return text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z/g, (iso) => date(iso));
}

function drawOffers(offers) {
  const list = document.getElementById('card-offers');
  if (!offers || !offers.length) {
    list.replaceChildren(element('li', 'none', Mosaic.t(offers ? 'card.noOffers' : 'card.offersUnavailable')));
    return;
  }
  list.replaceChildren(...offers.map((offer) => {
    const item = element('li', 'offer-item');
    item.appendChild(element('strong', 'offer-category', category(offer.category)));
    item.appendChild(element('span', 'offer-why', Mosaic.t('card.offerWhy', {
      customers: Mosaic.number(offer.customers), of: Mosaic.number(offer.becauseCustomers),
      because: category(offer.because), percent: percent(offer.confidence * 100) })));
    return item;
  }));
}

function drawEntries(id, entries, line, emptyKey, withKind) {
  const list = document.getElementById(id);
  list.replaceChildren(...(entries.length ? entries.map((entry) => {
    const item = element('li', 'entry ' + entry.kind);
    const when = element('span', 'when', date(entry.at));
    if (withKind) { when.appendChild(element('span', 'kind', label('kind.', entry.kind))); }
    item.appendChild(when);
    item.appendChild(element('span', 'what', line(entry)));
    return item;
  }) : [element('li', 'none', Mosaic.t(emptyKey))]));
}

function purchaseLine(entry) {
  const p = entry.purchase;
  const name = p.productName || p.sku || category(p.category);
  const where = p.storeId ? Mosaic.t('card.inStore', { store: p.storeId }) : label('channel.', p.channel || 'unknown');
  return (p.returned ? Mosaic.t('card.returned') + ' ' : '') + p.quantity + ' × ' + name + ' · '
      + money(p.unitPrice, p.currency) + ' · ' + where;
}

function ticketLine(entry) {
  const t = entry.ticket;
  return [t.subject || Mosaic.t('card.ticket'), t.status, t.channel && label('channel.', t.channel)]
      .filter(Boolean).join(' · ');
}

function timelineLine(entry) {
  return entry.summary;
}

function drawConsent(golden) {
  const list = document.getElementById('card-consent');
  list.replaceChildren();
  for (const [label, consent] of [['consent.email', golden.emailConsent], ['consent.sms', golden.smsConsent]]) {
    list.appendChild(element('dt', null, Mosaic.t(label)));
    const granted = consent ? consent.granted : null;
    list.appendChild(element('dd', 'consent ' + (granted === true ? 'yes' : granted === false ? 'no' : 'unknown'),
        Mosaic.t(granted === true ? 'consent.yes' : granted === false ? 'consent.no' : 'consent.unknown')));
  }
}

document.getElementById('back').addEventListener('click', () => {
  card.hidden = true;
  form.classList.remove('with-card');
  results.hidden = false;
  drawResults();
  const first = results.querySelector('button');
  if (first) { first.focus(); }
});

document.getElementById('timeline-more').addEventListener('click', async () => {
  const next = shown.page + 1;
  let response;
  try {
    response = await Mosaic.request('GET', '/api/v1/profiles/' + encodeURIComponent(shown.profile.profileId)
        + '/timeline?size=' + TIMELINE_PAGE + '&page=' + next);
  } catch (unreachable) {
    say('error.network', {}, true);
    return;
  }
  if (await failed(response)) { return; }
  const page = await response.json();
  shown.timeline = shown.timeline.concat(page.entries);
  shown.page = next;
  shown.totalPages = page.totalPages;
  drawCard();
});

document.addEventListener('mosaic:language', () => {
  if (!card.hidden) { drawCard(); } else if (found) { drawResults(); }
});
