const form = document.getElementById('lookup');
const message = document.getElementById('message');
const profileSection = document.getElementById('profile');

function text(id, value) {
  document.getElementById(id).textContent = value;
}

function say(key, params) {
  message.textContent = key ? Mosaic.t(key, params) : '';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  profileSection.hidden = true;
  say('lookup.searching');
  const email = document.getElementById('email').value;
  // POST would keep the email out of the URL; the lookup endpoint is GET by contract, so it stays out of history.
  let response;
  try {
    response = await Mosaic.request('GET', '/api/v1/profiles/lookup?type=email&value=' + encodeURIComponent(email));
  } catch (unreachable) {
    say('error.network');
    return;
  }
  if (response.status === 401) { say('error.key'); return; }
  if (response.status === 404) { say('lookup.notFound'); return; }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    message.textContent = problem.detail || Mosaic.t('lookup.failed', { status: response.status });
    return;
  }
  const profile = await response.json();
  say(null);
  text('profile-name', profile.displayName || Mosaic.t('lookup.noName'));
  text('profile-id', profile.profileId);
  text('profile-emails', profile.emails.join(', '));
  text('profile-phones', profile.phones.join(', '));
  text('profile-loyalty', profile.loyaltyIds.join(', '));
  const rows = document.getElementById('profile-records');
  rows.replaceChildren(...profile.sourceRecords.map((record) => {
    const row = document.createElement('tr');
    for (const value of [record.source, record.recordId,
        [record.firstName, record.lastName].filter(Boolean).join(' '), record.email || '', record.city || '']) {
      const cell = document.createElement('td');
      cell.textContent = value;
      row.appendChild(cell);
    }
    return row;
  }));
  profileSection.hidden = false;
});
