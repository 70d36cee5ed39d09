const uploadForm = document.getElementById('upload');
const fileInput = document.getElementById('file');
const typeSelect = document.getElementById('type');
const mappingSelect = document.getElementById('mapping');
const startButton = document.getElementById('start');
const message = document.getElementById('message');
const importSection = document.getElementById('import');
const progressBar = document.getElementById('progress');
const progressText = document.getElementById('progress-text');
const progressRate = document.getElementById('progress-rate');
const moreButton = document.getElementById('quarantine-more');
const failure = document.getElementById('failure');
const quarantineSection = document.getElementById('quarantine');

const FINISHED = ['COMPLETED', 'FAILED', 'STOPPED'];
const QUARANTINE_PAGE = 100;
let lastStatus = null;
let lastQuarantine = null; // { importId, total, rows, nextPage }
let uploadPercent = null;

// A mapping names the type it maps onto, so picking one picks the type as well.
mappingSelect.addEventListener('change', () => {
  const mapped = mappingSelect.selectedOptions[0].dataset.type;
  if (mapped) { typeSelect.value = mapped; }
  typeSelect.disabled = Boolean(mapped);
});

function say(text) {
  message.textContent = text || '';
}

async function problemText(response) {
  const problem = await response.json().catch(() => ({}));
  return problem.detail || '';
}

// The upload's progress matters for a large file, so the request follows it (Mosaic.request goes through
// XMLHttpRequest for that).
async function upload(file) {
  const params = new URLSearchParams({ type: typeSelect.value });
  if (mappingSelect.value) { params.set('mapping', mappingSelect.value); }
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await Mosaic.request('POST', '/api/v1/imports?' + params, body, {
    onUploadProgress: (event) => {
      if (event.lengthComputable) {
        uploadPercent = Math.floor(100 * event.loaded / event.total);
        progressBar.value = event.loaded / event.total;
        progressText.textContent = Mosaic.t('imports.uploading', { percent: uploadPercent });
      }
    },
  });
  return { status: response.status, body: await response.json().catch(() => ({})) };
}

uploadForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = fileInput.files[0];
  if (!file) { say(Mosaic.t('imports.chooseFile')); return; }
  say('');
  lastStatus = null;
  lastQuarantine = null;
  quarantineSection.hidden = true;
  failure.hidden = true;
  progressRate.hidden = true;
  importSection.hidden = false;
  document.getElementById('import-title').textContent = file.name;
  progressBar.value = 0;
  startButton.disabled = true;
  let answer;
  try {
    answer = await upload(file);
  } catch (unreachable) {
    startButton.disabled = false;
    importSection.hidden = true;
    say(Mosaic.t('error.network'));
    return;
  }
  uploadPercent = null;
  if (answer.status !== 202) {
    startButton.disabled = false;
    importSection.hidden = true;
    if (answer.status === 401) { say(Mosaic.t('error.key')); return; }
    const detail = answer.body.detail;
    say(detail ? Mosaic.t('imports.refused', { detail }) : Mosaic.t('imports.failedToStart', { status: answer.status }));
    return;
  }
  const importId = answer.body.importId;
  // The import id (no personal data) in the fragment lets a reload pick the import up again.
  history.replaceState(null, '', '#import=' + encodeURIComponent(importId));
  await watch(importId);
  startButton.disabled = false;
});

