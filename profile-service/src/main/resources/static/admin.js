// The administrator's page: people who sign in and API keys, each with roles (created, changed, disabled or revoked),
// secrets shown once with a copy button, and the erasure of a person after a typed confirmation.
const ROLES = ['STAFF', 'MARKETER', 'STEWARD', 'SYSTEM', 'ADMIN'];
const message = document.getElementById('message');
let people = [];
let keys = [];
let lastSay = null;
let rolesTarget = null;
let erasing = null;
let erasedReport = null;

function say(key, params) {
  lastSay = key ? { key, params } : null;
  message.textContent = key ? Mosaic.t(key, params) : '';
}

// The answer's JSON, or null after saying in plain words what went wrong.
async function call(method, path, body) {
  const answer = await Mosaic.call(method, path, body, { failed: 'admin.failed' });
  if (!answer.error) { return answer.value; }
  if (answer.error.key) {
    say(answer.error.key, answer.error.params);
  } else {
    lastSay = null;
    message.textContent = answer.error.text;
  }
  return null;
}

function roleCheckboxes(fieldset, prefix, chosen = []) {
  fieldset.querySelectorAll('label').forEach((label) => label.remove());
  for (const role of ROLES) {
    const label = document.createElement('label');
    label.className = 'role';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = prefix + '-' + role.toLowerCase();
    box.value = role;
    box.checked = chosen.includes(role);
    const name = document.createElement('span');
    name.dataset.i18n = 'admin.role.' + role;
    name.textContent = Mosaic.t('admin.role.' + role);
    label.append(box, name);
    fieldset.appendChild(label);
  }
}

function chosenRoles(fieldset) {
  return [...fieldset.querySelectorAll('input:checked')].map((box) => box.value);
}

function roleNames(roles) {
  return roles.map((role) => Mosaic.t('admin.role.' + role)).join(', ');
}

function date(instant) {
  return instant ? new Intl.DateTimeFormat(Mosaic.language, { dateStyle: 'medium', timeStyle: 'short' })
      .format(new Date(instant)) : '';
}

function cell(row, value) {
  const td = document.createElement('td');
  td.textContent = value;
  row.appendChild(td);
  return td;
}

function actionButton(parent, textKey, label, onClick, className) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = Mosaic.t(textKey);
  button.setAttribute('aria-label', Mosaic.t(textKey) + ' – ' + label);
  if (className) { button.className = className; }
  button.addEventListener('click', onClick);
  parent.appendChild(button);
  return button;
}

function showSecret(textKey, name, secret) {
  document.getElementById('secret-what').textContent = Mosaic.t(textKey, { name });
  document.getElementById('copy-status').textContent = '';
  document.getElementById('secret-value').value = secret;
  const section = document.getElementById('secret');
  section.hidden = false;
  section.scrollIntoView({ block: 'start' });
  document.getElementById('copy-secret').focus();
}

function showPeople() {
  document.getElementById('people').replaceChildren(...people.map((person) => {
    const row = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = person.userName;
    row.appendChild(th);
    cell(row, person.displayName);
    cell(row, roleNames(person.roles));
    cell(row, Mosaic.t(person.enabled ? 'admin.active' : 'admin.disabled'));
    const actions = cell(row, '');
    actions.className = 'actions';
    actionButton(actions, 'admin.editRoles', person.userName, () => editRoles({ person }));
    if (person.enabled) {
      actionButton(actions, 'admin.resetPassword', person.userName, () => resetPassword(person));
      actionButton(actions, 'admin.disable', person.userName, () => setEnabled(person, false), 'danger');
    } else {
      actionButton(actions, 'admin.enable', person.userName, () => setEnabled(person, true));
    }
    return row;
  }));
}

function showKeys() {
  document.getElementById('keys').replaceChildren(...keys.map((key) => {
    const row = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = key.name;
    row.appendChild(th);
    cell(row, roleNames(key.roles));
    cell(row, date(key.createdAt));
    cell(row, key.active ? Mosaic.t('admin.active') : Mosaic.t('admin.revokedOn', { date: date(key.revokedAt) }));
    const actions = cell(row, '');
    actions.className = 'actions';
    if (key.active) {
      actionButton(actions, 'admin.editRoles', key.name, () => editRoles({ key }));
      actionButton(actions, 'admin.revoke', key.name, () => revoke(key), 'danger');
    }
    return row;
  }));
}

