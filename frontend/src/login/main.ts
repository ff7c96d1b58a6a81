import '../shared/style.css';
import { fetchMe, homeFor, returnUrlFrom, signIn, signOut, type Me } from '../shared/auth';
import { byId, esc } from '../shared/dom';
import { lang, t, toggleLang } from '../shared/i18n';

// The sign-in page (login.html): user name and password → POST /api/auth/signin (cookie), then back to the page the
// user came from (?returnUrl=, a path on this site only) or their role's home page.

document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
document.title = t('signInTitle');
byId('header').innerHTML = `
  <h1 data-testid="view-title">${esc(t('signInTitle'))}</h1>
  <div class="header-right"><button class="lang" data-testid="lang-switch" type="button">${esc(t('lang'))}</button></div>`;
byId('header').querySelector('.lang')!.addEventListener('click', toggleLang);

const returnUrl = new URLSearchParams(location.search).has('returnUrl') ? returnUrlFrom(location.search) : null;

byId('app').innerHTML = `
  <div class="login-wrap">
    <form class="login-card" id="signin" data-testid="signin-form" autocomplete="on" novalidate>
      <h2>${esc(t('signIn'))}</h2>
      <div id="already" class="login-note" data-testid="already-signed-in" hidden></div>
      <label for="userName">${esc(t('userName'))}</label>
      <input id="userName" name="userName" data-testid="signin-user-name" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus />
      <label for="password">${esc(t('password'))}</label>
      <input id="password" name="password" type="password" data-testid="signin-password" autocomplete="current-password" required />
      <div class="buttons"><button class="primary" type="submit" data-testid="signin-submit">${esc(t('signIn'))}</button></div>
      <div id="error" class="login-error" data-testid="signin-error" role="alert" aria-live="assertive"></div>
      ${returnUrl ? `<div class="login-note" data-testid="signin-required">${esc(t('signInRequired'))}</div>` : ''}
    </form>
  </div>`;

const form = byId<HTMLFormElement>('signin');
const userName = byId<HTMLInputElement>('userName');
const password = byId<HTMLInputElement>('password');
const submit = form.querySelector<HTMLButtonElement>('[data-testid="signin-submit"]')!;
const error = byId('error');
let waitUntil = 0;
let waitTimer: ReturnType<typeof setInterval> | null = null;

function showError(text: string, kind: string): void {
  error.textContent = text;
  error.dataset.kind = kind;
}

function clearError(): void {
  error.textContent = '';
  delete error.dataset.kind;
}

/** 429: the wait counts down on the page, and the button stays off until it is over. */
function waitOut(seconds: number): void {
  waitUntil = Date.now() + seconds * 1000;
  const tick = () => {
    const left = Math.ceil((waitUntil - Date.now()) / 1000);
    if (left <= 0) {
      if (waitTimer) clearInterval(waitTimer);
      waitTimer = null;
      submit.disabled = false;
      clearError();
      return;
    }

    submit.disabled = true;
    showError(t('rateLimited').replace('{s}', String(left)), 'rate-limited');
    error.dataset.retryAfter = String(left);
  };
  if (waitTimer) clearInterval(waitTimer);
  tick();
  waitTimer = setInterval(tick, 1000);
}

function goOn(me: Me | null): void {
  location.replace(returnUrl ?? (me ? homeFor(me) : '/'));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (Date.now() < waitUntil) return;
  if (!userName.value.trim() || !password.value) {
    showError(t('wrongPassword'), 'invalid');
    return;
  }

  submit.disabled = true;
  submit.textContent = t('signingIn');
  clearError();
  const result = await signIn(userName.value.trim(), password.value);
  submit.textContent = t('signIn');
  submit.disabled = false;
  if (result.ok) {
    goOn(returnUrl ? null : await fetchMe().catch(() => null));
    return;
  }

  password.value = '';
  if (result.reason === 'rateLimited') waitOut(result.retryAfterSeconds);
  else if (result.reason === 'invalid') showError(t('wrongPassword'), 'invalid');
  else showError(`${t('signInFailed')}${result.message}`, 'error');
  password.focus();
});

// Already signed in (e.g. a refused page sent the user here to change account): say who, offer to go on or sign out.
fetchMe().then((me) => {
  if (!me) return;
  const already = byId('already');
  already.hidden = false;
  already.innerHTML = `${esc(t('alreadySignedIn'))} <b data-testid="already-user">${esc(me.displayName || me.userName)}</b> · `
    + `<a href="#" data-testid="continue-signed-in">${esc(t('continueAs'))}</a> · <a href="#" data-testid="already-sign-out">${esc(t('signOut'))}</a>`;
  already.querySelector('[data-testid="continue-signed-in"]')!.addEventListener('click', (event) => {
    event.preventDefault();
    goOn(me);
  });
  already.querySelector('[data-testid="already-sign-out"]')!.addEventListener('click', (event) => {
    event.preventDefault();
    void signOut();
  });
}).catch(() => undefined);