async function watch(importId) {
  let misses = 0;
  while (true) {
    let response;
    try {
      response = await Mosaic.request('GET', '/api/v1/imports/' + encodeURIComponent(importId));
    } catch (unreachable) {
      response = null;
    }
    if (response && response.status === 401) { say(Mosaic.t('error.key')); return; }
    if (!response || !response.ok) {
      if (++misses >= 10) { say(Mosaic.t('imports.lostTrack')); return; }
    } else {
      misses = 0;
      lastStatus = await response.json();
      showStatus();
      if (FINISHED.includes(lastStatus.status)) {
        await showQuarantine(importId);
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function showStatus() {
  if (!lastStatus) { return; }
  const status = lastStatus;
  importSection.hidden = false;
  document.getElementById('import-title').textContent = status.file;
  const counts = status.counts;
  for (const name of ['read', 'imported', 'updated', 'unchanged', 'quarantined']) {
    document.getElementById('count-' + name).textContent = Mosaic.number(counts[name]);
  }
  const state = Mosaic.t('imports.state.' + status.status) || status.status;
  let detail;
  if (status.progress !== null && status.progress !== undefined) {
    progressBar.value = status.progress;
    const expected = status.status === 'COMPLETED' ? counts.read : Math.max(status.expectedRows, counts.read);
    detail = Mosaic.t('imports.rowsOf', { read: Mosaic.number(counts.read), expected: Mosaic.number(expected),
      percent: Math.floor(status.progress * 100) });
  } else {
    progressBar.removeAttribute('value'); // an unknown total: the bar shows activity without a share
    detail = Mosaic.t('imports.rows', { read: Mosaic.number(counts.read) });
  }
  progressText.textContent = state + ': ' + detail;
  progressBar.setAttribute('aria-valuetext', progressText.textContent);
  // Rows per second and the time left, as the server measures them (null: not known yet, or no longer reading).
  const rate = [];
  if (status.rowsPerSecond !== null && status.rowsPerSecond !== undefined) {
    rate.push(Mosaic.t('imports.rate', { rate: Mosaic.number(Math.round(status.rowsPerSecond)) }));
  }
  if (status.etaSeconds !== null && status.etaSeconds !== undefined) {
    rate.push(Mosaic.t('imports.eta', { eta: duration(status.etaSeconds) }));
  }
  progressRate.textContent = rate.join(' · ');
  progressRate.hidden = rate.length === 0;
  failure.hidden = !status.failure;
  failure.textContent = status.failure ? Mosaic.t('imports.failure', { failure: status.failure }) : '';
}

function duration(seconds) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  if (h > 0) { return Mosaic.t('duration.hours', { h, m: String(m).padStart(2, '0') }); }
  if (m > 0) { return Mosaic.t('duration.minutes', { m, s }); }
  return Mosaic.t('duration.seconds', { s: seconds });
}

// The quarantine comes in pages: the first is listed when the import ends, more on request.
async function showQuarantine(importId, page = 0) {
  let response;
  try {
    response = await Mosaic.request('GET', '/api/v1/imports/' + encodeURIComponent(importId)
        + '/quarantine?size=' + QUARANTINE_PAGE + '&page=' + page);
  } catch (unreachable) {
    say(Mosaic.t('error.network'));
    return;
  }
  if (!response.ok) { say(await problemText(response) || Mosaic.t('error.network')); return; }
  const answer = await response.json();
  const earlier = page > 0 && lastQuarantine && lastQuarantine.importId === importId ? lastQuarantine.rows : [];
  lastQuarantine = { importId, total: answer.total, rows: earlier.concat(answer.rows), nextPage: page + 1 };
  showQuarantineRows();
}

moreButton.addEventListener('click', () => {
  if (lastQuarantine) { showQuarantine(lastQuarantine.importId, lastQuarantine.nextPage); }
});

function showQuarantineRows() {
  if (!lastQuarantine) { return; }
  const { rows, total } = lastQuarantine;
  let summary = total === 0 ? Mosaic.t('quarantine.none') : Mosaic.t('quarantine.some', { count: Mosaic.number(total) });
  if (rows.length < total) { summary += ' ' + Mosaic.t('quarantine.shown', { shown: Mosaic.number(rows.length) }); }
  document.getElementById('quarantine-summary').textContent = summary;
  document.getElementById('quarantine-table').hidden = rows.length === 0;
  moreButton.hidden = rows.length >= total;
  document.getElementById('quarantine-rows').replaceChildren(...rows.map((quarantined) => {
    const row = document.createElement('tr');
    const cells = [Mosaic.number(quarantined.row), quarantined.reason, quarantined.rawRow];
    cells.forEach((value, index) => {
      const cell = document.createElement(index === 0 ? 'th' : 'td');
      if (index === 0) { cell.scope = 'row'; }
      if (index === 2) { cell.className = 'raw'; }
      cell.textContent = value;
      row.appendChild(cell);
    });
    return row;
  }));
  quarantineSection.hidden = false;
}

// Texts built from a status follow a switch of the language.
document.addEventListener('mosaic:language', () => {
  if (uploadPercent === null) { showStatus(); }
  showQuarantineRows();
});

const resumed = /^#import=(\d+)$/.exec(location.hash);
if (resumed) { watch(resumed[1]); }
