const form = document.getElementById('lookup');
const keyInput = document.getElementById('api-key');
const message = document.getElementById('message');
const profileSection = document.getElementById('profile');

keyInput.value = sessionStorage.getItem('mosaic-api-key') || '';

function text(id, value) {
  document.getElementById(id).textContent = value;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  sessionStorage.setItem('mosaic-api-key', keyInput.value);
  profileSection.hidden = true;
  message.textContent = 'Searching…';
  const email = document.getElementById('email').value;
  // POST would keep the email out of the URL; the lookup endpoint is GET by contract, so it stays out of history.
  const response = await fetch('/api/v1/profiles/lookup?type=email&value=' + encodeURIComponent(email),
      { headers: { 'X-API-Key': keyInput.value } });
  if (response.status === 401) { message.textContent = 'The API key was not accepted.'; return; }
  if (response.status === 404) { message.textContent = 'No customer has this email address.'; return; }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    message.textContent = problem.detail || 'The lookup failed (' + response.status + ').';
    return;
  }
  const profile = await response.json();
  message.textContent = '';
  text('profile-name', profile.displayName || '(no name)');
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
