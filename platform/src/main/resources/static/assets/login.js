// The form posts to Spring Security; the CSRF token comes from the XSRF-TOKEN cookie the server set.
(function () {
  const t = DubanI18n.t;
  DubanI18n.apply(document);
  // Read when the form is sent, not when the page opened: a sign-in in another tab changes the token.
  function token() {
    const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
  }
  // A workbench screen's address given while signed out (a bookmark, a link: the sign-in page inherits
  // it from the redirect) is opened once signed in, whoever signs in (the workbench's router.js). A
  // lapsed session's screen is kept by the workbench itself, with who was signed in, and stays.
  const RETURN_TO = 'duban.returnTo';
  if (location.hash.startsWith('#/') && !sessionStorage.getItem(RETURN_TO)) {
    sessionStorage.setItem(RETURN_TO, JSON.stringify({ path: location.hash.substring(1) }));
  }
  document.querySelector('form').addEventListener('submit', () => { document.getElementById('csrf').value = token(); });
  const params = new URLSearchParams(location.search);
  const message = document.getElementById('message');
  if (params.has('error')) {
    message.textContent = t('signInFailed');
    message.hidden = false;
  } else if (params.has('disabled')) {
    message.textContent = t('disabled');
    message.hidden = false;
  } else if (params.has('starting')) {
    message.textContent = t('starting');
    message.hidden = false;
  } else if (params.has('expired')) {
    message.textContent = t('expired');
    message.hidden = false;
  } else if (params.has('lapsed')) {
    // Not an error of the reader's: said as a notice, not in red.
    message.textContent = t('lapsed');
    message.classList.add('info');
    message.hidden = false;
  } else if (params.has('logout')) {
    message.textContent = t('signedOut');
    message.hidden = false;
  }
  document.getElementById('lang').addEventListener('click', e => {
    e.preventDefault();
    DubanI18n.toggle();
    location.reload();
  });
  document.getElementById('lang').textContent = DubanI18n.lang() === 'zh' ? 'English' : '中文';

  // Ready means ready: while the platform is starting (the demo loading, the accounts being read),
  // say so and hold the form back instead of answering every sign-in with "wrong password". Readiness
  // alone: the whole health is DOWN too while a read model fails, and sign-in works then.
  const button = document.getElementById('signin');
  const starting = document.getElementById('starting');
  async function waitUntilReady() {
    let up = false;
    try {
      const health = await fetch('/actuator/health/readiness', { headers: { Accept: 'application/json' } });
      up = health.ok && (await health.json()).status === 'UP';
    } catch (e) {
      up = false;
    }
    button.disabled = !up;
    starting.hidden = up;
    if (!up) {
      setTimeout(waitUntilReady, 1000);
    }
  }
  starting.textContent = t('starting');
  waitUntilReady();
})();
