import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import { t, said, colon, joined, paren } from './i18n.js';
import { fieldSaid } from './fields.js';
import { sameCommand, keyFor, keepUnanswered, forgetUnanswered } from './resend.js';

/** The screen to come back to once signed in (also written by the sign-in page, login.js; read by router.js). */
export const RETURN_TO = 'duban.returnTo';

function csrf() {
  const c = document.cookie.split('; ').find(x => x.startsWith('XSRF-TOKEN='));
  return c ? decodeURIComponent(c.substring('XSRF-TOKEN='.length)) : '';
}

/**
 * The event-store position of this tab's last command. Every read sends it and is answered once the
 * read models include it (read your own writes), so commands need not wait for them: each asks to be
 * answered once it is durable. Kept for the tab's life, so a reload right after an act shows it too.
 */
const POSITION_KEY = 'duban.position';
let lastPosition = sessionStorage.getItem(POSITION_KEY);

function readYourWrites(headers) {
  if (lastPosition) {
    headers['X-Duban-Min-Position'] = lastPosition;
  }
  return headers;
}

/**
 * A read the read models did not catch up with in the platform's wait (`X-Duban-Consistency: pending`:
 * a long run of acts still being taken in, a rebuild, a read model failing on an event) shows the page
 * as it stood: the reader is told so, and the tab's reads stop waiting for that act, or every page
 * would wait out the same wait again while the read models stand still.
 */
function behind(res, waitedFor) {
  if (res.headers.get('X-Duban-Consistency') !== 'pending') {
    return;
  }
  if (lastPosition === waitedFor) { // not an act made meanwhile, which the next read waits for
    lastPosition = null;
    sessionStorage.removeItem(POSITION_KEY);
  }
  ElMessage.warning({ message: t('数据仍在更新：本页可能还未包含刚才的操作，请稍后刷新',
    'Still updating: this page may not show what was just done yet; refresh in a moment'), duration: 8000, grouping: true });
}

/**
 * Sends a request; a request that never reached the platform (the office's line down, the platform
 * restarting) is told in a toast, as a refusal is, instead of leaving the button the reader pressed
 * doing nothing, and rejects.
 */
async function reach(path, init, { saysOwnError = false } = {}) {
  try {
    return await fetch(path, init);
  } catch (cause) {
    const message = t('无法连接到平台，请检查网络后重试', 'The platform cannot be reached: check the connection and try again');
    if (!saysOwnError) ElMessage.error({ message, grouping: true });
    throw Object.assign(new Error(message, { cause }), { status: 0 });
  }
}

/**
 * The answer's JSON; null for an empty answer. The platform answers nothing else, so an answer that is
 * not JSON came from something in front of it (a proxy's error page while the platform restarts, an
 * office gateway's own page): undefined, told by its status alone.
 */
async function answerOf(res) {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return undefined;
  }
}

/**
 * A 2xx answer that is not the platform's: whether what was sent arrived is not known. Said in a toast
 * (but where the caller says its errors itself), and the error to reject with.
 */
function notThePlatforms(status, saysOwnError = false) {
  const message = t('收到的不是平台的回答（可能来自网关或代理），操作可能未完成，请稍后重试',
    'What came back was not the platform\'s answer (a gateway\'s or proxy\'s page?): it may not have been done; try again shortly') + paren(status);
  if (!saysOwnError) ElMessage.error({ message, grouping: true });
  return Object.assign(new Error(message), { status });
}

function remember(res) {
  const position = res.headers.get('X-Duban-Position');
  if (position && (!lastPosition || Number(position) > Number(lastPosition))) {
    lastPosition = position;
    sessionStorage.setItem(POSITION_KEY, position);
  }
}

/** Who is signed in, once the workbench has read it (store.js): a lapsed session's screen is kept for them. */
let signedInAs = null;
export function readerIs(username) {
  signedInAs = username;
}

/**
 * A lapsed session answers 401: back to the sign-in page, and nothing more is done with the answer. The
 * screen the reader was on is kept for this tab with who they are, to come back to once they have signed
 * in again; another person signing in at this tab gets the overview (router.js).
 */
