// The login page: user name and password start a session; then back to the page the person came from.
const loginForm = document.getElementById('login');
const message = document.getElementById('message');
const notice = document.getElementById('login-notice');
const params = new URLSearchParams(location.search);
let lastProblem = null;

// Only a page of this site, never another address (no open redirect), and never the login page itself.
function nextPage() {
  const next = params.get('next') || '/';
  return /^\/(?!\/)[\w\-./]*$/.test(next) && next !== '/login.html' ? next : '/';
}

function say(key, values) {
  lastProblem = key ? { key, values } : null;
  message.textContent = key ? Mosaic.t(key, values) : '';
}

function showNotice() {
  const reason = params.has('expired') ? 'login.expired' : params.has('signedOut') ? 'login.signedOut' : null;
  notice.textContent = reason ? Mosaic.t(reason) : '';
}

loginForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const userName = document.getElementById('user-name').value.trim();
  const password = document.getElementById('password').value;
  if (!userName || !password) { say('login.missing'); return; }
  const button = document.getElementById('sign-in');
  button.disabled = true;
  say('login.signingIn');
  let response;
  try {
    response = await Mosaic.request('POST', '/api/v1/session', { userName, password });
  } catch (unreachable) {
    button.disabled = false;
    say('error.network');
    return;
  }
  if (response.ok) {
    location.replace(nextPage());
    return;
  }
  button.disabled = false;
  document.getElementById('password').value = '';
  document.getElementById('password').focus();
  if (response.status === 401) { say('login.wrong'); return; }
  if (response.status === 429) {
    say('login.locked', { seconds: response.headers.get('Retry-After') || '60' });
    return;
  }
  if (response.status === 403) { say('login.noCookies'); return; }
  if (response.status === 400) { say('login.missing'); return; }
  say('login.failed', { status: response.status });
});

document.addEventListener('mosaic:language', () => {
  showNotice();
  if (lastProblem) { message.textContent = Mosaic.t(lastProblem.key, lastProblem.values); }
});

// Somebody already signed in goes straight on.
fetch('/api/v1/session', { credentials: 'same-origin' }).then((response) => {
  if (response.ok) { location.replace(nextPage()); }
}).catch(() => {});
showNotice();
document.getElementById('user-name').focus();