async function loadPeople() {
  const listed = await call('GET', '/api/v1/admin/users');
  if (listed) { people = listed; showPeople(); }
}

async function loadKeys() {
  const listed = await call('GET', '/api/v1/admin/keys');
  if (listed) { keys = listed; showKeys(); }
}

document.getElementById('new-person').addEventListener('submit', async (event) => {
  event.preventDefault();
  const roles = chosenRoles(document.getElementById('person-roles'));
  if (roles.length === 0) { say('admin.chooseRole'); return; }
  const password = document.getElementById('person-password').value;
  const created = await call('POST', '/api/v1/admin/users', {
    userName: document.getElementById('person-user-name').value.trim(),
    displayName: document.getElementById('person-display-name').value.trim(),
    roles,
    password: password || undefined,
  });
  if (!created) { return; }
  event.target.reset();
  say('admin.personAdded', { name: created.displayName });
  if (created.generatedPassword) { showSecret('admin.secretPassword', created.userName, created.generatedPassword); }
  loadPeople();
});

document.getElementById('new-key').addEventListener('submit', async (event) => {
  event.preventDefault();
  const roles = chosenRoles(document.getElementById('key-roles'));
  if (roles.length === 0) { say('admin.chooseRole'); return; }
  const created = await call('POST', '/api/v1/admin/keys',
      { name: document.getElementById('key-name').value.trim(), roles });
  if (!created) { return; }
  event.target.reset();
  say('admin.keyCreated', { name: created.name });
  showSecret('admin.secretKey', created.name, created.secret);
  loadKeys();
});

async function resetPassword(person) {
  if (!window.confirm(Mosaic.t('admin.confirmReset', { name: person.displayName }))) { return; }
  const reset = await call('POST', '/api/v1/admin/users/' + encodeURIComponent(person.userName) + '/password', {});
  if (reset) { say(null); showSecret('admin.secretPassword', reset.userName, reset.generatedPassword); }
}

async function setEnabled(person, enabled) {
  if (!enabled && !window.confirm(Mosaic.t('admin.confirmDisable', { name: person.displayName }))) { return; }
  const changed = await call('PUT', '/api/v1/admin/users/' + encodeURIComponent(person.userName),
      { displayName: person.displayName, roles: person.roles, enabled });
  if (changed) {
    say(enabled ? 'admin.enabledDone' : 'admin.disabledDone', { name: person.displayName });
    loadPeople();
  }
}

async function revoke(key) {
  if (!window.confirm(Mosaic.t('admin.confirmRevoke', { name: key.name }))) { return; }
  if (await call('DELETE', '/api/v1/admin/keys/' + encodeURIComponent(key.id))) {
    say('admin.revoked', { name: key.name });
    loadKeys();
  }
}

const rolesDialog = document.getElementById('roles-dialog');

function editRoles(target) {
  rolesTarget = target;
  const name = target.person ? target.person.displayName : target.key.name;
  document.getElementById('roles-dialog-title').textContent = Mosaic.t('admin.editRolesOf', { name });
  document.getElementById('roles-dialog-message').textContent = '';
  roleCheckboxes(document.getElementById('dialog-roles'), 'dialog-role',
      target.person ? target.person.roles : target.key.roles);
  rolesDialog.showModal();
}

document.getElementById('roles-cancel').addEventListener('click', () => rolesDialog.close());

document.getElementById('roles-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const roles = chosenRoles(document.getElementById('dialog-roles'));
  if (roles.length === 0) {
    document.getElementById('roles-dialog-message').textContent = Mosaic.t('admin.chooseRole');
    return;
  }
  const { person, key } = rolesTarget;
  const saved = person
      ? await call('PUT', '/api/v1/admin/users/' + encodeURIComponent(person.userName),
          { displayName: person.displayName, roles, enabled: person.enabled })
      : await call('PUT', '/api/v1/admin/keys/' + encodeURIComponent(key.id) + '/roles', { roles });
  rolesDialog.close();
  if (saved) {
    say('admin.rolesSaved', { name: person ? person.displayName : key.name });
    if (person) { loadPeople(); } else { loadKeys(); }
  }
});