function requireSignedIn(res) {
  if (res.status === 401) {
    sessionStorage.setItem(RETURN_TO, JSON.stringify({ path: location.hash.replace(/^#/, '') || '/', user: signedInAs }));
    location.href = '/login.html?lapsed';
    throw new Error(t('登录已失效，正在转到登录页', 'Signed out: opening the sign-in page'));
  }
}

/**
 * How many of this tab's commands are on their way. While one is, the page takes no second press of a
 * button that sends (App.vue): a clerk's double click, or a second press on a slow line, would
 * otherwise record the same training twice.
 */
export const sending = ref(0);

/**
 * How many files this tab is uploading. A record sent meanwhile would go without the file still on its
 * way (its form is emptied once sent, and the file then belongs to no record): no command is sent
 * until every upload has ended, and the reader is told why.
 */
let uploading = 0;

const commandListeners = [];

/** Calls `listener` after each command (any request but a GET) the API has accepted. */
export function afterEveryCommand(listener) {
  commandListeners.push(listener);
}

/** Tells the listeners that something was recorded, as a command the API accepted does (a run stopped by a fault, some of it in). */
export function recorded() {
  commandListeners.forEach(listener => listener());
}

/**
 * Calls the API with the session: the CSRF token on writes, and X-Requested-With so a lapsed
 * session answers 401 (back to the sign-in page) instead of a browser's password dialog.
 * Errors become a toast that names the field, as the API does, and reject. A command that ends
 * the session (`endsSession`: a new password) is followed by no read: one would take the reader to
 * the sign-in page before they had read that it was done. With `saysOwnError` the caller tells the
 * reader of an error itself (the error it rejects with carries the answer's body as `body`).
 */
export async function api(method, path, body, contentType, { absentIsNull = false, endsSession = false, saysOwnError = false } = {}) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' };
  if (method === 'GET') {
    readYourWrites(headers);
  } else {
    headers['X-XSRF-TOKEN'] = csrf();
    headers['Content-Type'] = contentType || 'application/json';
    headers['X-Duban-Consistency'] = 'deferred';
  }
  if (method !== 'GET' && uploading > 0) {
    const message = t('材料仍在上传中，请等上传完成后再提交', 'A file is still being uploaded: send once it is done');
    if (!saysOwnError) ElMessage.warning({ message, grouping: true });
    throw Object.assign(new Error(message), { status: 0 });
  }
  const sent = body === undefined ? undefined : contentType ? body : JSON.stringify(body);
  const request = method === 'GET' ? null : sameCommand(method, path, sent);
  if (request) headers['Idempotency-Key'] = keyFor(request);
  const waitedFor = lastPosition;
  let res;
  if (request) sending.value++;
  try {
    res = await reach(path, { method, headers, credentials: 'same-origin', body: sent }, { saysOwnError });
  } catch (unreached) {
    if (request) keepUnanswered(request, headers['Idempotency-Key']);
    throw unreached;
  } finally {
    if (request) sending.value--;
  }
  requireSignedIn(res);
  remember(res);
  if (method === 'GET') behind(res, waitedFor);
  const data = await answerOf(res);
  // A 2xx page from a gateway in front of the platform (its own sign-in page, say) is no answer: not
  // taken for done (the form emptied, 已报送 said), and the command's key kept, as for an answer lost.
  if (res.ok && data === undefined) {
    if (request) keepUnanswered(request, headers['Idempotency-Key']);
    throw notThePlatforms(res.status, saysOwnError);
  }
  // Answered, it is done or refused, and a new press is a new command; unless the first sending of it
  // is still being taken, when the key is kept for the next.
  const firstStillTaken = res.status === 409 && data?.field === 'Idempotency-Key';
  if (request && !firstStillTaken) forgetUnanswered(request);
  if (absentIsNull && res.status === 404) {
    return null;
  }
  if (!res.ok) {
    const message = firstStillTaken ? t('刚才的提交仍在处理中，请稍后再提交一次', 'What was just sent is still being taken; send it again in a moment')
      : told(data, res.status);
    if (!saysOwnError) ElMessage.error(message);
    const error = new Error(message);
    error.status = res.status;
    error.body = data;
    throw error;
  }
  if (method !== 'GET' && !endsSession) {
    recorded();
  }
  return data;
}

/** How many of an error's places a toast names; the rest are counted. */
const SHOWN_VIOLATIONS = 5;

/**
 * An error as its reader reads it: each field the API names (a form's in words, fields.js, or a path
 * in a pasted document such as items[0].max), and what was wrong in the reader's language.
 */
export function told(data, status) {
  if (!data || !data.message) {
    // Answered by something in front of the platform, or by the platform without words.
    return (status >= 502 && status <= 504 ? t('平台暂时无法访问，请稍后重试', 'The platform is not answering just now; try again shortly')
      : t('操作失败', 'Failed')) + paren(status);
  }
  const prefix = data.field ? data.field + ': ' : null;
  const violations = data.violations
    || (data.field ? [{ field: data.field, message: data.message.startsWith(prefix) ? data.message.slice(prefix.length) : data.message }] : null);
  if (!violations) {
    return said(data.message);
  }
  // A document wrong throughout (a scheme's 69 items) names its first few places; the rest are counted.
  const named = violations.slice(0, SHOWN_VIOLATIONS).map(v => (v.field ? fieldSaid(v.field) + colon() : '') + said(v.message));
  const more = violations.length - named.length;
  return joined(named, true) + (more > 0 ? t(`；另有 ${more} 处`, `; and ${more} more`) : '');
}

/**
 * Posts one file (field `file`) with plain fields beside it, as a multipart form, and answers the
 * JSON the API gives; an error is toasted naming the field, as `api` does.
 */
export async function postFile(path, file, fields = {}) {
  const form = new FormData();
  form.append('file', file);
  Object.entries(fields).forEach(([k, v]) => form.append(k, v));
  const res = await reach(path, { method: 'POST', credentials: 'same-origin', body: form,
    headers: { 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': csrf(), Accept: 'application/json' } });
  requireSignedIn(res);
  const data = await answerOf(res);
  if (res.ok && data === undefined) {
    throw notThePlatforms(res.status);
  }
  if (!res.ok) {
    const message = data && data.message ? told(data, res.status) : t('上传失败', 'Upload failed') + paren(res.status);
    ElMessage.error(message);
    throw new Error(message);
  }
  return data;
}

/** Uploads one file for a unit (台账材料); answers what the server stored: sha256, name, type, size. */
export async function upload(file, unitId) {
  uploading++;
  try {
    return await postFile('/api/materials', file, { unitId });
  } finally {
    uploading--;
  }
}

/**
 * Downloads a file the API makes (a workbook, a notice's Word document) under a name, or toasts why
 * it was refused (a stretch too long to export): a plain link would save the refusal's JSON as the
 * file. Without a name given, the file takes the one the platform gives it (Content-Disposition's
 * filename*), which the platform has made fit for a file's name.
 */
export async function download(path, fileName) {
  const waitedFor = lastPosition;
  const res = await reach(path, { credentials: 'same-origin', headers: readYourWrites({ 'X-Requested-With': 'XMLHttpRequest' }) });
  requireSignedIn(res);
  behind(res, waitedFor);
  if (!res.ok) {
    const data = await answerOf(res);
    const message = told(data, res.status);
    ElMessage.error(message);
    throw new Error(message);
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await res.blob());
  link.download = fileName || nameGiven(res.headers.get('Content-Disposition'));
  link.click();
  URL.revokeObjectURL(link.href);
}

/**
 * A download a button starts, with whether it is under way (the button's loading state): the
 * workbooks are made while the reader waits.
 */
export function downloader() {
  const busy = ref(false);
  return {
    busy,
    async save(path) {
      busy.value = true;
      try {
        await download(path);
      } finally {
        busy.value = false;
      }
    },
  };
}

export const get = path => api('GET', path);
/** A read whose 404 is an answer ("no sampling plan yet"), not an error to toast: null. */
export const getIfAny = path => api('GET', path, undefined, undefined, { absentIsNull: true });
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);

/** Sends text as it is (a scheme document in JSON or YAML), with its type. */
export const postText = (path, text, contentType) => api('POST', path, text, contentType);

/** The name in a Content-Disposition header: RFC 6266's filename* (UTF-8) if given, else filename. */
function nameGiven(disposition) {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition || '');
  if (extended) {
    return decodeURIComponent(extended[1]);
  }
  const plain = /filename="([^"]+)"/i.exec(disposition || '');
  return plain ? plain[1] : '';
}