document.getElementById('copy-secret').addEventListener('click', async () => {
  const field = document.getElementById('secret-value');
  const status = document.getElementById('copy-status');
  try {
    await navigator.clipboard.writeText(field.value);
    status.textContent = Mosaic.t('admin.copied');
  } catch (refused) {
    // Without the clipboard API (not https, or not allowed) the selection is copied the old way.
    field.select();
    status.textContent = Mosaic.t(document.execCommand && document.execCommand('copy') ? 'admin.copied'
        : 'admin.copyFailed');
  }
});

document.getElementById('secret-done').addEventListener('click', () => {
  document.getElementById('secret-value').value = '';
  document.getElementById('secret').hidden = true;
  say(null);
});

const eraseConfirm = document.getElementById('erase-confirm');
const eraseTyped = document.getElementById('erase-typed');
const eraseNow = document.getElementById('erase-now');

function showErasing() {
  if (!erasing) { return; }
  document.getElementById('erase-who').textContent = Mosaic.t('admin.eraseWho',
      { name: erasing.displayName || Mosaic.t('lookup.noName'), id: erasing.profileId,
        records: Mosaic.number(erasing.sourceRecords.length) });
}

function showErased() {
  if (!erasedReport) { return; }
  document.getElementById('erase-done').textContent = Mosaic.t('admin.erased', { id: erasedReport.profileId });
  document.getElementById('erased-records').textContent = Mosaic.number(erasedReport.records);
  document.getElementById('erased-identifiers').textContent = Mosaic.number(erasedReport.identifiers);
  document.getElementById('erased-files').textContent = Mosaic.number(erasedReport.uploadedFiles);
  document.getElementById('erased-reimport').textContent =
      Mosaic.t(erasedReport.reimportBringsBack ? 'admin.reimportReturns' : 'admin.reimportSkipped');
}

document.getElementById('erase-check').addEventListener('submit', async (event) => {
  event.preventDefault();
  erasing = null;
  eraseConfirm.hidden = true;
  document.getElementById('erase-result').hidden = true;
  const id = document.getElementById('erase-profile').value.trim();
  if (!id) { return; }
  let response;
  try {
    response = await Mosaic.request('GET', '/api/v1/profiles/' + encodeURIComponent(id));
  } catch (unreachable) {
    say('error.network');
    return;
  }
  if (response.status === 404) { say('admin.noProfile'); return; }
  if (!response.ok) { say('admin.failed', { status: response.status }); return; }
  erasing = await response.json();
  say(null);
  showErasing();
  eraseTyped.value = '';
  eraseNow.disabled = true;
  eraseConfirm.hidden = false;
  eraseTyped.focus();
});

eraseTyped.addEventListener('input', () => {
  eraseNow.disabled = !erasing || eraseTyped.value.trim() !== erasing.profileId;
});

eraseConfirm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!erasing || eraseTyped.value.trim() !== erasing.profileId) { return; }
  eraseNow.disabled = true;
  const report = await call('DELETE', '/api/v1/profiles/' + encodeURIComponent(erasing.profileId));
  if (!report) { eraseNow.disabled = false; return; }
  erasedReport = report;
  erasing = null;
  eraseConfirm.hidden = true;
  document.getElementById('erase-profile').value = '';
  showErased();
  document.getElementById('erase-result').hidden = false;
  say(null);
});

document.addEventListener('mosaic:language', () => {
  if (lastSay) { message.textContent = Mosaic.t(lastSay.key, lastSay.params); }
  showPeople();
  showKeys();
  showErasing();
  showErased();
});

roleCheckboxes(document.getElementById('person-roles'), 'person-role', ['STAFF']);
roleCheckboxes(document.getElementById('key-roles'), 'key-role', ['SYSTEM']);
document.addEventListener('mosaic:account', (event) => {
  if (event.detail.roles.includes('ADMIN')) { loadPeople(); loadKeys(); }
});
